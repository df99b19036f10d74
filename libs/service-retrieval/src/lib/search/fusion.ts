/** An item of a ranking, identified by id; its score is not used by the fusion, only its rank. */
export interface Ranked {
  readonly id: string;
  readonly score?: number;
}

/** Constant of reciprocal rank fusion: how fast the weight of lower ranks decays. */
export const RRF_K = 60;

/**
 * Reciprocal rank fusion: each ranking gives 1 / (RRF_K + rank) to each of its items; the sums
 * order the result. Ties keep the order of first appearance.
 */
export function fuseRankings(rankings: readonly (readonly Ranked[])[], weights: readonly number[] = []): { id: string; score: number }[] {
  const scores = new Map<string, number>();
  rankings.forEach((ranking, list) => {
    const weight = weights[list] ?? 1;
    ranking.forEach((item, index) => scores.set(item.id, (scores.get(item.id) ?? 0) + weight / (RRF_K + index + 1)));
  });
  return [...scores.entries()].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}

