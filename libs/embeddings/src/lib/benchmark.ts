import type { EmbeddingProvider, EmbeddingPurpose } from './embedding-provider';

/**
 * Throughput of a provider, in texts per second, embedding `texts` as documents in batches of
 * `batchSize` (64 by default) after a warm-up batch that is not timed. Returns 0 for no texts.
 */
export async function benchmarkEmbedder(
  provider: EmbeddingProvider,
  texts: readonly string[],
  options: {
    readonly batchSize?: number;
    readonly purpose?: EmbeddingPurpose;
  } = {},
): Promise<number> {
  if (texts.length === 0) {
    return 0;
  }
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 64));
  const purpose = options.purpose ?? 'document';
  await provider.embed(texts.slice(0, batchSize), purpose);

  const start = performance.now();
  for (let i = 0; i < texts.length; i += batchSize) {
    await provider.embed(texts.slice(i, i + batchSize), purpose);
  }
  const seconds = (performance.now() - start) / 1000;
  return seconds > 0 ? texts.length / seconds : Number.POSITIVE_INFINITY;
}
