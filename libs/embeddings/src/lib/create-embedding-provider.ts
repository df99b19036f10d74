import type { EmbeddingProvider, EmbeddingsConfig } from './embedding-provider';
import { HashedNgramEmbedder } from './hashed-ngram/hashed-ngram.embedder';
import { OpenAiCompatibleEmbedder } from './openai/openai-compatible.embedder';

/**
 * Builds the provider described by the configuration. Throws a `RangeError` (French message naming
 * the faulty setting) when the configuration is invalid; never contacts the server.
 */
export function createEmbeddingProvider(
  config: EmbeddingsConfig,
): EmbeddingProvider {
  switch (config.provider) {
    case 'hash':
      return new HashedNgramEmbedder(config.dimension);
    case 'openai': {
      const { provider: _provider, ...options } = config;
      return new OpenAiCompatibleEmbedder(options);
    }
    default: {
      const unknown: { readonly provider?: unknown } = config;
      throw new RangeError(
        `Fournisseur d'embeddings inconnu (${String(unknown.provider)}) : attendu « hash » ou « openai ».`,
      );
    }
  }
}
