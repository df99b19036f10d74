import type { TsvEntry } from './text-index';

/** Two content words that follow each other in the query, as lexemes, and what finding them together weighs. */
export interface QueryPair {
  readonly first: string;
  readonly second: string;
  readonly weight: number;
}

/** Farthest apart, in word positions, two lexemes of a pair may be in a passage to count as said together. */
export const PROXIMITY_WINDOW = 3;

/**
 * The pairs of consecutive content words of a query (`temps partiel`, `congé parental`): words
 * said together name a notion that each word alone does not. `sequence` holds the lexemes of each
 * content word in the order typed (empty for a word without any); a pair weighs what the more
 * common of its words weighs, so that a pair of two rare words counts most.
 */
export function queryPairs(sequence: readonly (readonly string[])[], weightOf: (lexeme: string) => number): QueryPair[] {
  const words = sequence.filter((lexemes) => lexemes.length > 0);
  const pairs = new Map<string, QueryPair>();
  for (let i = 0; i + 1 < words.length; i++) {
    const first = words[i][words[i].length - 1];
    const second = words[i + 1][0];
    if (first === second) continue;
    const key = `${first}\u0000${second}`;
    if (!pairs.has(key)) pairs.set(key, { first, second, weight: Math.min(weightOf(first), weightOf(second)) });
  }
  return [...pairs.values()];
}

/**
 * Weighted share of the query's pairs whose two lexemes a passage holds within
 * {@link PROXIMITY_WINDOW} positions of each other, in either order (a heading counts as the text does).
 */
export function proximityShare(entries: readonly TsvEntry[], pairs: readonly QueryPair[]): number {
  const total = pairs.reduce((sum, pair) => sum + pair.weight, 0);
  if (total <= 0) return 0;
  const positions = new Map(entries.map((entry) => [entry.lexeme, entry.positions]));
  let found = 0;
  for (const pair of pairs) {
    const a = positions.get(pair.first);
    const b = positions.get(pair.second);
    if (a && b && near(a, b)) found += pair.weight;
  }
  return found / total;
}

/** Whether two sorted position lists hold a position each within the window. */
function near(a: readonly number[], b: readonly number[]): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (Math.abs(a[i] - b[j]) <= PROXIMITY_WINDOW) return true;
    if (a[i] < b[j]) i++;
    else j++;
  }
  return false;
}
