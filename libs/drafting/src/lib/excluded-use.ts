/**
 * Excluded uses: MILEVA does not evaluate, score, rank or compare CVs, cover letters or people.
 * A request is refused when it asks for such a judgement on a CV, a letter or a person (the tool
 * being told to do it, or a specific CV, letter or person being judged); a question about the
 * rules of recruitment or evaluation ("quelles pièces fournir avec le CV ?", "comment se déroule
 * le rendez-vous de carrière ?") is not.
 */
import { foldForSearch } from '@mileva/text-fr';

export type ExcludedUseReason = 'cv' | 'cover-letter' | 'person-evaluation';

export interface ExcludedUse {
  readonly reason: ExcludedUseReason;
  /** French explanation for the gestionnaire: what MILEVA does not do, why, and who to turn to. */
  readonly message: string;
}

// The patterns below read the question folded (lowercase, no accents), hyphens turned into spaces
// and a space after every apostrophe: `Que penses-tu de l'agent` → `que penses tu de l' agent`.

const CV = String.raw`(?:cv|c\.v\.?|curriculum(?: vitae)?)`;
const LETTER = String.raw`(?:lettres? de (?:motivation|candidature))`;
const PLACEHOLDER = String.raw`\[personne_\d+\]`;
const PERSON = String.raw`(?:candidat|candidate|candidats|candidates|candidature|candidatures|postulant|postulante|postulants|postulantes|agent|agente|agents|collegue|collegues|collaborateur|collaboratrice|collaborateurs|personne|personnes|profil|profils|enseignant|enseignante|enseignants|professeur|professeure|professeurs|stagiaire|stagiaires|contractuel|contractuelle|contractuels|recrue|recrues|dossier de candidature|dossiers de candidature|${PLACEHOLDER})`;
const TARGET = String.raw`(?:${CV}|${LETTER}|${PERSON})(?![a-z])`;
/** Up to `n` words before a target, so that `ces deux candidats`, `le CV de [PERSONNE_1]` match. */
const words = (n: number): string => String.raw`(?:[^\s.!?;]+\s+){0,${n}}?`;

const EVAL_IMPERATIVE = String.raw`(?:evalue|evaluez|note|notez|classe|classez|compare|comparez|juge|jugez|analyse|analysez|critique|critiquez|relis|relisez|corrige|corrigez|ameliore|ameliorez|trie|triez|selectionne|selectionnez|departage|departagez|hierarchise|hierarchisez|score|scorez|commente|commentez|examine|examinez)`;
const EVAL_INFINITIVE = String.raw`(?:evaluer|noter|classer|comparer|juger|analyser|critiquer|relire|corriger|ameliorer|trier|selectionner|departager|hierarchiser|scorer|apprecier|commenter|examiner|passer au crible|donner (?:une note|un avis|ton avis|votre avis))`;
const EVAL_SUBJUNCTIVE = String.raw`(?:evalues|evaluiez|notes|notiez|classes|classiez|compares|compariez|juges|jugiez|analyses|analysiez|relises|relisiez|corriges|corrigiez|tries|triiez|selectionnes|selectionniez|departages|departagiez)`;
const REQUEST = String.raw`(?:peux tu|pouvez vous|pourrais tu|pourriez vous|veux tu|voulez vous|voudrais tu|voudriez vous|tu peux|vous pouvez|tu pourrais|vous pourriez|merci de|aide moi a|aidez moi a|j' ai besoin (?:que tu|que vous|de toi pour|de vous pour)|je (?:veux|voudrais|souhaite|souhaiterais|aimerais) (?:que tu|que vous)?|il faudrait|est ce que tu peux|est ce que vous pouvez|tu dois|vous devez|je te demande de|je vous demande de)`;
const DIRECTIVE = String.raw`(?:${REQUEST}|\bfais|\bfaites|\bdonne|\bdonnez|\bpropose|\bproposez|\bredige|\bredigez|\bj' attends|\bj' aimerais|\bje voudrais|\bje veux|\bje souhaite)`;
const EVAL_NOUN = String.raw`(?:evaluation|analyse|classement|comparaison|critique|avis|appreciation|notation|note|jugement|opinion|retour|score|points forts|points faibles|forces et faiblesses|qualites et defauts)`;
const CLAUSE_START = String.raw`(?:^|[.!?;:,]\s*|\b(?:et|puis|stp|svp|bonjour|merci|alors|ensuite)\s+)`;
const JUDGEMENT = String.raw`(?:competent|competente|competents|competentes|incompetent|incompetente|qualifie|qualifiee|qualifies|bon|bonne|bons|bonnes|meilleur|meilleure|fiable|fiables|serieux|serieuse|a la hauteur|fait pour|faite pour|adapte|adaptee|motive|motivee|performant|performante|efficace|mauvais|mauvaise|nul|nulle|recrutable|le bon profil|un bon profil|un bon element|une bonne recrue|digne de confiance|a recruter|a retenir)`;
const BE_PERSON = String.raw`(?:est il|est elle|sont ils|sont elles|serait il|serait elle|est ce qu' il est|est ce qu' elle est|${PLACEHOLDER} (?:est|serait|semble)(?: il| elle)?|(?:ce|cet|cette|ces|mon|ma|mes|le|la|l') ${PERSON} (?:est|serait|semble|sont|seraient)(?: il| elle| ils| elles)?)`;
const OPINION = String.raw`(?:(?:que|qu' est ce que) (?:penses|pensez) (?:tu|vous)|qu' en (?:penses|pensez) (?:tu|vous)|(?:tu|vous) en (?:penses|pensez) quoi|t' en penses quoi|comment (?:trouves|trouvez) (?:tu|vous)|(?:ton|votre) (?:avis|opinion|ressenti|impression|appreciation|sentiment))`;
const SPECIFIC = String.raw`(?:ce|cet|cette|ces|mon|ma|mes|son|sa|ses|ton|ta|tes|notre|nos|votre|vos|leur|leurs|deux|trois|quatre|${PLACEHOLDER})`;
const CHOICE_VERB = String.raw`(?:choisir|retenir|recruter|embaucher|prendre|selectionner|privilegier|preferer|favoriser|garder|promouvoir)`;

