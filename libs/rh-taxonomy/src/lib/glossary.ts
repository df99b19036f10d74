/**
 * Glossary of French public-sector HR acronyms and everyday synonyms, used to expand
 * staff questions before searching documents.
 */
import { tokenizeTerm } from './normalize';
import type { ThemeCode } from './themes';

/** `acronym`: an abbreviation and its spelled-out forms; `synonym`: an everyday word and its administrative equivalents. */
export type GlossaryKind = 'acronym' | 'synonym';

/** A glossary entry. */
export interface GlossaryEntry {
  /** The acronym or the everyday term, as usually written (`CLM`, `dispo`, `RDV de carrière`). */
  readonly term: string;
  /** Spelled-out forms or administrative equivalents, in French, most common first. */
  readonly expansions: readonly string[];
  readonly kind: GlossaryKind;
  /** HR themes the term belongs to, when it is specific to some. */
  readonly themes?: readonly ThemeCode[];
  /**
   * True when the term is also a common French word once lowercased (`CET`, `PAS`, `CE`…):
   * {@link expandQueryTerms} only expands it when written in capitals, unless told otherwise.
   */
  readonly ambiguous?: boolean;
}

function acronym(
  term: string,
  expansions: readonly string[],
  themes?: readonly ThemeCode[],
  ambiguous?: true,
): GlossaryEntry {
  return {
    term,
    expansions,
    kind: 'acronym',
    ...(themes === undefined ? {} : { themes }),
    ...(ambiguous === undefined ? {} : { ambiguous }),
  };
}

function synonym(
  term: string,
  expansions: readonly string[],
  themes?: readonly ThemeCode[],
): GlossaryEntry {
  return {
    term,
    expansions,
    kind: 'synonym',
    ...(themes === undefined ? {} : { themes }),
  };
}

