/**
 * Main corps (bodies of civil servants) managed by the ministries of Éducation nationale
 * and Enseignement supérieur.
 */
import { normalizeTerm } from './normalize';

const POPULATION_DEFINITIONS = [
  { code: 'enseignant-1er-degre', label: 'Enseignants du premier degré' },
  { code: 'enseignant-2nd-degre', label: 'Enseignants du second degré' },
  { code: 'enseignant-chercheur', label: 'Enseignants-chercheurs' },
  {
    code: 'education-orientation',
    label: "Personnels d'éducation et d'orientation",
  },
  { code: 'administratif', label: 'Personnels administratifs' },
  {
    code: 'technique',
    label: 'Personnels ingénieurs et techniques de recherche et de formation',
  },
  { code: 'bibliotheques', label: 'Personnels des bibliothèques' },
  { code: 'sante-social', label: 'Personnels sociaux et de santé' },
  {
    code: 'encadrement',
    label: "Personnels d'encadrement (direction et inspection)",
  },
] as const satisfies readonly {
  readonly code: string;
  readonly label: string;
}[];

/** Code of a staff population (`enseignant-1er-degre`, `administratif`…). */
export type PopulationCode = (typeof POPULATION_DEFINITIONS)[number]['code'];

/** A staff population grouping several corps. */
export interface Population {
  readonly code: PopulationCode;
  /** French label shown to users. */
  readonly label: string;
}

/** Every staff population. */
export const POPULATIONS: readonly Population[] = POPULATION_DEFINITIONS;

/** Category of a corps in the French civil service (A: conception and management, B: application, C: execution). */
export type CorpsCategory = 'A' | 'B' | 'C';

interface CorpsDefinition {
  readonly code: string;
  readonly label: string;
  readonly shortLabel: string;
  readonly acronym?: string;
  readonly population: PopulationCode;
  readonly category: CorpsCategory;
  readonly synonyms: readonly string[];
}

