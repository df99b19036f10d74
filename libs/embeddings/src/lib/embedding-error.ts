/** Why an embedding request failed. */
export type EmbeddingErrorCode =
  /** The server could not be reached (connection refused, unknown host, TLS failure). */
  | 'UNREACHABLE'
  /** The server answered, but not with usable embeddings (4xx/5xx, malformed body, bad key). */
  | 'BAD_RESPONSE'
  /** The vectors do not have the expected dimension. */
  | 'DIMENSION_MISMATCH'
  /** The server kept answering 429 after every retry. */
  | 'RATE_LIMITED'
  /** The server did not answer in time, after every retry. */
  | 'TIMEOUT';

/**
 * Failure of an embedding provider. The message is in French, says what to check (URL, key,
 * model) and never contains the API key nor the embedded texts.
 */
export class EmbeddingError extends Error {
  override readonly name = 'EmbeddingError';
  /** HTTP status of the last response, when the server answered. */
  readonly status: number | undefined;

  constructor(
    readonly code: EmbeddingErrorCode,
    message: string,
    options: { readonly status?: number; readonly cause?: unknown } = {},
  ) {
    super(
      message,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.status = options.status;
  }
}