/** The glossary: acronyms first (grouped by theme), then everyday synonyms. */
export const GLOSSARY: readonly GlossaryEntry[] = [
  // Congés de maladie, santé et sécurité au travail
  acronym('CMO', ['congé de maladie ordinaire'], ['conges-maladie']),
  acronym(
    'COM',
    ['congé ordinaire de maladie', 'congé de maladie ordinaire'],
    ['conges-maladie'],
  ),
  acronym('CLM', ['congé de longue maladie'], ['conges-maladie']),
  acronym('CLD', ['congé de longue durée'], ['conges-maladie']),
  acronym(
    'CGM',
    ['congé de grave maladie'],
    ['conges-maladie', 'contractuels'],
  ),
  acronym(
    'CITIS',
    ['congé pour invalidité temporaire imputable au service'],
    ['conges-maladie', 'sante-securite-travail'],
  ),
  acronym(
    'TPT',
    ['temps partiel thérapeutique', 'temps partiel pour raison thérapeutique'],
    ['conges-maladie', 'temps-partiel'],
  ),
  acronym(
    'PPR',
    ['période de préparation au reclassement'],
    ['sante-securite-travail'],
  ),
  acronym(
    'PACD',
    ['poste adapté de courte durée'],
    ['sante-securite-travail', 'handicap'],
  ),
  acronym(
    'PALD',
    ['poste adapté de longue durée'],
    ['sante-securite-travail', 'handicap'],
  ),
  acronym(
    'AT',
    ['accident du travail', 'accident de service'],
    ['sante-securite-travail'],
  ),
  acronym('MP', ['maladie professionnelle'], ['sante-securite-travail']),
  acronym(
    'ATI',
    ["allocation temporaire d'invalidité"],
    ['sante-securite-travail', 'retraite'],
  ),
  acronym(
    'DUERP',
    ["document unique d'évaluation des risques professionnels"],
    ['sante-securite-travail'],
  ),
  acronym(
    'RSST',
    ['registre santé et sécurité au travail'],
    ['sante-securite-travail'],
  ),
  acronym(
    'ISST',
    ['inspecteur santé et sécurité au travail'],
    ['sante-securite-travail'],
  ),
  // Congés familiaux, congés annuels, temps de travail
  acronym('CSF', ['congé de solidarité familiale'], ['conges-familiaux']),
  acronym('ASA', ["autorisation spéciale d'absence"], ['conges-annuels']),
  acronym('CET', ['compte épargne-temps'], ['temps-de-travail'], true),
  acronym(
    'RTT',
    ['réduction du temps de travail', 'jour de RTT'],
    ['temps-de-travail'],
  ),
  acronym(
    'ARTT',
    ['aménagement et réduction du temps de travail'],
    ['temps-de-travail'],
  ),
  acronym(
    'ORS',
    ['obligations réglementaires de service', 'obligations de service'],
    ['temps-de-travail'],
  ),
  acronym(
    'ETP',
    ['équivalent temps plein'],
    ['temps-de-travail', 'temps-partiel'],
  ),
  acronym(
    'HSA',
    ['heures supplémentaires année', 'heure supplémentaire année'],
    ['remuneration', 'temps-de-travail'],
  ),
  acronym(
    'HSE',
    ['heures supplémentaires effectives', 'heure supplémentaire effective'],
    ['remuneration', 'temps-de-travail'],
  ),
  // Rémunération
  acronym('NBI', ['nouvelle bonification indiciaire'], ['remuneration']),
  acronym('SFT', ['supplément familial de traitement'], ['remuneration']),
  acronym(
    'ISAE',
    ["indemnité de suivi et d'accompagnement des élèves"],
    ['remuneration'],
  ),
  acronym(
    'ISOE',
    ["indemnité de suivi et d'orientation des élèves"],
    ['remuneration'],
  ),
  acronym(
    'IFSE',
    ["indemnité de fonctions, de sujétions et d'expertise"],
    ['remuneration'],
  ),
  acronym(
    'RIFSEEP',
    [
      "régime indemnitaire tenant compte des fonctions, des sujétions, de l'expertise et de l'engagement professionnel",
    ],
    ['remuneration'],
  ),
  acronym('CIA', ['complément indemnitaire annuel'], ['remuneration']),
  acronym('PFR', ['prime de fonctions et de résultats'], ['remuneration']),
  acronym(
    'GIPA',
    ["garantie individuelle du pouvoir d'achat"],
    ['remuneration'],
  ),
  acronym('INM', ['indice nouveau majoré', 'indice majoré'], ['remuneration']),
  acronym('IM', ['indice majoré'], ['remuneration']),
  acronym('IB', ['indice brut'], ['remuneration']),
  acronym('TIB', ['traitement indiciaire brut'], ['remuneration']),
  acronym('IR', ['indemnité de résidence', 'ingénieur de recherche']),
  acronym('CSG', ['contribution sociale généralisée'], ['remuneration']),
  acronym('PAS', ['prélèvement à la source'], ['remuneration'], true),
  acronym(
    'ICR',
    [
      'indemnité forfaitaire de changement de résidence',
      'indemnité de changement de résidence',
    ],
    ['remuneration', 'mouvement-mutation'],
  ),
  acronym(
    'PSI',
    ["prime spéciale d'installation"],
    ['remuneration', 'mouvement-mutation'],
  ),
  acronym('FMD', ['forfait mobilités durables'], ['remuneration']),
  acronym(
    'REP',
    ["réseau d'éducation prioritaire"],
    ['remuneration', 'mouvement-mutation'],
  ),
  acronym(
    'REP+',
    ["réseau d'éducation prioritaire renforcé"],
    ['remuneration', 'mouvement-mutation'],
  ),
  acronym(
    'ENSAP',
    ["espace numérique sécurisé de l'agent public"],
    ['remuneration', 'retraite'],
  ),
  // Formation, recrutement et concours
  acronym('CFP', ['congé de formation professionnelle'], ['formation']),
  acronym('DIF', ['droit individuel à la formation'], ['formation']),
  acronym('CPF', ['compte personnel de formation'], ['formation']),
  acronym(
    'CPA',
    ["compte personnel d'activité", "cessation progressive d'activité"],
    ['formation', 'retraite'],
  ),
  acronym('VAE', ["validation des acquis de l'expérience"], ['formation']),
  acronym('PAF', ['plan académique de formation'], ['formation']),
  acronym('EAFC', ['école académique de la formation continue'], ['formation']),
  acronym(
    'CRCT',
    ['congé pour recherches ou conversions thématiques'],
    ['formation'],
  ),
  acronym(
    'RAEP',
    ["reconnaissance des acquis de l'expérience professionnelle"],
    ['recrutement-concours'],
  ),
  acronym(
    'INSPE',
    ["institut national supérieur du professorat et de l'éducation"],
    ['recrutement-concours', 'formation'],
  ),
  acronym(
    'CRPE',
    ['concours de recrutement de professeurs des écoles'],
    ['recrutement-concours'],
  ),
  acronym(
    'CAPES',
    ["certificat d'aptitude au professorat de l'enseignement du second degré"],
    ['recrutement-concours'],
  ),
  acronym(
    'CAPET',
    ["certificat d'aptitude au professorat de l'enseignement technique"],
    ['recrutement-concours'],
  ),
  acronym(
    'CAPLP',
    ["certificat d'aptitude au professorat de lycée professionnel"],
    ['recrutement-concours'],
  ),
  acronym(
    'CAPEPS',
    ["certificat d'aptitude au professorat d'éducation physique et sportive"],
    ['recrutement-concours'],
  ),
  acronym(
    'IRA',
    ["institut régional d'administration"],
    ['recrutement-concours'],
  ),
  // Retraite et protection sociale
  acronym(
    'CNRACL',
    ['caisse nationale de retraites des agents des collectivités locales'],
    ['retraite'],
  ),
  acronym('SRE', ["service des retraites de l'État"], ['retraite']),
  acronym(
    'RAFP',
    ['retraite additionnelle de la fonction publique'],
    ['retraite'],
  ),
  acronym(
    'PSC',
    ['protection sociale complémentaire'],
    ['protection-sociale-complementaire'],
  ),
  acronym(
    'MGEN',
    ["mutuelle générale de l'éducation nationale"],
    ['protection-sociale-complementaire'],
  ),
  acronym(
    'CAF',
    ["caisse d'allocations familiales"],
    ['action-sociale', 'conges-familiaux'],
  ),
  acronym('RSA', ['revenu de solidarité active'], ['action-sociale']),
  acronym(
    'ARE',
    ["allocation d'aide au retour à l'emploi"],
    ['cessation-fonctions'],
  ),
  // Action sociale
  acronym(
    'SRIAS',
    ["section régionale interministérielle d'action sociale"],
    ['action-sociale'],
  ),
  acronym(
    'CIAS',
    ["comité interministériel d'action sociale"],
    ['action-sociale'],
  ),
  acronym(
    'ASIA',
    ["action sociale d'initiative académique"],
    ['action-sociale'],
  ),
  acronym('AIP', ["aide à l'installation des personnels"], ['action-sociale']),
  acronym('CESU', ['chèque emploi service universel'], ['action-sociale']),
  // Handicap
  acronym(
    'RQTH',
    ['reconnaissance de la qualité de travailleur handicapé'],
    ['handicap'],
  ),
  acronym('BOE', ["bénéficiaire de l'obligation d'emploi"], ['handicap']),
  acronym(
    'FIPHFP',
    [
      "fonds pour l'insertion des personnes handicapées dans la fonction publique",
    ],
    ['handicap'],
  ),
  acronym(
    'MDPH',
    ['maison départementale des personnes handicapées'],
    ['handicap'],
  ),
  // Statuts et contrats
  acronym('CDD', ['contrat à durée déterminée'], ['contractuels']),
  acronym('CDI', ['contrat à durée indéterminée'], ['contractuels']),
  acronym(
    'AESH',
    ['accompagnant des élèves en situation de handicap'],
    ['contractuels'],
  ),
  acronym(
    'AVS',
    [
      'auxiliaire de vie scolaire',
      'accompagnant des élèves en situation de handicap',
    ],
    ['contractuels'],
  ),
  acronym('AED', ["assistant d'éducation"], ['contractuels']),
  acronym(
    'ATER',
    ["attaché temporaire d'enseignement et de recherche"],
    ['contractuels'],
  ),
  // Mouvement, positions, carrière
  acronym(
    'LDG',
    ['lignes directrices de gestion'],
    ['mouvement-mutation', 'carriere-avancement'],
  ),
  acronym(
    'TZR',
    ['titulaire sur zone de remplacement'],
    ['mouvement-mutation'],
  ),
  acronym(
    'SIAM',
    ["système d'information et d'aide pour les mutations"],
    ['mouvement-mutation'],
  ),
  acronym(
    'PACS',
    ['pacte civil de solidarité'],
    ['mouvement-mutation', 'conges-familiaux'],
  ),
  acronym('MAD', ['mise à disposition'], ['positions-administratives']),
  acronym(
    'PNA',
    ["position normale d'activité"],
    ['positions-administratives'],
  ),
  acronym(
    'PPCR',
    ['parcours professionnels, carrières et rémunérations'],
    ['carriere-avancement', 'remuneration'],
  ),
  acronym(
    'RDV de carrière',
    ['rendez-vous de carrière'],
    ['carriere-avancement'],
  ),
  acronym('HC', ['hors classe'], ['carriere-avancement']),
  acronym('CE', ['classe exceptionnelle'], ['carriere-avancement'], true),
  acronym('CNU', ['Conseil national des universités'], ['carriere-avancement']),
  // Corps et populations
  acronym('PE', ['professeur des écoles']),
  acronym('PLP', ['professeur de lycée professionnel']),
  acronym('PEPS', ["professeur d'éducation physique et sportive"]),
  acronym('EPS', ['éducation physique et sportive']),
  acronym('PRAG', ["professeur agrégé affecté dans l'enseignement supérieur"]),
  acronym('PRCE', [
    "professeur certifié affecté dans l'enseignement supérieur",
  ]),
  acronym('CPE', ["conseiller principal d'éducation"]),
  acronym('PsyEN', ["psychologue de l'éducation nationale"]),
  acronym('MCF', ['maître de conférences']),
  acronym('PU', ['professeur des universités'], undefined, true),
  acronym('ITRF', [
    'ingénieurs et personnels techniques de recherche et de formation',
  ]),
  acronym('BIATSS', [
    'personnels des bibliothèques, ingénieurs, administratifs, techniques, sociaux et de santé',
  ]),
  acronym('AENES', [
    "administration de l'éducation nationale et de l'enseignement supérieur",
  ]),
  acronym('IGR', ['ingénieur de recherche']),
  acronym('IGE', ["ingénieur d'études"]),
  acronym('ASI', ['assistant ingénieur']),
  acronym('ATRF', ['adjoint technique de recherche et de formation']),
  acronym('AAE', ["attaché d'administration de l'État"]),
  acronym('SAENES', [
    "secrétaire administratif de l'éducation nationale et de l'enseignement supérieur",
  ]),
  acronym('ADJAENES', [
    "adjoint administratif de l'éducation nationale et de l'enseignement supérieur",
  ]),
  acronym('BIBAS', ['bibliothécaire assistant spécialisé']),
  acronym('INFENES', [
    "infirmier de l'éducation nationale et de l'enseignement supérieur",
  ]),
  acronym('ASSAE', [
    "assistant de service social des administrations de l'État",
  ]),
  acronym('PERDIR', ['personnel de direction']),
  acronym('IEN', ["inspecteur de l'éducation nationale"]),
  acronym('IA-IPR', [
    "inspecteur d'académie – inspecteur pédagogique régional",
    'inspecteur pédagogique régional',
  ]),
  acronym('IGESR', [
    "inspection générale de l'éducation, du sport et de la recherche",
  ]),
  // Fonction publique, droit et organisation
  acronym('FPE', ["fonction publique de l'État"]),
  acronym('FPT', ['fonction publique territoriale']),
  acronym('FPH', ['fonction publique hospitalière']),
  acronym('CGFP', ['code général de la fonction publique']),
  acronym(
    'RAPO',
    ['recours administratif préalable obligatoire'],
    ['droits-recours'],
  ),
  acronym('TA', ['tribunal administratif'], ['droits-recours'], true),
  acronym('BO', [
    'Bulletin officiel',
    "Bulletin officiel de l'éducation nationale",
  ]),
  acronym('JORF', ['Journal officiel de la République française']),
  acronym('MEN', ["ministère de l'éducation nationale"]),
  acronym('ESR', ['enseignement supérieur et recherche']),
  acronym('EPLE', ["établissement public local d'enseignement"]),
  acronym('EPSCP', [
    'établissement public à caractère scientifique, culturel et professionnel',
  ]),
  acronym('DSDEN', [
    "direction des services départementaux de l'éducation nationale",
  ]),
  acronym('DASEN', [
    "directeur académique des services de l'éducation nationale",
  ]),
  acronym('DRH', [
    'direction des ressources humaines',
    'directeur des ressources humaines',
  ]),
  acronym('DGRH', ['direction générale des ressources humaines']),
  acronym('SIRH', ["système d'information des ressources humaines"]),
  acronym('NUMEN', ["numéro d'identification de l'éducation nationale"]),
  acronym('NIR', [
    "numéro d'inscription au répertoire",
    'numéro de sécurité sociale',
  ]),
  // Dialogue social
  acronym(
    'CAP',
    ['commission administrative paritaire'],
    ['dialogue-social'],
    true,
  ),
  acronym(
    'CAPA',
    ['commission administrative paritaire académique'],
    ['dialogue-social'],
  ),
  acronym(
    'CAPN',
    ['commission administrative paritaire nationale'],
    ['dialogue-social'],
  ),
  acronym(
    'CAPD',
    ['commission administrative paritaire départementale'],
    ['dialogue-social'],
  ),
  acronym(
    'CCP',
    ['commission consultative paritaire'],
    ['dialogue-social', 'contractuels'],
  ),
  acronym('CSA', ["comité social d'administration"], ['dialogue-social']),
  acronym('CT', ['comité technique'], ['dialogue-social']),
  acronym(
    'F3SCT',
    [
      'formation spécialisée en matière de santé, de sécurité et de conditions de travail',
      'CHSCT',
    ],
    ['dialogue-social', 'sante-securite-travail'],
  ),
  acronym(
    'CHSCT',
    ["comité d'hygiène, de sécurité et des conditions de travail", 'F3SCT'],
    ['dialogue-social', 'sante-securite-travail'],
  ),

  // Everyday synonyms
  synonym(
    'mutation',
    ['mouvement', "changement d'affectation"],
    ['mouvement-mutation'],
  ),
  synonym('mobilité', ['mutation', 'mouvement'], ['mouvement-mutation']),
  synonym(
    'remplaçant',
    ['titulaire sur zone de remplacement', 'titulaire remplaçant'],
    ['mouvement-mutation'],
  ),
  synonym(
    'déménagement',
    ['changement de résidence', 'indemnité de changement de résidence'],
    ['mouvement-mutation'],
  ),
  synonym('dispo', ['disponibilité'], ['positions-administratives']),
  synonym(
    'mise en dispo',
    ['mise en disponibilité', 'disponibilité'],
    ['positions-administratives'],
  ),
  synonym('détaché', ['détachement'], ['positions-administratives']),
  synonym(
    'arrêt maladie',
    ['congé de maladie', 'congé maladie'],
    ['conges-maladie'],
  ),
  synonym(
    'arrêt de travail',
    [
      'congé de maladie',
      'arrêt maladie',
      'congé pour invalidité temporaire imputable au service',
    ],
    ['conges-maladie', 'sante-securite-travail'],
  ),
  synonym(
    'mi-temps thérapeutique',
    ['temps partiel thérapeutique'],
    ['conges-maladie', 'temps-partiel'],
  ),
  synonym(
    'jour de carence',
    ['délai de carence', 'retenue pour jour de carence'],
    ['conges-maladie'],
  ),
  synonym(
    'accident de service',
    ['accident du travail', 'CITIS'],
    ['sante-securite-travail'],
  ),
  synonym(
    'maladie pro',
    ['maladie professionnelle'],
    ['sante-securite-travail'],
  ),
  synonym(
    'grossesse',
    ['maternité', 'congé de maternité'],
    ['conges-familiaux'],
  ),
  synonym('congé mat', ['congé de maternité'], ['conges-familiaux']),
  synonym(
    'bébé',
    [
      'naissance',
      'congé de naissance',
      'congé de paternité',
      'congé de maternité',
    ],
    ['conges-familiaux'],
  ),
  synonym(
    'congé paternité',
    ["congé de paternité et d'accueil de l'enfant"],
    ['conges-familiaux'],
  ),
  synonym('proche aidant', ['congé de proche aidant'], ['conges-familiaux']),
  synonym(
    'enfant malade',
    ["autorisation d'absence pour garde d'enfant", "garde d'enfant malade"],
    ['conges-familiaux', 'conges-annuels'],
  ),
  synonym('vacances', ['congés annuels'], ['conges-annuels']),
  synonym('congés payés', ['congés annuels'], ['conges-annuels']),
  synonym(
    'mi-temps',
    ['temps partiel 50 %', 'temps partiel à 50 %', 'quotité de 50 %'],
    ['temps-partiel'],
  ),
  synonym('temps plein', ['temps complet'], ['temps-partiel']),
  synonym('télétravail', ['travail à distance'], ['temps-de-travail']),
  synonym('prof', ['enseignant', 'professeur']),
  synonym('instit', ['instituteur', 'professeur des écoles']),
  synonym("chef d'établissement", [
    'personnel de direction',
    'proviseur',
    'principal de collège',
  ]),
  synonym('rectorat', ['académie', 'services académiques']),
  synonym('inspection académique', [
    "direction des services départementaux de l'éducation nationale",
    'DSDEN',
  ]),
  synonym(
    'paye',
    ['paie', 'traitement', 'salaire', 'rémunération'],
    ['remuneration'],
  ),
  synonym('salaire', ['traitement', 'rémunération', 'paie'], ['remuneration']),
  synonym(
    'fiche de paie',
    ['bulletin de paie', 'bulletin de salaire'],
    ['remuneration'],
  ),
  synonym('prime', ['indemnité', 'régime indemnitaire'], ['remuneration']),
  synonym(
    'heures sup',
    ['heures supplémentaires'],
    ['remuneration', 'temps-de-travail'],
  ),
  synonym(
    'frais de déplacement',
    ['indemnités kilométriques', 'remboursement des frais'],
    ['remuneration'],
  ),
  synonym(
    'abonnement transport',
    [
      "remboursement partiel des titres d'abonnement",
      'prise en charge des frais de transport',
    ],
    ['remuneration'],
  ),
  synonym(
    'avancement',
    ['promotion', "avancement d'échelon", 'avancement de grade'],
    ['carriere-avancement'],
  ),
  synonym(
    'promotion',
    ['avancement de grade', "liste d'aptitude", "tableau d'avancement"],
    ['carriere-avancement'],
  ),
  synonym('titularisation', ['fin de stage', 'stage'], ['carriere-avancement']),
  synonym(
    'inspection',
    ['rendez-vous de carrière', "visite d'inspection"],
    ['carriere-avancement'],
  ),
  synonym(
    'notation',
    [
      'évaluation professionnelle',
      'appréciation de la valeur professionnelle',
      'rendez-vous de carrière',
    ],
    ['carriere-avancement'],
  ),
  synonym(
    'entretien pro',
    ['entretien professionnel'],
    ['carriere-avancement'],
  ),
  synonym('formation continue', ['formation professionnelle'], ['formation']),
  synonym(
    'retraite',
    ['pension', 'pension de retraite', 'pension civile'],
    ['retraite'],
  ),
  synonym(
    'mutuelle',
    ['protection sociale complémentaire', 'complémentaire santé'],
    ['protection-sociale-complementaire'],
  ),
  synonym(
    'contractuel',
    ['agent contractuel', 'agent non titulaire', 'non-titulaire'],
    ['contractuels'],
  ),
  synonym(
    'travailleur handicapé',
    ['RQTH', "bénéficiaire de l'obligation d'emploi"],
    ['handicap'],
  ),
  synonym(
    'chômage',
    ["allocation d'aide au retour à l'emploi", 'ARE'],
    ['cessation-fonctions'],
  ),
  synonym(
    'démission',
    ['cessation de fonctions', 'démissionner'],
    ['cessation-fonctions'],
  ),
  synonym('cumul', ["cumul d'activités"], ['discipline-deontologie']),
  synonym(
    'sanction',
    ['sanction disciplinaire', 'procédure disciplinaire'],
    ['discipline-deontologie'],
  ),
];

