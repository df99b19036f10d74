/**
 * HR themes used to classify staff questions and documents.
 */
import { tokenizeTerm } from './normalize';

interface ThemeDefinition {
  readonly code: string;
  readonly label: string;
  readonly description: string;
  readonly keywords: readonly string[];
}

const THEME_DEFINITIONS = [
  {
    code: 'mouvement-mutation',
    label: 'Mouvement et mutations',
    description:
      'Mobilité géographique des personnels : mouvements inter et intra-académiques, mutations, affectations, postes spécifiques, barèmes et priorités légales.',
    keywords: [
      'mouvement',
      'mutation',
      'mobilité',
      'affectation',
      'mouvement inter',
      'mouvement intra',
      'interacadémique',
      'intra-académique',
      'inter-académique',
      'intradépartemental',
      'interdépartemental',
      'permutation',
      'ineat',
      'exeat',
      'rapprochement de conjoints',
      'barème',
      'vœux',
      'poste spécifique',
      'zone de remplacement',
      'TZR',
      'SIAM',
      'priorité légale',
      'mesure de carte scolaire',
      "changement d'académie",
      "phase d'ajustement",
    ],
  },
  {
    code: 'conges-maladie',
    label: 'Congés de maladie',
    description:
      'Congés pour raison de santé : maladie ordinaire, longue maladie, longue durée, grave maladie, temps partiel thérapeutique, jour de carence et conseil médical.',
    keywords: [
      'congé de maladie',
      'congé maladie',
      'arrêt maladie',
      'arrêt de travail',
      'maladie ordinaire',
      'longue maladie',
      'longue durée',
      'grave maladie',
      'CMO',
      'CLM',
      'CLD',
      'CGM',
      'temps partiel thérapeutique',
      'mi-temps thérapeutique',
      'TPT',
      'jour de carence',
      'conseil médical',
      'comité médical',
      'médecin agréé',
      'contre-visite',
      'demi-traitement',
      'plein traitement',
    ],
  },
  {
    code: 'conges-familiaux',
    label: 'Congés familiaux et parentalité',
    description:
      "Congés liés à la famille : maternité, paternité et accueil de l'enfant, adoption, congé parental, présence parentale, proche aidant, solidarité familiale.",
    keywords: [
      'maternité',
      'congé de maternité',
      'grossesse',
      'paternité',
      'congé de paternité',
      'naissance',
      'congé de naissance',
      'adoption',
      'congé parental',
      'présence parentale',
      'proche aidant',
      'solidarité familiale',
      'allaitement',
      "accueil de l'enfant",
      'enfant malade',
      "garde d'enfant",
    ],
  },
  {
    code: 'conges-annuels',
    label: "Congés annuels et autorisations d'absence",
    description:
      "Congés annuels, jours de fractionnement, congés bonifiés et autorisations d'absence (événements familiaux, fêtes religieuses, examens, mandats).",
    keywords: [
      'congés annuels',
      'congé annuel',
      'vacances',
      'congés payés',
      'fractionnement',
      'congé bonifié',
      'congés bonifiés',
      "autorisation d'absence",
      "autorisation spéciale d'absence",
      'ASA',
      'absence',
      'mariage',
      'décès',
      'fête religieuse',
      'jury',
    ],
  },
  {
    code: 'temps-partiel',
    label: 'Temps partiel',
    description:
      "Temps partiel de droit ou sur autorisation, quotités, modalités d'exercice, surcotisation retraite et retour à temps plein.",
    keywords: [
      'temps partiel',
      'mi-temps',
      'quotité',
      'temps partiel de droit',
      'temps partiel sur autorisation',
      'surcotisation',
      'temps incomplet',
      'reprise à temps plein',
      'temps complet',
    ],
  },
  {
    code: 'positions-administratives',
    label: 'Positions administratives',
    description:
      "Activité, détachement, disponibilité, mise à disposition, position normale d'activité, congé parental en tant que position, réintégration et intégration.",
    keywords: [
      'position administrative',
      'détachement',
      'disponibilité',
      'dispo',
      'mise à disposition',
      'MAD',
      "position normale d'activité",
      'PNA',
      'réintégration',
      'intégration',
      'convenances personnelles',
      'suivre son conjoint',
      "création d'entreprise",
    ],
  },
  {
    code: 'carriere-avancement',
    label: 'Carrière et avancement',
    description:
      'Déroulement de carrière : classement, échelons, grades (hors classe, classe exceptionnelle), promotions, rendez-vous de carrière, évaluation et titularisation.',
    keywords: [
      'carrière',
      'avancement',
      'échelon',
      "avancement d'échelon",
      'grade',
      'avancement de grade',
      'hors classe',
      'classe exceptionnelle',
      'échelon spécial',
      'promotion',
      "tableau d'avancement",
      "liste d'aptitude",
      'rendez-vous de carrière',
      'PPCR',
      'classement',
      'reclassement',
      'ancienneté',
      'évaluation',
      'entretien professionnel',
      'inspection',
      'titularisation',
      'changement de corps',
      'appréciation',
      'LDG',
    ],
  },
  {
    code: 'remuneration',
    label: 'Rémunération',
    description:
      'Traitement indiciaire, indemnités et primes (NBI, SFT, ISAE, ISOE, RIFSEEP…), heures supplémentaires, bulletin de paie, trop-perçus et frais de déplacement.',
    keywords: [
      'rémunération',
      'traitement',
      'salaire',
      'paie',
      'paye',
      'bulletin de paie',
      'fiche de paie',
      'indice',
      "point d'indice",
      'indice majoré',
      'indice brut',
      'NBI',
      'SFT',
      'supplément familial',
      'indemnité',
      'prime',
      'ISAE',
      'ISOE',
      'IFSE',
      'RIFSEEP',
      'CIA',
      'heures supplémentaires',
      'HSA',
      'HSE',
      'indemnité de résidence',
      'GIPA',
      'trop-perçu',
      'rappel',
      'frais de déplacement',
      'indemnités kilométriques',
      "prime d'attractivité",
      'REP+',
      'prélèvement à la source',
    ],
  },
  {
    code: 'recrutement-concours',
    label: 'Recrutement et concours',
    description:
      'Concours externes, internes et troisièmes concours, examens professionnels, recrutements sans concours, inscription, lauréats et entrée en stage.',
    keywords: [
      'concours',
      'recrutement',
      'CRPE',
      'CAPES',
      'CAPET',
      'CAPLP',
      'CAPEPS',
      'agrégation',
      'concours interne',
      'concours externe',
      'troisième concours',
      'examen professionnel',
      'liste complémentaire',
      'inscription au concours',
      'lauréat',
      'INSPE',
      'recrutement sans concours',
      'RAEP',
    ],
  },
  {
    code: 'formation',
    label: 'Formation professionnelle',
    description:
      'Formation continue, compte personnel de formation, congé de formation professionnelle, bilan de compétences, VAE, préparation aux concours et reconversion.',
    keywords: [
      'formation',
      'formation continue',
      'formation professionnelle',
      'CPF',
      'compte personnel de formation',
      'DIF',
      'congé de formation professionnelle',
      'CFP',
      'bilan de compétences',
      'VAE',
      'validation des acquis',
      'plan de formation',
      'PAF',
      'EAFC',
      'préparation aux concours',
      'reconversion',
      'CRCT',
    ],
  },
  {
    code: 'retraite',
    label: 'Retraite',
    description:
      "Départ à la retraite, âge légal et limite d'âge, durée d'assurance, décote et surcote, services actifs, retraite progressive, cumul emploi-retraite, réversion et RAFP.",
    keywords: [
      'retraite',
      'pension',
      'départ à la retraite',
      'âge légal',
      "limite d'âge",
      'trimestres',
      'décote',
      'surcote',
      'catégorie active',
      'services actifs',
      'retraite progressive',
      'cumul emploi-retraite',
      'RAFP',
      'SRE',
      'CNRACL',
      'carrière longue',
      'réversion',
      'validation de services',
      "rachat d'années d'études",
      'retraite pour invalidité',
    ],
  },
  {
    code: 'protection-sociale-complementaire',
    label: 'Protection sociale complémentaire',
    description:
      "Complémentaire santé et prévoyance : participation de l'employeur, contrat collectif, remboursement forfaitaire, mutuelles.",
    keywords: [
      'protection sociale complémentaire',
      'PSC',
      'mutuelle',
      'complémentaire santé',
      'MGEN',
      'prévoyance',
      'remboursement forfaitaire',
      'contrat collectif',
      'participation employeur',
    ],
  },
  {
    code: 'temps-de-travail',
    label: 'Temps de travail',
    description:
      'Durée et organisation du travail : 1 607 heures, cycles, ARTT, compte épargne-temps, télétravail, obligations réglementaires de service des enseignants, décharges et compléments de service.',
    keywords: [
      'temps de travail',
      'durée du travail',
      'ARTT',
      'RTT',
      'CET',
      'compte épargne-temps',
      'obligations de service',
      'obligations réglementaires de service',
      'ORS',
      '1607 heures',
      'cycle de travail',
      'télétravail',
      'horaires',
      'astreinte',
      'journée de solidarité',
      'décharge de service',
      'complément de service',
      'service partagé',
      'allègement de service',
      '108 heures',
      'pondération',
    ],
  },
  {
    code: 'cessation-fonctions',
    label: 'Cessation de fonctions',
    description:
      'Fin de fonctions hors retraite : démission, rupture conventionnelle, licenciement, fin de contrat, abandon de poste, radiation des cadres et allocations chômage.',
    keywords: [
      'cessation de fonctions',
      'démission',
      'démissionner',
      'rupture conventionnelle',
      'licenciement',
      'fin de contrat',
      'abandon de poste',
      'radiation des cadres',
      'indemnité de licenciement',
      'chômage',
      'ARE',
      "allocation de retour à l'emploi",
      'insuffisance professionnelle',
      'indemnité de départ volontaire',
    ],
  },
  {
    code: 'action-sociale',
    label: 'Action sociale',
    description:
      "Prestations d'action sociale interministérielles et ministérielles : aides, secours et prêts, garde d'enfants, logement, vacances, restauration, aide à l'installation.",
    keywords: [
      'action sociale',
      'prestation sociale',
      'aide sociale',
      'SRIAS',
      'CIAS',
      'ASIA',
      'secours',
      'prêt',
      'CESU',
      "aide à l'installation",
      'AIP',
      'chèques-vacances',
      'logement',
      'restauration',
      'assistant de service social',
      'crèche',
      "séjour d'enfants",
    ],
  },
  {
    code: 'sante-securite-travail',
    label: 'Santé et sécurité au travail',
    description:
      'Accidents de service et de trajet, maladies professionnelles, CITIS, médecine du travail, prévention des risques, inaptitude, reclassement et postes adaptés.',
    keywords: [
      'accident de service',
      'accident du travail',
      'accident de trajet',
      'maladie professionnelle',
      'CITIS',
      'imputabilité',
      'médecine de prévention',
      'médecin du travail',
      'visite médicale',
      'registre santé et sécurité',
      'DUERP',
      'F3SCT',
      'risques psychosociaux',
      'souffrance au travail',
      'inaptitude',
      'reclassement pour inaptitude',
      'période de préparation au reclassement',
      'PPR',
      'poste adapté',
      'aménagement de poste',
      'invalidité',
      'droit de retrait',
      'ATI',
      "allocation temporaire d'invalidité",
    ],
  },
  {
    code: 'handicap',
    label: 'Handicap',
    description:
      "Emploi des personnes en situation de handicap : RQTH et bénéficiaires de l'obligation d'emploi, recrutement contractuel spécifique, aménagements de poste, FIPHFP.",
    keywords: [
      'handicap',
      'situation de handicap',
      'travailleur handicapé',
      'RQTH',
      'BOE',
      "obligation d'emploi",
      'aménagement de poste',
      'FIPHFP',
      'MDPH',
      'correspondant handicap',
      'allègement de service',
    ],
  },
  {
    code: 'discipline-deontologie',
    label: 'Discipline et déontologie',
    description:
      "Obligations des agents (neutralité, laïcité, réserve, secret professionnel), cumul d'activités, conflits d'intérêts, protection fonctionnelle, procédure et sanctions disciplinaires.",
    keywords: [
      'discipline',
      'sanction',
      'sanction disciplinaire',
      'procédure disciplinaire',
      'conseil de discipline',
      'avertissement',
      'blâme',
      'exclusion temporaire',
      'suspension',
      'déontologie',
      "cumul d'activités",
      'activité accessoire',
      'auto-entrepreneur',
      'micro-entreprise',
      'laïcité',
      'neutralité',
      'obligation de réserve',
      'secret professionnel',
      "conflit d'intérêts",
      'référent déontologue',
      'protection fonctionnelle',
      "lanceur d'alerte",
      'harcèlement',
    ],
  },
  {
    code: 'dialogue-social',
    label: 'Dialogue social et instances',
    description:
      "Instances de dialogue social (CSA, F3SCT, CAP, CCP), élections professionnelles, droit syndical, droit de grève et réunions d'information.",
    keywords: [
      'dialogue social',
      'CAP',
      'CAPA',
      'CAPN',
      'CAPD',
      'CCP',
      'CSA',
      "comité social d'administration",
      'élections professionnelles',
      'syndicat',
      'droit syndical',
      'décharge syndicale',
      "réunion d'information syndicale",
      "heure mensuelle d'information",
      'grève',
      'préavis de grève',
      'représentant du personnel',
    ],
  },
  {
    code: 'contractuels',
    label: 'Agents contractuels',
    description:
      "Recrutement et gestion des agents contractuels : contrats, renouvellement, CDIsation, période d'essai, rémunération et fin de contrat.",
    keywords: [
      'contractuel',
      'agent contractuel',
      'non titulaire',
      'contrat',
      'CDD',
      'CDI',
      'CDIsation',
      'renouvellement de contrat',
      "période d'essai",
      'contrat de projet',
      'vacataire',
      'indemnité de fin de contrat',
      'portabilité du CDI',
    ],
  },
  {
    code: 'droits-recours',
    label: 'Droits, recours et dossier administratif',
    description:
      'Accès au dossier administratif, recours gracieux et hiérarchiques, recours administratif préalable obligatoire, contentieux devant le tribunal administratif.',
    keywords: [
      'recours',
      'recours gracieux',
      'recours hiérarchique',
      'RAPO',
      'contentieux',
      'tribunal administratif',
      'dossier administratif',
      'communication du dossier',
      "droit d'accès",
      'délai de recours',
    ],
  },
] as const satisfies readonly ThemeDefinition[];

