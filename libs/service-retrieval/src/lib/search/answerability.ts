import type { CorpusStatistics } from './corpus-statistics';
import { idf } from './corpus-statistics';

/**
 * A word of the query as answerability sees it: the lexemes of each way of saying it that the
 * corpus uses (the word itself, a glossary equivalent), and its IDF weight. A concept without
 * any way of saying it is a specific term the corpus never mentions: nothing can cover it.
 */
export interface QueryConcept {
  readonly word: string;
  readonly alternatives: readonly (readonly string[])[];
  readonly weight: number;
}

/**
 * Words of how a question is asked rather than of what it is about (interrogatives, modal and
 * light verbs, vague quantifiers, civilities), folded: a passage need not contain them to answer.
 */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(
  (
    'quel quelle quels quelles lequel laquelle lesquels combien comment pourquoi quand quoi ' +
    'peut peuvent peux puis puisse puissent pouvoir pourra pourrait pourrais ' +
    'veut veulent veux vouloir voudrait voudrais aller va vais vont faire fait font faut falloir faudrait ' +
    'doit doivent dois devoir devrait avoir ete etre est sont ca cela ceci chose choses quelque quelques possible savoir sait ' +
    // Civilities and forms of address: who is spoken of, not what.
    'm mme mmes mlle mr monsieur madame messieurs mesdames dr docteur pr'
  ).split(' '),
);

/** A query word and the French lexemes of the word and of each of its glossary equivalents. */
export interface ConceptCandidate {
  readonly word: string;
  readonly lexemes: readonly string[];
  readonly alternatives: readonly (readonly string[])[];
  /** An acronym, a code or a glossary term: a precise subject, not a way of talking. */
  readonly specific: boolean;
}

/**
 * The concepts a passage must express for the corpus to answer. A way of saying a word counts when
 * the corpus uses all its lexemes. A word the corpus never uses in any form is dropped when it is
 * an everyday word (slang, a word the documents phrase otherwise: its absence says nothing), and
 * kept as uncoverable when it is specific (an acronym or a measure the documents never mention:
 * they are not about it).
 */
export function queryConcepts(candidates: readonly ConceptCandidate[], statistics: CorpusStatistics): QueryConcept[] {
  const inCorpus = (lexemes: readonly string[]): boolean => lexemes.length > 0 && lexemes.every((lexeme) => statistics.lexemeFrequency.has(lexeme));
  const concepts: QueryConcept[] = [];
  for (const candidate of candidates) {
    if (candidate.lexemes.length === 0 || QUESTION_WORDS.has(candidate.word)) continue;
    const alternatives = [candidate.lexemes, ...candidate.alternatives].filter(inCorpus);
    if (alternatives.length > 0) {
      // The concept weighs what its most common way of saying it weighs in the corpus.
      const weight = Math.min(...alternatives.map((lexemes) => Math.max(...lexemes.map((lexeme) => idf(statistics, lexeme)))));
      concepts.push({ word: candidate.word, alternatives, weight });
    } else if (candidate.specific) {
      concepts.push({ word: candidate.word, alternatives: [], weight: Math.max(...candidate.lexemes.map((lexeme) => idf(statistics, lexeme))) });
    }
  }
  return concepts;
}

/** A retrieved passage as coverage needs it. */
export interface CoverageRow {
  readonly documentId: string;
  readonly lexemes: readonly string[];
}

/**
 * Evidence that the corpus answers: the largest share of the query's concepts (IDF-weighted) that
 * one document expresses, by the word or an equivalent, through its retrieved passages.
 */
export function coverage(rows: readonly CoverageRow[], concepts: readonly QueryConcept[]): number {
  const byDocument = new Map<string, Set<string>>();
  for (const row of rows) {
    const lexemes = byDocument.get(row.documentId) ?? new Set<string>();
    for (const lexeme of row.lexemes) lexemes.add(lexeme);
    byDocument.set(row.documentId, lexemes);
  }
  let best = 0;
  for (const lexemes of byDocument.values()) best = Math.max(best, conceptShare(lexemes, concepts));
  return best;
}

/** Share of the query's concepts (IDF-weighted) that a set of lexemes expresses, by the word or an equivalent. */
export function conceptShare(lexemes: ReadonlySet<string>, concepts: readonly QueryConcept[]): number {
  const total = concepts.reduce((sum, concept) => sum + concept.weight, 0);
  if (total === 0) return 0;
  const covered = concepts
    .filter((concept) => concept.alternatives.some((alternative) => alternative.every((lexeme) => lexemes.has(lexeme))))
    .reduce((sum, concept) => sum + concept.weight, 0);
  return covered / total;
}

/**
 * Whether a query word names a precise subject: written in capitals in the query (an acronym), a
 * code mixing letters and digits, a word without vowels, or an acronym of the RH glossary.
 */
export function isSpecificTerm(word: string, query: string, inGlossary: boolean): boolean {
  if (inGlossary) return true;
  if (/\d/.test(word) && /[a-z]/.test(word)) return true;
  if (word.length >= 2 && !/[aeiouy]/.test(word)) return true;
  const letters = word.replace(/[^a-z]/g, '');
  if (letters.length < 2) return false;
  const acronym = new RegExp(`(^|[^\\p{L}])${letters.toUpperCase()}([^\\p{L}]|$)`, 'u');
  return acronym.test(query.normalize('NFD').replace(/\p{M}/gu, ''));
}