/** Comparison key of a text: its normalised tokens joined by single spaces. */
function matchKey(s: string): string {
  return tokenizeTerm(s).join(' ');
}

const ENTRY_BY_TERM_KEY: ReadonlyMap<string, readonly GlossaryEntry[]> =
  groupBy(GLOSSARY, (entry) => [matchKey(entry.term)]);

const ENTRY_BY_EXPANSION_KEY: ReadonlyMap<string, readonly GlossaryEntry[]> =
  groupBy(GLOSSARY, (entry) => entry.expansions.map(matchKey));

function groupBy(
  entries: readonly GlossaryEntry[],
  keysOf: (entry: GlossaryEntry) => readonly string[],
): ReadonlyMap<string, readonly GlossaryEntry[]> {
  const groups = new Map<string, GlossaryEntry[]>();
  for (const entry of entries) {
    for (const key of new Set(keysOf(entry))) {
      const group = groups.get(key) ?? [];
      group.push(entry);
      groups.set(key, group);
    }
  }
  return groups;
}

/**
 * Finds the glossary entries whose term or one of whose expansions equals `term`, ignoring
 * case, accents, hyphens, apostrophes and punctuation. Entries whose term matches come first.
 *
 * @example lookupTerm('clm')[0].expansions[0] === 'congé de longue maladie'
 * @example lookupTerm('Disponibilité')[0].term === 'dispo'
 */