const CORPS_DEFINITIONS = [
  // Enseignants du premier degré
  {
    code: 'pe',
    label: 'Professeurs des écoles',
    shortLabel: 'Professeurs des écoles',
    acronym: 'PE',
    population: 'enseignant-1er-degre',
    category: 'A',
    synonyms: [
      'professeur des écoles',
      'professeure des écoles',
      'enseignant du premier degré',
      'PE',
    ],
  },
  {
    code: 'instituteur',
    label: 'Instituteurs',
    shortLabel: 'Instituteurs',
    population: 'enseignant-1er-degre',
    category: 'B',
    synonyms: ['instituteur', 'institutrice', 'instit'],
  },
  // Enseignants du second degré
  {
    code: 'certifie',
    label: 'Professeurs certifiés',
    shortLabel: 'Certifiés',
    population: 'enseignant-2nd-degre',
    category: 'A',
    synonyms: ['certifié', 'professeur certifié', 'PRCE', 'CAPES', 'CAPET'],
  },
  {
    code: 'agrege',
    label: 'Professeurs agrégés',
    shortLabel: 'Agrégés',
    population: 'enseignant-2nd-degre',
    category: 'A',
    synonyms: ['agrégé', 'professeur agrégé', 'PRAG', 'agrégation'],
  },
  {
    code: 'chaire-superieure',
    label: 'Professeurs de chaires supérieures',
    shortLabel: 'Chaires supérieures',
    population: 'enseignant-2nd-degre',
    category: 'A',
    synonyms: ['chaire supérieure', 'professeur de chaire supérieure'],
  },
  {
    code: 'plp',
    label: 'Professeurs de lycée professionnel',
    shortLabel: 'PLP',
    acronym: 'PLP',
    population: 'enseignant-2nd-degre',
    category: 'A',
    synonyms: ['professeur de lycée professionnel', 'CAPLP', 'PLP'],
  },
  {
    code: 'peps',
    label: "Professeurs d'éducation physique et sportive",
    shortLabel: "Professeurs d'EPS",
    acronym: 'PEPS',
    population: 'enseignant-2nd-degre',
    category: 'A',
    synonyms: ["professeur d'EPS", 'professeur de sport', 'CAPEPS', 'PEPS'],
  },
  {
    code: 'pegc',
    label: "Professeurs d'enseignement général de collège",
    shortLabel: 'PEGC',
    acronym: 'PEGC',
    population: 'enseignant-2nd-degre',
    category: 'A',
    synonyms: ['PEGC'],
  },
  // Éducation et orientation
  {
    code: 'cpe',
    label: "Conseillers principaux d'éducation",
    shortLabel: 'CPE',
    acronym: 'CPE',
    population: 'education-orientation',
    category: 'A',
    synonyms: [
      "conseiller principal d'éducation",
      "conseillère principale d'éducation",
      'CPE',
    ],
  },
  {
    code: 'psyen',
    label: "Psychologues de l'éducation nationale",
    shortLabel: 'PsyEN',
    acronym: 'PsyEN',
    population: 'education-orientation',
    category: 'A',
    synonyms: [
      "psychologue de l'éducation nationale",
      'psychologue scolaire',
      "conseiller d'orientation-psychologue",
      'COP',
      'PsyEN',
    ],
  },
  // Enseignants-chercheurs
  {
    code: 'mcf',
    label: 'Maîtres de conférences',
    shortLabel: 'Maîtres de conférences',
    acronym: 'MCF',
    population: 'enseignant-chercheur',
    category: 'A',
    synonyms: ['maître de conférences', 'maîtresse de conférences', 'MCF'],
  },
  {
    code: 'pu',
    label: 'Professeurs des universités',
    shortLabel: 'Professeurs des universités',
    acronym: 'PU',
    population: 'enseignant-chercheur',
    category: 'A',
    synonyms: ['professeur des universités', "professeur d'université", 'PU'],
  },
  // Ingénieurs et personnels techniques de recherche et de formation (ITRF)
  {
    code: 'igr',
    label: 'Ingénieurs de recherche',
    shortLabel: 'Ingénieurs de recherche',
    acronym: 'IGR',
    population: 'technique',
    category: 'A',
    synonyms: ['ingénieur de recherche', 'IGR'],
  },
  {
    code: 'ige',
    label: "Ingénieurs d'études",
    shortLabel: "Ingénieurs d'études",
    acronym: 'IGE',
    population: 'technique',
    category: 'A',
    synonyms: ["ingénieur d'études", 'IGE'],
  },
  {
    code: 'asi',
    label: 'Assistants ingénieurs',
    shortLabel: 'Assistants ingénieurs',
    acronym: 'ASI',
    population: 'technique',
    category: 'A',
    synonyms: ['assistant ingénieur', 'ASI'],
  },
  {
    code: 'tech-rf',
    label: 'Techniciens de recherche et de formation',
    shortLabel: 'Techniciens RF',
    population: 'technique',
    category: 'B',
    synonyms: [
      'technicien de recherche et de formation',
      'technicien RF',
      'TECH RF',
    ],
  },
  {
    code: 'atrf',
    label: 'Adjoints techniques de recherche et de formation',
    shortLabel: 'Adjoints techniques RF',
    acronym: 'ATRF',
    population: 'technique',
    category: 'C',
    synonyms: [
      'adjoint technique de recherche et de formation',
      'adjoint technique',
      'ATRF',
    ],
  },
  // Administration de l'éducation nationale et de l'enseignement supérieur (AENES)
  {
    code: 'aae',
    label: "Attachés d'administration de l'État",
    shortLabel: 'Attachés',
    acronym: 'AAE',
    population: 'administratif',
    category: 'A',
    synonyms: [
      "attaché d'administration",
      "attaché d'administration de l'État",
      'attaché',
      'AAE',
      'APAE',
    ],
  },
  {
    code: 'saenes',
    label:
      "Secrétaires administratifs de l'éducation nationale et de l'enseignement supérieur",
    shortLabel: 'Secrétaires administratifs',
    acronym: 'SAENES',
    population: 'administratif',
    category: 'B',
    synonyms: [
      'secrétaire administratif',
      'secrétaire administrative',
      'SAENES',
    ],
  },
  {
    code: 'adjaenes',
    label:
      "Adjoints administratifs de l'éducation nationale et de l'enseignement supérieur",
    shortLabel: 'Adjoints administratifs',
    acronym: 'ADJAENES',
    population: 'administratif',
    category: 'C',
    synonyms: ['adjoint administratif', 'adjointe administrative', 'ADJAENES'],
  },
  // Personnels sociaux et de santé
  {
    code: 'infenes',
    label: "Infirmiers de l'éducation nationale et de l'enseignement supérieur",
    shortLabel: 'Infirmiers',
    acronym: 'INFENES',
    population: 'sante-social',
    category: 'A',
    synonyms: ['infirmier', 'infirmière', 'infirmière scolaire', 'INFENES'],
  },
  {
    code: 'assae',
    label: "Assistants de service social des administrations de l'État",
    shortLabel: 'Assistants de service social',
    acronym: 'ASSAE',
    population: 'sante-social',
    category: 'A',
    synonyms: [
      'assistant de service social',
      'assistante sociale',
      'assistant social',
      'ASSAE',
    ],
  },
  {
    code: 'ctssae',
    label:
      "Conseillers techniques de service social des administrations de l'État",
    shortLabel: 'Conseillers techniques de service social',
    acronym: 'CTSSAE',
    population: 'sante-social',
    category: 'A',
    synonyms: ['conseiller technique de service social', 'CTSS', 'CTSSAE'],
  },
  {
    code: 'medecin',
    label: "Médecins de l'éducation nationale",
    shortLabel: 'Médecins',
    population: 'sante-social',
    category: 'A',
    synonyms: [
      "médecin de l'éducation nationale",
      'médecin scolaire',
      'médecin',
    ],
  },
  // Bibliothèques
  {
    code: 'conservateur-bib',
    label: 'Conservateurs des bibliothèques',
    shortLabel: 'Conservateurs',
    population: 'bibliotheques',
    category: 'A',
    synonyms: ['conservateur des bibliothèques', 'conservateur'],
  },
  {
    code: 'bibliothecaire',
    label: 'Bibliothécaires',
    shortLabel: 'Bibliothécaires',
    population: 'bibliotheques',
    category: 'A',
    synonyms: ['bibliothécaire'],
  },
  {
    code: 'bibas',
    label: 'Bibliothécaires assistants spécialisés',
    shortLabel: 'BIBAS',
    acronym: 'BIBAS',
    population: 'bibliotheques',
    category: 'B',
    synonyms: ['bibliothécaire assistant spécialisé', 'BIBAS'],
  },
  {
    code: 'magasinier',
    label: 'Magasiniers des bibliothèques',
    shortLabel: 'Magasiniers',
    population: 'bibliotheques',
    category: 'C',
    synonyms: ['magasinier des bibliothèques', 'magasinier'],
  },
  // Encadrement
  {
    code: 'perdir',
    label: 'Personnels de direction',
    shortLabel: 'Personnels de direction',
    acronym: 'PERDIR',
    population: 'encadrement',
    category: 'A',
    synonyms: [
      'personnel de direction',
      "chef d'établissement",
      'principal',
      'principal adjoint',
      'proviseur',
      'proviseur adjoint',
      'PERDIR',
    ],
  },
  {
    code: 'ien',
    label: "Inspecteurs de l'éducation nationale",
    shortLabel: 'IEN',
    acronym: 'IEN',
    population: 'encadrement',
    category: 'A',
    synonyms: [
      "inspecteur de l'éducation nationale",
      'inspecteur du premier degré',
      'IEN',
    ],
  },
  {
    code: 'ia-ipr',
    label: "Inspecteurs d'académie – inspecteurs pédagogiques régionaux",
    shortLabel: 'IA-IPR',
    acronym: 'IA-IPR',
    population: 'encadrement',
    category: 'A',
    synonyms: [
      "inspecteur d'académie",
      'inspecteur pédagogique régional',
      'IPR',
      'IA-IPR',
    ],
  },
  {
    code: 'igesr',
    label: "Inspecteurs généraux de l'éducation, du sport et de la recherche",
    shortLabel: 'Inspecteurs généraux',
    acronym: 'IGÉSR',
    population: 'encadrement',
    category: 'A',
    synonyms: ['inspecteur général', 'inspection générale', 'IGESR'],
  },
] as const satisfies readonly CorpsDefinition[];

