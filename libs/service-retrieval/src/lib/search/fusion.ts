import type { RankedChunk } from './search.repository';

/** Constant of reciprocal rank fusion: how fast the weight of lower ranks decays. */
export const RRF_K = 60;

/**
 * Reciprocal rank fusion: each ranking gives 1 / (RRF_K + rank) to each of its items; the sums
 * order the result. Ties keep the order of first appearance.
 */
export function fuseRankings(rankings: readonly (readonly RankedChunk[])[], weights: readonly number[] = []): { id: string; score: number }[] {
  const scores = new Map<string, number>();
  rankings.forEach((ranking, list) => {
    const weight = weights[list] ?? 1;
    ranking.forEach((item, index) => scores.set(item.id, (scores.get(item.id) ?? 0) + weight / (RRF_K + index + 1)));
  });
  return [...scores.entries()].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}