export function lookupTerm(term: string): GlossaryEntry[] {
  const key = matchKey(term);
  if (key.length === 0) {
    return [];
  }
  const byTerm = ENTRY_BY_TERM_KEY.get(key) ?? [];
  const byExpansion = (ENTRY_BY_EXPANSION_KEY.get(key) ?? []).filter(
    (entry) => !byTerm.includes(entry),
  );
  return [...byTerm, ...byExpansion];
}

/** Options of {@link expandQueryTerms}. */
export interface ExpandQueryOptions {
  /**
   * Also match the expansions and return the term and the other expansions
   * (`congé de longue maladie` → `CLM`). Default: true.
   */
  readonly reverse?: boolean;
  /**
   * Expand ambiguous terms (`CET`, `PAS`…) even when not written in capitals. Default: false.
   */
  readonly includeAmbiguous?: boolean;
}

interface Matcher {
  readonly tokens: readonly string[];
  readonly entry: GlossaryEntry;
  /** True when the matcher is the entry's term, false when it is one of its expansions. */
  readonly isTerm: boolean;
}

const MATCHERS: readonly Matcher[] = GLOSSARY.flatMap((entry) => [
  { tokens: tokenizeTerm(entry.term), entry, isTerm: true },
  ...entry.expansions.map((expansion) => ({
    tokens: tokenizeTerm(expansion),
    entry,
    isTerm: false,
  })),
]).filter((matcher) => matcher.tokens.length > 0);