/** Patterns that make a request an excluded use, each with a short name for tests and logs. */
const EXCLUDED_PATTERNS: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  // « Note ce CV », « Classe les candidats », « Compare ces deux lettres de motivation ».
  { name: 'imperative', pattern: new RegExp(String.raw`${CLAUSE_START}${EVAL_IMPERATIVE}\s+(?:(?:moi|nous|lui|leur)\s+)?(?:ce|cet|cette|ces|mon|ma|mes|son|sa|ses|le|la|les|l'|leur|leurs|deux|trois|quatre|${PLACEHOLDER})\s*${words(3)}${TARGET}`) },
  // « Peux-tu évaluer ce candidat ? », « Je voudrais que tu notes sa lettre de motivation ».
  { name: 'request', pattern: new RegExp(String.raw`${REQUEST}\s+${words(2)}(?:${EVAL_INFINITIVE}|${EVAL_SUBJUNCTIVE})\s+${words(4)}${TARGET}`) },
  // « Donne-moi ton avis sur ce CV », « Fais un classement des candidats ».
  { name: 'directive-noun', pattern: new RegExp(String.raw`${DIRECTIVE}\s+${words(3)}${EVAL_NOUN}\s+${words(3)}(?:de|des|du|sur|d'|entre|pour)\s+${words(3)}${TARGET}`) },
  // « Que penses-tu de ce CV ? », « Ton avis sur cette lettre de motivation ? ».
  { name: 'opinion-document', pattern: new RegExp(String.raw`${OPINION}[^?]*?(?:${CV}|${LETTER})|(?:${CV}|${LETTER})[^.]*${OPINION}`) },
  // « Que penses-tu de ce candidat ? », « ton avis sur [PERSONNE_1] ».
  { name: 'opinion-person', pattern: new RegExp(String.raw`${OPINION}\s+(?:de|du|des|sur|d')\s+(?:${SPECIFIC}|le|la|les|l')?\s*${words(1)}${PERSON}`) },
  // « Est-il compétent ? », « Ce candidat est-il le bon profil ? ».
  { name: 'judgement', pattern: new RegExp(String.raw`${BE_PERSON}\s+(?:vraiment |assez |suffisamment |plus |moins |le plus |la plus |un |une |le |la |si |tres )*${JUDGEMENT}\b(?!\s+(?:de|d'|que|qu')\s)`) },
  // « Lequel choisir ? », « Quel candidat retenir ? », « Qui dois-je recruter ? », « Dois-je recruter ce candidat ? ».
  { name: 'choice', pattern: new RegExp(String.raw`\b(?:lequel|laquelle|lesquels|lesquelles)\s+${words(3)}${CHOICE_VERB}|\b(?:quel|quelle|quels|quelles)\s+${PERSON}s?\s+${words(3)}(?:${CHOICE_VERB}|est le meilleur|est la meilleure|est le plus|est la plus|convient le mieux|correspond le mieux)|\bqui\s+(?:dois je|devrais je|faut il|devons nous|je dois|on doit)\s+${CHOICE_VERB}|\b(?:dois je|devrais je|faut il|devons nous)\s+${CHOICE_VERB}\s+(?:${SPECIFIC}|le|la|l')\s*${words(1)}${TARGET}|\b(?:le|la) (?:meilleur|meilleure|plus competent|plus competente|plus qualifie|plus qualifiee)\s+${words(3)}${TARGET}`) },
  // « Quels sont les points forts de ce CV ? ».
  { name: 'strengths', pattern: new RegExp(String.raw`(?:points forts|points faibles|forces|faiblesses|qualites|defauts|lacunes)\s+(?:et (?:les )?(?:points faibles|faiblesses|defauts|lacunes)\s+)?(?:de|du|des|d')\s+${SPECIFIC}\s*${words(2)}${TARGET}`) },
  // « Note-le sur 20 ».
  { name: 'score', pattern: new RegExp(String.raw`(?:${EVAL_IMPERATIVE}|${EVAL_INFINITIVE}|note|score)\b[^.?!]*(?:\bsur|/)\s?(?:5|10|20|100)\b`) },
];

