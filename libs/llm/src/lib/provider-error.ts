/** Why a model provider could not write the draft. */
export type ProviderErrorCode =
  /** Unreachable, failing (5xx), rate-limited after every retry, or its stream broke off. */
  | 'PROVIDER_UNAVAILABLE'
  /** No complete answer within the configured time. */
  | 'PROVIDER_TIMEOUT'
  /** The server refused the request (400, 401, 403, 404…): retrying would not help. */
  | 'PROVIDER_REJECTED';

/**
 * Failure of a model provider. The message is in French, says what to check (URL, key, model) and
 * never contains the prompt, the generated text nor the API key.
 */
export class ProviderUnavailableError extends Error {
  override readonly name = 'ProviderUnavailableError';
  /** HTTP status of the last response, when the server answered with an error. */
  readonly status?: number;
  /** HTTP attempts made before giving up. */
  readonly attempts: number;
  /** True when part of the answer had already been streamed to the caller. */
  readonly partial: boolean;

  constructor(
    readonly code: ProviderErrorCode,
    message: string,
    options: {
      readonly status?: number;
      readonly attempts?: number;
      readonly partial?: boolean;
      readonly cause?: unknown;
    } = {},
  ) {
    super(
      message,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.status = options.status;
    this.attempts = options.attempts ?? 1;
    this.partial = options.partial ?? false;
  }
}
