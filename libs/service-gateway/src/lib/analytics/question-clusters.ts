import { cosine } from '@mileva/embeddings';

export interface Clustered<T> {
  readonly members: readonly T[];
  /** The member closest to the others. */
  readonly representative: T;
}

/**
 * Groups items whose vectors are close: each item, in the given order, joins the group whose
 * centroid it is most similar to when that similarity reaches `threshold`, or starts a group; then
 * every item is moved once to the group it is now closest to (so the first items are not stuck in
 * the groups they started). Deterministic for a given order. Groups come largest first.
 */
export function clusterByMeaning<T>(items: readonly { readonly item: T; readonly vector: Float32Array }[], threshold: number): Clustered<T>[] {
  const usable = items.filter(({ vector }) => vector.some((value) => value !== 0));
  let groups: number[][] = [];
  let centroids: Float32Array[] = [];
  usable.forEach(({ vector }, index) => {
    const best = closest(vector, centroids);
    if (best && best.similarity >= threshold) {
      groups[best.index].push(index);
      centroids[best.index] = centroidOf(groups[best.index].map((member) => usable[member].vector));
    } else {
      groups.push([index]);
      centroids.push(vector);
    }
  });
  // One reassignment round.
  const settled: number[][] = groups.map(() => []);
  usable.forEach(({ vector }, index) => {
    const best = closest(vector, centroids);
    settled[best && best.similarity >= threshold ? best.index : groups.findIndex((group) => group.includes(index))].push(index);
  });
  groups = settled.filter((group) => group.length > 0);
  centroids = groups.map((group) => centroidOf(group.map((member) => usable[member].vector)));
  return groups
    .map((group, index) => {
      const representative = group.reduce((best, member) => (cosine(usable[member].vector, centroids[index]) > cosine(usable[best].vector, centroids[index]) ? member : best), group[0]);
      return { members: group.map((member) => usable[member].item), representative: usable[representative].item };
    })
    .sort((a, b) => b.members.length - a.members.length);
}

function closest(vector: Float32Array, centroids: readonly Float32Array[]): { index: number; similarity: number } | undefined {
  let best: { index: number; similarity: number } | undefined;
  centroids.forEach((centroid, index) => {
    const similarity = cosine(vector, centroid);
    if (!best || similarity > best.similarity) best = { index, similarity };
  });
  return best;
}

function centroidOf(vectors: readonly Float32Array[]): Float32Array {
  const centroid = new Float32Array(vectors[0].length);
  for (const vector of vectors) for (let i = 0; i < vector.length; i++) centroid[i] += vector[i] / vectors.length;
  return centroid;
}