interface QueryToken {
  readonly text: string;
  /** The raw token was written in capitals (`CET`, not `cet`). */
  readonly upperCase: boolean;
}

function queryTokens(tokens: readonly string[]): QueryToken[] {
  return tokens.flatMap((raw) => {
    const upperCase = /\p{Lu}/u.test(raw) && raw === raw.toUpperCase();
    return tokenizeTerm(raw).map((text) => ({ text, upperCase }));
  });
}

function matchesAt(
  query: readonly QueryToken[],
  start: number,
  tokens: readonly string[],
): boolean {
  return tokens.every((token, offset) => query[start + offset]?.text === token);
}

/**
 * Returns the expansion phrases of the acronyms and synonyms found in a list of query
 * tokens, in order of appearance and without duplicates. Multi-word terms match as
 * consecutive tokens (`['arret', 'de', 'travail']`), and each token is itself normalised
 * and split (`'IA-IPR'` matches `IA-IPR`). With `reverse` (the default), an expansion found
 * in the query brings the term and the other expansions. Phrases already present in the
 * query are left out. Ambiguous terms ({@link GlossaryEntry.ambiguous}) only match tokens
 * written in capitals unless `includeAmbiguous` is set.
 *
 * @example expandQueryTerms(['cld', 'enseignant']) includes 'congé de longue durée'
 */