/** When one of these precedes the judgement, the question is about an authority's competence (`le recteur est-il compétent pour…`). */
const AUTHORITY_COMPETENCE = new RegExp(
  String.raw`\b(?:recteur|rectrice|ministre|dasen|administration|autorite|comite|commission|tribunal|president|presidente|directeur|directrice|service|prefet|universite|etablissement|academie|employeur|medecin|jury|inspecteur|inspectrice|chef|conseil|juge|cap|capa|capn)\b[^.?!]{0,40}\bcompetent|\bcompetente?s?\s+(?:pour|en matiere de|a l' egard de)\s+(?:accorder|signer|prononcer|statuer|decider|prendre|delivrer|autoriser|octroyer|nommer|instruire|connaitre|traiter|gerer|saisir)`,
);

/** Folds a question for the patterns: lowercase, no accents, hyphens as spaces, a space after apostrophes. */
function foldQuestion(question: string): string {
  return foldForSearch(question)
    .replace(/[-–—]/g, ' ')
    .replace(/'\s*/g, "' ")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The excluded-use pattern a question matches, or null (exported for tests). */
export function matchExcludedUse(question: string): string | null {
  const folded = foldQuestion(question);
  for (const { name, pattern } of EXCLUDED_PATTERNS) {
    if (!pattern.test(folded)) continue;
    if (name === 'judgement' && AUTHORITY_COMPETENCE.test(folded)) continue;
    return name;
  }
  return null;
}

const WHY =
  "Ces appréciations relèvent de personnes habilitées (jury, commission, supérieur hiérarchique) et d'une procédure qui garantit l'égalité de traitement et la non-discrimination ; le règlement européen sur l'intelligence artificielle classe d'ailleurs parmi les usages à haut risque l'évaluation de candidatures ou de personnes par un outil d'IA, et MILEVA n'est pas conçu pour cela.";
const WHAT_INSTEAD =
  'MILEVA peut en revanche vous aider sur les règles applicables (conditions, pièces à fournir, calendrier, déroulement de la procédure), à partir des documents de référence.';

const MESSAGES: Readonly<Record<ExcludedUseReason, string>> = {
  cv: `MILEVA n'analyse pas, n'évalue pas, ne note pas et ne compare pas les CV. ${WHY} ${WHAT_INSTEAD} Pour l'examen des candidatures, adressez-vous au jury ou à la commission de recrutement concernée, ou au service des ressources humaines de votre académie.`,
  'cover-letter': `MILEVA n'analyse pas, n'évalue pas, ne corrige pas et ne compare pas les lettres de motivation. ${WHY} ${WHAT_INSTEAD} Pour l'examen des candidatures, adressez-vous au jury ou à la commission de recrutement concernée, ou au service des ressources humaines de votre académie.`,
  'person-evaluation': `MILEVA ne porte pas d'appréciation sur une personne (candidat ou agent) : il n'évalue pas ses compétences, ne la classe pas et ne la compare pas à d'autres. ${WHY} ${WHAT_INSTEAD} Pour l'appréciation d'un candidat, adressez-vous au jury ou à la commission de recrutement ; pour celle d'un agent, à son supérieur hiérarchique direct, dans le cadre de l'entretien professionnel ou du rendez-vous de carrière.`,
};

/**
 * Detects a request MILEVA refuses: evaluating, scoring, ranking or comparing a CV, a cover letter
 * or a person. Returns why, with the French explanation to show, or null when the question may be
 * answered. Runs on the pseudonymized question, before any retrieval.
 */
export function detectExcludedUse(question: string): ExcludedUse | null {
  if (matchExcludedUse(question) === null) return null;
  const folded = foldQuestion(question);
  const reason: ExcludedUseReason = new RegExp(String.raw`\b${CV}(?![a-z])`).test(folded)
    ? 'cv'
    : new RegExp(LETTER).test(folded)
      ? 'cover-letter'
      : 'person-evaluation';
  return { reason, message: MESSAGES[reason] };
}