/** Code of an HR theme (`mouvement-mutation`, `conges-maladie`…). */
export type ThemeCode = (typeof THEME_DEFINITIONS)[number]['code'];

/** An HR theme. */
export interface Theme {
  /** Lowercase ASCII slug. */
  readonly code: ThemeCode;
  /** French label shown to users. */
  readonly label: string;
  /** French description of what the theme covers. */
  readonly description: string;
  /** French words and phrases that point to the theme in a query (compared case and accent insensitively). */
  readonly keywords: readonly string[];
}

/** Every HR theme. */
export const THEMES: readonly Theme[] = THEME_DEFINITIONS;

/** Every theme code. */
export const THEME_CODES: readonly ThemeCode[] = THEMES.map(
  (theme) => theme.code,
);

const THEME_BY_CODE: ReadonlyMap<string, Theme> = new Map(
  THEMES.map((theme) => [theme.code, theme]),
);

/** Type guard for a theme code. */
export function isThemeCode(x: unknown): x is ThemeCode {
  return typeof x === 'string' && THEME_BY_CODE.has(x);
}

/** Returns the theme of a code. */
export function getTheme(code: ThemeCode): Theme {
  const theme = THEME_BY_CODE.get(code);
  if (theme === undefined) {
    throw new Error(`Unknown theme: ${code}`);
  }
  return theme;
}