/** Code of a corps (`certifie`, `pe`, `adjaenes`…). */
export type CorpsCode = (typeof CORPS_DEFINITIONS)[number]['code'];

/** A corps of civil servants. */
export interface Corps {
  /** Lowercase ASCII slug. */
  readonly code: CorpsCode;
  /** Full French label (plural, as in the statutory decree), e.g. « Professeurs certifiés ». */
  readonly label: string;
  /** Short French label for compact displays, e.g. « Certifiés ». */
  readonly shortLabel: string;
  /** Official acronym when the corps has one in common use, e.g. `PLP`, `ADJAENES`. */
  readonly acronym?: string;
  /** Staff population the corps belongs to. */
  readonly population: PopulationCode;
  /** Civil-service category. */
  readonly category: CorpsCategory;
  /** Other names users give a member of the corps (singular, feminine forms, acronyms…). */
  readonly synonyms: readonly string[];
}

/** The main corps. */
export const CORPS: readonly Corps[] = CORPS_DEFINITIONS;

/** Every corps code. */
export const CORPS_CODES: readonly CorpsCode[] = CORPS.map(
  (corps) => corps.code,
);

const CORPS_BY_CODE: ReadonlyMap<string, Corps> = new Map(
  CORPS.map((corps) => [corps.code, corps]),
);

/** Type guard for a corps code. */
export function isCorpsCode(x: unknown): x is CorpsCode {
  return typeof x === 'string' && CORPS_BY_CODE.has(x);
}

/** Returns the corps of a code. */
export function getCorps(code: CorpsCode): Corps {
  const corps = CORPS_BY_CODE.get(code);
  if (corps === undefined) {
    throw new Error(`Unknown corps: ${code}`);
  }
  return corps;
}

/** Corps of a population, in declaration order. */
export function corpsOfPopulation(
  population: PopulationCode,
): readonly Corps[] {
  return CORPS.filter((corps) => corps.population === population);
}

const CORPS_BY_KEY: ReadonlyMap<string, Corps> = (() => {
  const byKey = new Map<string, Corps>();
  for (const corps of CORPS) {
    const keys = [
      corps.code,
      corps.label,
      corps.shortLabel,
      corps.acronym ?? '',
      ...corps.synonyms,
    ];
    for (const key of keys.map(normalizeTerm)) {
      // The first corps that claims a name keeps it.
      if (key.length > 0 && !byKey.has(key)) {
        byKey.set(key, corps);
      }
    }
  }
  return byKey;
})();

/**
 * Finds a corps from its code, label, short label, acronym or a synonym, ignoring case,
 * accents and hyphens.
 *
 * @example findCorps('professeur agrégé')?.code === 'agrege'
 * @example findCorps('ADJAENES')?.code === 'adjaenes'
 */
export function findCorps(codeOrName: string): Corps | undefined {
  return CORPS_BY_KEY.get(normalizeTerm(codeOrName));
}
