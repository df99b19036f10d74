import { EmbeddingError } from './embedding-error';
import { cosine, normalizeInPlace, toPgVector } from './vector';

describe('cosine', () => {
  it('should return 1 for identical directions, 0 for orthogonal ones and -1 for opposite ones', () => {
    const a = Float32Array.of(1, 2, 3);

    expect(cosine(a, Float32Array.of(2, 4, 6))).toBeCloseTo(1, 6);
    expect(cosine(Float32Array.of(1, 0), Float32Array.of(0, 3))).toBe(0);
    expect(cosine(a, Float32Array.of(-1, -2, -3))).toBeCloseTo(-1, 6);
  });

  it('should return 0, not NaN, when a vector is all zeros', () => {
    const zero = new Float32Array(3);

    expect(cosine(zero, Float32Array.of(1, 0, 0))).toBe(0);
    expect(cosine(zero, zero)).toBe(0);
  });

  it('should throw DIMENSION_MISMATCH when the dimensions differ', () => {
    const compare = (): number =>
      cosine(new Float32Array(3), new Float32Array(4));

    expect(compare).toThrow(EmbeddingError);
    expect(compare).toThrow(
      expect.objectContaining({ code: 'DIMENSION_MISMATCH' }),
    );
  });
});

describe('normalizeInPlace', () => {
  it('should scale a vector to unit norm and leave a zero vector unchanged', () => {
    const v = normalizeInPlace(Float32Array.of(3, 4));

    expect(Array.from(v)).toEqual([
      expect.closeTo(0.6, 6),
      expect.closeTo(0.8, 6),
    ]);
    expect(Array.from(normalizeInPlace(new Float32Array(2)))).toEqual([0, 0]);
  });
});

describe('toPgVector', () => {
  it('should write a pgvector literal with about 5 significant digits', () => {
    const literal = toPgVector(
      Float32Array.of(0.123456789, -0.0000123456, 1, 0, -0),
    );

    expect(literal).toBe('[0.12346,-0.000012346,1,0,0]');
  });

  it('should round-trip within 1e-4 relative error', () => {
    const v = normalizeInPlace(
      Float32Array.from({ length: 64 }, (_, i) => Math.sin(i + 1)),
    );

    const parsed = JSON.parse(toPgVector(v)) as number[];

    expect(parsed).toHaveLength(64);
    parsed.forEach((x, i) =>
      expect(Math.abs(x - v[i])).toBeLessThanOrEqual(Math.abs(v[i]) * 1e-4),
    );
  });

  it('should write an empty vector as []', () => {
    expect(toPgVector(new Float32Array(0))).toBe('[]');
  });

  it('should reject non-finite components, which pgvector refuses', () => {
    expect(() => toPgVector(Float32Array.of(0.5, Number.NaN))).toThrow(
      RangeError,
    );
    expect(() => toPgVector(Float32Array.of(Number.POSITIVE_INFINITY))).toThrow(
      /non finie/,
    );
  });
});
