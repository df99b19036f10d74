/**
 * Content words of French texts as drafting compares them: folded tokens without stopwords nor
 * question words, lightly stemmed, plus the RH glossary's equivalents.
 */
import { GLOSSARY, expandQueryTerms } from '@mileva/rh-taxonomy';
import { lightStem, tokenizeFrench } from '@mileva/text-fr';

/**
 * Words that say how a question is asked, not what it is about (folded). The same list as the
 * retrieval's answerability, plus everyday verbs of requests.
 */
const QUESTION_WORDS: ReadonlySet<string> = new Set(
  (
    'quel quelle quels quelles lequel laquelle lesquels combien comment pourquoi quand quoi ' +
    'peut peuvent peux puis puisse puissent pouvoir pourra pourrait pourrais ' +
    'veut veulent veux vouloir voudrait voudrais aller va vais vont faire fait font faut falloir faudrait ' +
    'doit doivent dois devoir devrait avoir ete etre est sont ca cela ceci chose choses quelque quelques possible savoir sait ' +
    'bonjour merci svp stp madame monsieur cordialement question demande demander souhaite souhaiterais aimerais ' +
    'il-t-il t-il t-elle ils elles lorsque si ' +
    // Verbs and adverbs too common in the documents' second person to tell sentences apart.
    'pouvez avez etes soyez devez serez pourrez aurez sera seront apres alors aussi ainsi tres etc soit voire autre autres meme'
  ).split(' '),
);

/** A pseudonymization placeholder (`[PERSONNE_1]`, `[DATE_NAISSANCE_2]`): no content word. */
const PLACEHOLDER = /\[\p{Lu}[\p{Lu}_]*_\d+\]/gu;

/** Where a passage text carries layout rather than words: emphasis, superscripts, quote marks. */
export function cleanLayout(text: string): string {
  return text
    .replace(/\*\*|__/g, '')
    .replace(/(\d)\^(re|er|e|es|ème|nd|nde)\b/g, '$1$2')
    .replace(/\^/g, '');
}

/** Content tokens of a text (folded, no stopwords, no question words), unstemmed. */
export function contentTokens(text: string): string[] {
  return tokenizeFrench(cleanLayout(text).replace(PLACEHOLDER, ' ')).filter((token) => !QUESTION_WORDS.has(token));
}

/** Stems of the content words of a text ({@link contentTokens} then `lightStem`). */
export function contentStems(text: string): string[] {
  return contentTokens(text).map(lightStem);
}

/** A query term: a stem and how much it counts (1 for the question's own words, less for equivalents). */
export interface QueryTerm {
  readonly stem: string;
  readonly weight: number;
}

/** Weight of a glossary equivalent against a word of the question (as the retrieval's expansions). */
export const EQUIVALENT_WEIGHT = 0.6;

/**
 * The terms of a question: its content stems (weight 1), and the stems of the glossary's
 * equivalents of its acronyms and everyday words (`CLM` → `congé de longue maladie`) at
 * {@link EQUIVALENT_WEIGHT}, each stem once with its highest weight.
 */