/** A theme recognised in a text, with the keywords that matched. */
export interface ThemeMatch {
  readonly code: ThemeCode;
  /** Matched keywords, as written in {@link Theme.keywords}. */
  readonly keywords: readonly string[];
}

const THEME_KEYWORDS: readonly {
  readonly code: ThemeCode;
  readonly keyword: string;
  readonly key: string;
}[] = THEMES.flatMap((theme) =>
  theme.keywords.map((keyword) => ({
    code: theme.code,
    keyword,
    key: ` ${tokenizeTerm(keyword).join(' ')} `,
  })),
);

/**
 * Recognises HR themes in a free text by whole-word keyword matching (case and accent
 * insensitive). Themes are sorted by number of matched keywords, then by their order in
 * {@link THEMES}.
 *
 * @example matchThemes('Mon CLM peut-il être prolongé ?')[0].code === 'conges-maladie'
 */
export function matchThemes(text: string): ThemeMatch[] {
  const haystack = ` ${tokenizeTerm(text).join(' ')} `;
  const matched = new Map<ThemeCode, string[]>();
  for (const { code, keyword, key } of THEME_KEYWORDS) {
    if (key.trim().length > 0 && haystack.includes(key)) {
      const keywords = matched.get(code) ?? [];
      keywords.push(keyword);
      matched.set(code, keywords);
    }
  }
  const order = (code: ThemeCode): number => THEME_CODES.indexOf(code);
  return [...matched.entries()]
    .map(([code, keywords]) => ({ code, keywords }))
    .sort(
      (a, b) =>
        b.keywords.length - a.keywords.length || order(a.code) - order(b.code),
    );
}
