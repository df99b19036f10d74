/**
 * What a text is embedded for. Asymmetric models (e5, bge…) expect a different prefix for a search
 * query and for a stored passage; symmetric providers ignore it.
 */
export type EmbeddingPurpose = 'query' | 'document';

/** Turns texts into fixed-size vectors for pgvector similarity search. */
export interface EmbeddingProvider {
  /**
   * Stable identifier of the vector space (e.g. `hash-ngram-v1`, `openai:<model>`). It is recorded
   * with each chunk beside the dimension: vectors from two different ids must never be compared.
   */
  readonly id: string;
  /** Length of every vector returned by `embed`. */
  readonly dimension: number;
  /**
   * Embeds the texts, in order. Every returned vector has unit L2 norm, except for a text that
   * carries nothing to embed (empty or blank), which gets an all-zero vector.
   */
  embed(
    texts: readonly string[],
    purpose: EmbeddingPurpose,
  ): Promise<Float32Array[]>;
}

/** The embedded default: feature hashing of words and character n-grams, no model, no network. */
export interface HashEmbeddingsConfig {
  readonly provider: 'hash';
  readonly dimension: number;
}

/** Any server speaking the OpenAI `/v1/embeddings` wire format (Albert API, Ollama, vLLM, OpenAI). */
export interface OpenAiEmbeddingsConfig {
  readonly provider: 'openai';
  /** Base URL of the API, including the version segment (e.g. `http://127.0.0.1:11434/v1`). */
  readonly baseUrl: string;
  /** Bearer token; optional because local servers (Ollama, vLLM) do not check it. */
  readonly apiKey?: string;
  readonly model: string;
  /**
   * Expected dimension. When set, it is sent as `dimensions` (models that can shorten their vectors
   * honour it) and every response is checked against it; when unset, the first response fixes it.
   */
  readonly dimension?: number;
  /** Maximum number of texts per request. */
  readonly batchSize: number;
  /** Timeout of one HTTP attempt, in milliseconds. */
  readonly timeoutMs: number;
  /** Retries after a timeout, a connection failure, a 408/409/429 or a 5xx, with exponential backoff. */
  readonly maxRetries: number;
  /** Prepended to every query (e.g. `query: ` for e5 models). */
  readonly queryPrefix?: string;
  /** Prepended to every document (e.g. `passage: ` for e5 models). */
  readonly documentPrefix?: string;
}

export type EmbeddingsConfig = HashEmbeddingsConfig | OpenAiEmbeddingsConfig;
