/**
 * Questions to ask the agent: derived from what the quoted passages make conditional (statut,
 * ancienneté, quotité, situation familiale…). A question is asked only when its condition appears
 * in the passages and the question does not already settle it.
 */
import { foldForSearch } from '@mileva/text-fr';

/** At most this many questions in a draft. */
export const MAX_FOLLOW_UP_QUESTIONS = 4;

interface Condition {
  readonly name: string;
  /** Whether the (folded) passages make the rule depend on it. */
  readonly inPassages: (folded: string) => boolean;
  /** Whether the (folded) question already says it. */
  readonly inQuestion: (folded: string, statuts: readonly string[]) => boolean;
  readonly question: (folded: string) => string;
}

const has = (pattern: RegExp) => (text: string): boolean => pattern.test(text);

const STATUT_WORDS: readonly { readonly pattern: RegExp; readonly label: string }[] = [
  { pattern: /\b(?:titulaires?|titularise)/, label: 'fonctionnaire titulaire' },
  { pattern: /\b(?:stagiaires?|stage)\b/, label: 'stagiaire' },
  { pattern: /\b(?:contractuels?|contractuelles?|non titulaires?|agents? non titulaires?|cdd|cdi)\b/, label: 'agent contractuel' },
];

/** The statuts the passages distinguish (two at least, or one besides plain « fonctionnaire »). */
function statutsIn(folded: string): string[] {
  const labels = STATUT_WORDS.filter(({ pattern }) => pattern.test(folded)).map(({ label }) => label);
  if (labels.length === 1 && /\bfonctionnaires?\b/.test(folded) && labels[0] === 'agent contractuel') return ['fonctionnaire', 'agent contractuel'];
  return labels;
}

function statutQuestion(folded: string): string {
  const labels = statutsIn(folded);
  const list = labels.length > 1 ? `${labels.slice(0, -1).join(', ')} ou ${labels[labels.length - 1] ?? ''}` : 'fonctionnaire titulaire, stagiaire ou agent contractuel';
  return `Êtes-vous ${list} ?`;
}

const CONDITIONS: readonly Condition[] = [
  {
    name: 'statut',
    inPassages: (folded) => statutsIn(folded).length >= 2,
    inQuestion: (folded, statuts) => statuts.length > 0 || STATUT_WORDS.some(({ pattern }) => pattern.test(folded)),
    question: statutQuestion,
  },
  {
    name: 'origine',
    inPassages: has(/accident de service|accident du travail|maladie professionnelle|imputable au service/),
    inQuestion: has(/accident|maladie professionnelle|imputable|citis/),
    question: () => 'Votre arrêt de travail est-il lié à un accident de service ou à une maladie professionnelle ?',
  },
  {
    name: 'anciennete',
    inPassages: has(/anciennete|annees? de services?|ans de services?|mois de services?|services effectifs|justifier d'au moins|durée de services/),
    inQuestion: has(/anciennete|\d+\s*ans? de service|depuis \d+ ans/),
    question: () => 'Quelle est votre ancienneté de services, et depuis quand êtes-vous dans votre corps ou sous contrat ?',
  },
  {
    name: 'conge-en-cours',
    inPassages: has(/periode de reference|plein traitement|demi traitement|deja (?:obtenu|beneficie) (?:d'un|un) conge/),
    inQuestion: has(/depuis (?:le|\d)|date de debut|deja en conge/),
    question: () => 'Depuis quelle date êtes-vous en congé, et quels congés de maladie avez-vous déjà obtenus ces dernières années ?',
  },
  {
    name: 'quotite',
    inPassages: has(/quotite|temps partiel|temps incomplet|temps non complet|\b(?:50|60|70|80|90) ?%/),
    inQuestion: has(/quotite|\d+ ?%|temps partiel|mi temps|temps complet|temps plein/),
    question: () => 'Travaillez-vous à temps complet ou à temps partiel, et à quelle quotité ?',
  },
  {
    name: 'famille',
    inPassages: has(/enfants?\b|conjoint|pacte civil|pacs|marie|concubin|situation familiale|charge de famille|naissance|adoption/),
    inQuestion: has(/enfants?\b|conjoint|pacs|marie|concubin|naissance|adoption|famille/),
    question: () => 'Quelle est votre situation familiale (conjoint ou partenaire de PACS, nombre et âge des enfants à charge) ?',
  },
  {
    name: 'categorie-corps',
    inPassages: has(/categories? [abc]\b|selon (?:le|votre|son|leur) (?:corps|grade|echelon)|certains corps|\d+e echelon|echelon \d|\bgrade (?:de|d')/),
    inQuestion: has(/categorie [abc]\b|\bechelon|\bgrade\b|\bcorps\b|certifie|agrege|professeur des ecoles|attache|adjoint|secretaire|ingenieur|technicien|maitre de conferences/),
    question: (folded) =>
      /categorie [abc]\b|categories [abc]\b/.test(folded) ? 'À quelle catégorie (A, B ou C) et à quel corps appartenez-vous ?' : 'Quels sont votre corps, votre grade et votre échelon actuels ?',
  },
  {
    name: 'handicap',
    inPassages: has(/handicap|rqth|obligation d'emploi/),
    inQuestion: has(/handicap|rqth/),
    question: () => "Bénéficiez-vous d'une reconnaissance de la qualité de travailleur handicapé (RQTH) ou de l'obligation d'emploi ?",
  },
  {
    name: 'age',
    inPassages: has(/limite d'age|age (?:minimum|legal|d'ouverture)|\bage de \d+ ans|\d+ ans au moins|avant \d+ ans|a partir de \d+ ans/),
    inQuestion: has(/\bage\b|\d+ ans\b/),
    question: () => 'Quel âge aurez-vous à la date envisagée ?',
  },
  {
    name: 'residence',
    inPassages: has(/changement de residence|residence administrative|residence familiale/),
    inQuestion: has(/residence|demenag/),
    question: () => 'Votre changement d’affectation entraîne-t-il un changement de résidence administrative ou familiale ?',
  },
  {
    name: 'date',
    inPassages: has(/au plus tard|date limite|\d+ mois avant|delai de prevenance|avant le \d|a compter de la date/),
    inQuestion: has(/\b(?:le|au|du) \d{1,2}(?:er)? (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)|date/),
    question: () => 'À quelle date souhaitez-vous que la mesure prenne effet ?',
  },
];

/**
 * The questions to ask the agent, at most {@link MAX_FOLLOW_UP_QUESTIONS}, in order of importance
 * (statut, origin of the illness, ancienneté, leave already taken, quotité, family, catégorie…): one
 * per condition that the quoted sentences or the rest of their passages make the rule depend on,
 * left out when the question already settles it.
 */
export function followUpQuestions(input: {
  readonly question: string;
  readonly statuts?: readonly string[];
  /** The sentences the draft quotes. */
  readonly quoted: readonly string[];
  /** The whole text of the passages they come from. */
  readonly passages: readonly string[];
}): string[] {
  const question = foldForSearch(input.question).replace(/-/g, ' ');
  const quoted = foldForSearch(input.quoted.join('\n')).replace(/-/g, ' ');
  const passages = foldForSearch(input.passages.join('\n')).replace(/-/g, ' ');
  const statuts = input.statuts ?? [];
  const relevant = CONDITIONS.filter((condition) => !condition.inQuestion(question, statuts));
  const asked = relevant.flatMap((condition) =>
    condition.inPassages(quoted) ? [condition.question(quoted)] : condition.inPassages(passages) ? [condition.question(passages)] : [],
  );
  return [...new Set(asked)].slice(0, MAX_FOLLOW_UP_QUESTIONS);
}
