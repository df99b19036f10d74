import { benchmarkEmbedder } from './benchmark';
import type { EmbeddingProvider, EmbeddingPurpose } from './embedding-provider';

/** Provider that records the batches it receives. */
class RecordingProvider implements EmbeddingProvider {
  readonly id = 'recording';
  readonly dimension = 2;
  readonly batches: Array<{
    texts: readonly string[];
    purpose: EmbeddingPurpose;
  }> = [];

  async embed(
    texts: readonly string[],
    purpose: EmbeddingPurpose,
  ): Promise<Float32Array[]> {
    this.batches.push({ texts, purpose });
    return texts.map(() => Float32Array.of(1, 0));
  }
}

describe(benchmarkEmbedder.name, () => {
  it('should return 0 without embedding anything when there are no texts', async () => {
    const provider = new RecordingProvider();

    await expect(benchmarkEmbedder(provider, [])).resolves.toBe(0);
    expect(provider.batches).toEqual([]);
  });

  it('should embed one warm-up batch, then every text once in batches, and report a rate', async () => {
    const provider = new RecordingProvider();
    const texts = ['a', 'b', 'c', 'd', 'e'];

    const rate = await benchmarkEmbedder(provider, texts, {
      batchSize: 2,
      purpose: 'query',
    });

    expect(provider.batches.map((batch) => batch.texts)).toEqual([
      ['a', 'b'],
      ['a', 'b'],
      ['c', 'd'],
      ['e'],
    ]);
    expect(provider.batches.every((batch) => batch.purpose === 'query')).toBe(
      true,
    );
    expect(rate).toBeGreaterThan(0);
  });
});
