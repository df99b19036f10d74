import type { EmbeddingsConfig } from '@mileva/embeddings';
import type { EmbeddingsSettings } from './config';

/** Retries of an embedding request on 429/5xx before it fails. */
const EMBEDDING_MAX_RETRIES = 3;

/** The embedding provider's configuration from the process settings. */
export function embeddingsConfig(settings: EmbeddingsSettings): EmbeddingsConfig {
  if (settings.provider === 'hash') return { provider: 'hash', dimension: settings.dimension };
  return {
    provider: 'openai',
    baseUrl: settings.baseUrl,
    apiKey: settings.apiKey,
    model: settings.model,
    dimension: settings.dimension,
    batchSize: settings.batchSize,
    timeoutMs: settings.timeoutMs,
    maxRetries: EMBEDDING_MAX_RETRIES,
  };
}
