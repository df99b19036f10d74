import { createEmbeddingProvider } from './create-embedding-provider';
import type { EmbeddingsConfig } from './embedding-provider';
import { HashedNgramEmbedder } from './hashed-ngram/hashed-ngram.embedder';
import { OpenAiCompatibleEmbedder } from './openai/openai-compatible.embedder';
import { startFakeEmbeddingsServer } from './testing/fake-embeddings-server';

describe(createEmbeddingProvider.name, () => {
  it('should build the hashed embedder with the configured dimension', () => {
    const provider = createEmbeddingProvider({
      provider: 'hash',
      dimension: 256,
    });

    expect(provider).toBeInstanceOf(HashedNgramEmbedder);
    expect(provider.id).toBe('hash-ngram-v1');
    expect(provider.dimension).toBe(256);
  });

  it('should build an OpenAI-compatible client that uses every setting', async () => {
    const server = await startFakeEmbeddingsServer({ dimension: 4 });
    try {
      const provider = createEmbeddingProvider({
        provider: 'openai',
        baseUrl: server.baseUrl,
        apiKey: 'cle-albert',
        model: 'BAAI/bge-m3',
        dimension: 4,
        batchSize: 1,
        timeoutMs: 1_000,
        maxRetries: 0,
        queryPrefix: 'query: ',
      });

      const vectors = await provider.embed(['mutation', 'retraite'], 'query');

      expect(provider).toBeInstanceOf(OpenAiCompatibleEmbedder);
      expect(provider.id).toBe('openai:BAAI/bge-m3');
      expect(vectors.map((vector) => vector.length)).toEqual([4, 4]);
      expect(server.requests).toEqual([
        expect.objectContaining({
          model: 'BAAI/bge-m3',
          input: ['query: mutation'],
          dimensions: 4,
          authorization: 'Bearer cle-albert',
        }),
        expect.objectContaining({ input: ['query: retraite'] }),
      ]);
    } finally {
      await server.close();
    }
  });

  it('should reject an unknown provider with a message listing the valid ones', () => {
    const config = {
      provider: 'word2vec',
      dimension: 300,
    } as unknown as EmbeddingsConfig;

    expect(() => createEmbeddingProvider(config)).toThrow(
      /inconnu \(word2vec\).*« hash » ou « openai »/,
    );
  });
});