export function questionTerms(question: string): QueryTerm[] {
  const weights = new Map<string, number>();
  for (const stem of contentStems(question)) weights.set(stem, 1);
  const words = cleanLayout(question).split(/[\s,;:!?.()«»"]+/).filter((word) => word !== '');
  for (const phrase of expandQueryTerms(words)) {
    for (const stem of contentStems(phrase)) {
      if (!weights.has(stem)) weights.set(stem, EQUIVALENT_WEIGHT);
    }
  }
  return [...weights].map(([stem, weight]) => ({ stem, weight }));
}

/**
 * A concept of the question: one of its content words (its stem), and the ways the glossary says
 * the same thing (`CLM` → `congé de longue maladie`), each as the stems that must all appear.
 */
export interface QueryConcept {
  readonly stem: string;
  readonly alternatives: readonly (readonly string[])[];
}

/**
 * The concepts of a question: each content word with the glossary equivalents of the word or of
 * the phrase it belongs to (`temps partiel thérapeutique` → `TPT` for each of its three words).
 * A sentence expresses a concept once, by the word or by an equivalent, so that `congé de longue
 * maladie (CLM)` does not count the same idea twice.
 */
export function questionConcepts(question: string): QueryConcept[] {
  // « Combien de temps » asks for a duration: the documents say « durée », not « temps ».
  const words = cleanLayout(question)
    .replace(/\bcombien de temps\b/giu, 'durée')
    .split(/[\s,;:!?.()«»"]+/)
    .filter((word) => word !== '');
  const phrasesOf = (start: number, length: number): string[] => (length === 0 ? [] : expandQueryTerms(words.slice(start, start + length)));
  const alternatives = new Map<string, Map<string, readonly string[]>>();
  const order: string[] = [];
  for (const stem of contentStems(words.join(' '))) {
    if (!alternatives.has(stem)) {
      alternatives.set(stem, new Map());
      order.push(stem);
    }
  }
  for (let start = 0; start < words.length; start++) {
    for (let length = 1; length <= 4 && start + length <= words.length; length++) {
      // Only what the whole window brings, not what a shorter window inside it already brings.
      const inner = new Set([...phrasesOf(start, length - 1), ...phrasesOf(start + 1, length - 1)]);
      const phrases = phrasesOf(start, length).filter((phrase) => !inner.has(phrase));
      if (phrases.length === 0) continue;
      const windowStems = new Set(contentStems(words.slice(start, start + length).join(' ')));
      for (const phrase of phrases) {
        const stems = [...new Set(contentStems(phrase))].filter((stem) => !windowStems.has(stem));
        if (stems.length === 0) continue;
        for (const stem of windowStems) alternatives.get(stem)?.set(stems.join(' '), stems);
      }
    }
  }
  return order.map((stem) => {
    const found = [...(alternatives.get(stem)?.values() ?? [])];
    // A verb of the question names what the documents say with its noun: `durer` → `durée`,
    // `cumuler` → `cumul` (the light stemmer leaves infinitives whole).
    const root = /^[a-z]{3,}er$/.test(stem) ? stem.slice(0, -2) : undefined;
    return { stem, alternatives: root ? [...found, [root]] : found };
  });
}

/** Acronyms of the glossary (folded, unambiguous ones) and the stems of each of their spelled-out forms. */
const ACRONYMS: readonly { readonly acronym: string; readonly expansions: readonly (readonly string[])[] }[] = GLOSSARY.flatMap((entry) => {
  const tokens = tokenizeFrench(entry.term);
  const [token] = tokens;
  if (entry.kind !== 'acronym' || entry.ambiguous === true || token === undefined || tokens.length !== 1) return [];
  const expansions = entry.expansions.map((expansion) => contentStems(expansion)).filter((stems) => stems.length > 0);
  return [{ acronym: lightStem(token), expansions }];
});

const ACRONYM_STEMS: ReadonlySet<string> = new Set(ACRONYMS.map((entry) => entry.acronym));

/** Whether a stem is an acronym of the glossary (`clm`, `cld`): the name of a precise subject. */
export function isAcronymStem(stem: string): boolean {
  return ACRONYM_STEMS.has(stem);
}

/**
 * The stems of a text as evidence for a statement: its own stems, the stems of the spelled-out
 * forms of the acronyms it uses, and the acronyms whose spelled-out form it uses, so that a
 * sentence saying `congé de longue maladie` matches a passage saying `CLM` and the reverse.
 */
export function evidenceStems(text: string): Set<string> {
  const sequence = contentStems(text);
  const stems = new Set(sequence);
  for (const { acronym, expansions } of ACRONYMS) {
    if (stems.has(acronym)) {
      for (const expansion of expansions) for (const stem of expansion) stems.add(stem);
    } else if (expansions.some((expansion) => expansion.every((stem) => stems.has(stem)) && containsRun(sequence, expansion))) {
      // The spelled-out form said as such (`congé de longue durée`), not its words scattered.
      stems.add(acronym);
    }
  }
  return stems;
}

/** Whether `run` occurs in `sequence` as consecutive items. */
function containsRun(sequence: readonly string[], run: readonly string[]): boolean {
  if (run.length === 0) return false;
  for (let start = sequence.indexOf(run[0]); start !== -1 && start + run.length <= sequence.length; start = sequence.indexOf(run[0], start + 1)) {
    if (run.every((stem, offset) => sequence[start + offset] === stem)) return true;
  }
  return false;
}
