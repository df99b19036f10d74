import { expandQueryTerms, matchThemes, normalizeTerm, STATUTS, tokenizeTerm } from '@mileva/rh-taxonomy';
import { foldForSearch, tokenizeFrench } from '@mileva/text-fr';
import type { Vocabulary } from './corpus-statistics';

/** What the search makes of a query before running it. */
export interface AnalyzedQuery {
  /** Content words of the query, folded, corrected against the corpus vocabulary. */
  readonly words: readonly string[];
  /** Phrases added from the RH glossary (acronyms spelled out, synonyms). */
  readonly expansions: readonly string[];
  readonly corrections: readonly { readonly from: string; readonly to: string }[];
  readonly themes: readonly string[];
  readonly statuts: readonly string[];
  /** Text given to the embedding model: the query and its expansions. */
  readonly embeddingText: string;
}

/**
 * Query understanding: folding, typo correction against the words of the corpus, acronym and
 * synonym expansion from the RH glossary, and recognition of themes and statuts (soft boosts).
 * Words in `known` (their lexemes occur in the corpus, in another inflection) are left as typed.
 */
export function analyzeQuery(query: string, vocabulary: Vocabulary | undefined, known: ReadonlySet<string> = new Set()): AnalyzedQuery {
  const rawWords = query.split(/[\s,;:!?.()«»"“”]+/).filter(Boolean);
  const corrections: { from: string; to: string }[] = [];
  const words = tokenizeFrench(query).map((word) => {
    const corrected = known.has(word) ? word : vocabulary?.correct(word);
    if (corrected && corrected !== word) {
      corrections.push({ from: word, to: corrected });
      return corrected;
    }
    return word;
  });
  // Expansion also runs on corrected words, so that a typo'd acronym or synonym still expands.
  const expansions = expandQueryTerms([...rawWords, ...corrections.map((correction) => correction.to)]);
  const haystack = [query, ...corrections.map((correction) => correction.to), ...expansions].join(' ');
  const themes = matchThemes(haystack).map((match) => match.code);
  const statuts = matchStatuts(haystack);
  const embeddingText = [query, ...corrections.map((correction) => correction.to), ...expansions].join(' ; ');
  return { words: unique(words), expansions, corrections, themes, statuts, embeddingText };
}

const STATUT_MATCHERS = STATUTS.flatMap((statut) => statut.synonyms.map((synonym) => ({ code: statut.code, key: ` ${tokenizeTerm(synonym).join(' ')} ` })));

function matchStatuts(text: string): string[] {
  const haystack = ` ${tokenizeTerm(text).join(' ')} `;
  return unique(STATUT_MATCHERS.filter((matcher) => haystack.includes(matcher.key)).map((matcher) => matcher.code));
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** Folded form used to compare words of the query and of the corpus. */
export function foldWord(word: string): string {
  return normalizeTerm(foldForSearch(word));
}