export function expandQueryTerms(
  tokens: readonly string[],
  options: ExpandQueryOptions = {},
): string[] {
  const reverse = options.reverse ?? true;
  const includeAmbiguous = options.includeAmbiguous ?? false;
  const query = queryTokens(tokens);
  const matchedKeys = new Set<string>();
  const phrases: string[] = [];

  for (let start = 0; start < query.length; start++) {
    for (const matcher of MATCHERS) {
      if (!matcher.isTerm && !reverse) {
        continue;
      }
      if (!matchesAt(query, start, matcher.tokens)) {
        continue;
      }
      const ambiguousSkipped =
        matcher.isTerm &&
        matcher.entry.ambiguous === true &&
        !includeAmbiguous &&
        !query
          .slice(start, start + matcher.tokens.length)
          .every((token) => token.upperCase);
      if (ambiguousSkipped) {
        continue;
      }
      matchedKeys.add(matcher.tokens.join(' '));
      phrases.push(
        ...(matcher.isTerm ? [] : [matcher.entry.term]),
        ...matcher.entry.expansions,
      );
    }
  }

  const seen = new Set<string>(matchedKeys);
  const result: string[] = [];
  for (const phrase of phrases) {
    const key = matchKey(phrase);
    if (!seen.has(key)) {
      seen.add(key);
      result.push(phrase);
    }
  }
  return result;
}
