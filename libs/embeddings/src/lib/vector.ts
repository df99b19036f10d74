import { EmbeddingError } from './embedding-error';

/**
 * Cosine similarity in [-1, 1]. Vectors need not be normalized; a zero vector (the embedding of an
 * empty text) has similarity 0 with everything, never NaN.
 */
export function cosine(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) {
    throw new EmbeddingError(
      'DIMENSION_MISMATCH',
      `Impossible de comparer des vecteurs de dimensions différentes (${a.length} et ${b.length}) : ils viennent de deux modèles d'embeddings distincts.`,
    );
  }
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  if (normA === 0 || normB === 0) {
    return 0;
  }
  const similarity = dot / Math.sqrt(normA * normB);
  return Math.max(-1, Math.min(1, similarity));
}

/**
 * Scales the vector in place to unit L2 norm and returns it. A zero vector stays zero.
 * Non-finite components are rejected by the caller, not here.
 */
export function normalizeInPlace(v: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    sum += v[i] * v[i];
  }
  if (sum > 0) {
    const inverse = 1 / Math.sqrt(sum);
    for (let i = 0; i < v.length; i++) {
      v[i] *= inverse;
    }
  }
  return v;
}

/** Significant digits kept by `toPgVector`: well beyond halfvec precision (about 3 digits). */
const PG_VECTOR_DIGITS = 5;

/**
 * Text literal of a pgvector `vector` or `halfvec` (`[0.1,-0.02,...]`), with about 5 significant
 * digits per component, to bind as a query parameter (`$1::halfvec`).
 */
export function toPgVector(v: Float32Array): string {
  const parts = new Array<string>(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (!Number.isFinite(x)) {
      throw new RangeError(
        `Composante ${i} du vecteur non finie (${x}) : pgvector n'accepte que des nombres finis.`,
      );
    }
    // `x === 0` also catches -0, written as "0".
    parts[i] = x === 0 ? '0' : String(Number(x.toPrecision(PG_VECTOR_DIGITS)));
  }
  return `[${parts.join(',')}]`;
}
