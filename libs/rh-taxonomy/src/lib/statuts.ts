/**
 * Employment statuses (statuts) of the staff of the Éducation nationale and the Enseignement supérieur.
 */

interface StatutDefinition {
  readonly code: string;
  readonly label: string;
  readonly civilServant: boolean;
  readonly synonyms: readonly string[];
}

const STATUT_DEFINITIONS = [
  {
    code: 'titulaire',
    label: 'Fonctionnaire titulaire',
    civilServant: true,
    synonyms: [
      'titulaire',
      'fonctionnaire',
      'fonctionnaire titulaire',
      'agent titulaire',
      'titularisé',
    ],
  },
  {
    code: 'stagiaire',
    label: 'Fonctionnaire stagiaire',
    civilServant: true,
    synonyms: [
      'stagiaire',
      'fonctionnaire stagiaire',
      'professeur stagiaire',
      'lauréat de concours',
      'année de stage',
    ],
  },
  {
    code: 'contractuel-cdd',
    label: 'Agent contractuel en CDD',
    civilServant: false,
    synonyms: [
      'contractuel',
      'agent contractuel',
      'non titulaire',
      'agent non titulaire',
      'CDD',
      'contrat à durée déterminée',
      'enseignant contractuel',
    ],
  },
  {
    code: 'contractuel-cdi',
    label: 'Agent contractuel en CDI',
    civilServant: false,
    synonyms: [
      'CDI',
      'contrat à durée indéterminée',
      'CDIsé',
      'contractuel en CDI',
    ],
  },
  {
    code: 'vacataire',
    label: 'Vacataire',
    civilServant: false,
    synonyms: [
      'vacation',
      "chargé d'enseignement vacataire",
      'agent temporaire vacataire',
    ],
  },
  {
    code: 'aesh',
    label: 'Accompagnant des élèves en situation de handicap (AESH)',
    civilServant: false,
    synonyms: [
      'AESH',
      'accompagnant',
      'accompagnante',
      'AVS',
      'auxiliaire de vie scolaire',
    ],
  },
  {
    code: 'aed',
    label: "Assistant d'éducation (AED)",
    civilServant: false,
    synonyms: [
      'AED',
      "assistant d'éducation",
      'surveillant',
      'assistant pédagogique',
      'AED prépro',
    ],
  },
  {
    code: 'apprenti',
    label: 'Apprenti',
    civilServant: false,
    synonyms: [
      'apprentissage',
      "contrat d'apprentissage",
      'alternant',
      'alternance',
    ],
  },
  {
    code: 'ater',
    label: "Attaché temporaire d'enseignement et de recherche (ATER)",
    civilServant: false,
    synonyms: ['ATER', "attaché temporaire d'enseignement et de recherche"],
  },
  {
    code: 'doctorant-contractuel',
    label: 'Doctorant contractuel',
    civilServant: false,
    synonyms: ['contrat doctoral', 'doctorant', 'doctorant contractuel'],
  },
] as const satisfies readonly StatutDefinition[];

/** Code of an employment status (`titulaire`, `contractuel-cdi`, `aesh`…). */
export type StatutCode = (typeof STATUT_DEFINITIONS)[number]['code'];

/** An employment status. */
export interface Statut {
  /** Lowercase ASCII slug. */
  readonly code: StatutCode;
  /** French label shown to users. */
  readonly label: string;
  /** True for fonctionnaires (titulaires and stagiaires), false for contract-based or temporary staff. */
  readonly civilServant: boolean;
  /** Other French names of the status, as users write them. */
  readonly synonyms: readonly string[];
}

/** Every employment status. */
export const STATUTS: readonly Statut[] = STATUT_DEFINITIONS;

/** Every status code. */
export const STATUT_CODES: readonly StatutCode[] = STATUTS.map(
  (statut) => statut.code,
);

const STATUT_BY_CODE: ReadonlyMap<string, Statut> = new Map(
  STATUTS.map((statut) => [statut.code, statut]),
);

/** Type guard for a status code. */
export function isStatutCode(x: unknown): x is StatutCode {
  return typeof x === 'string' && STATUT_BY_CODE.has(x);
}

/** Returns the status of a code. */
export function getStatut(code: StatutCode): Statut {
  const statut = STATUT_BY_CODE.get(code);
  if (statut === undefined) {
    throw new Error(`Unknown statut: ${code}`);
  }
  return statut;
}
