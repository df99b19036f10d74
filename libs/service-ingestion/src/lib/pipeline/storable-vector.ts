import { toPgVector } from '@mileva/embeddings';

/**
 * The pgvector literal of an embedding, or undefined for an all-zero vector (a text with no
 * content word): its cosine distance is undefined, so such a chunk is found by full text only.
 */
export function storableVector(vector: Float32Array): string | undefined {
  return vector.some((value) => value !== 0) ? toPgVector(vector) : undefined;
}
