/** How long to wait between attempts. */
export interface RetryTiming {
  /** Delay before the first retry; doubles at each retry. */
  readonly baseDelayMs: number;
  /** Largest backoff delay. */
  readonly maxDelayMs: number;
  /**
   * Largest `retry-after` honoured: a server asking to wait longer is not retried (the caller is
   * waiting for a draft and can fall back to the extractive composer).
   */
  readonly maxRetryAfterMs: number;
  /** Source of the jitter, in [0, 1). */
  readonly random?: () => number;
}

export const DEFAULT_RETRY_TIMING: RetryTiming = {
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
};

/**
 * What went wrong with one HTTP attempt, whatever the SDK. `retryable` failures are retried only
 * while nothing has been streamed to the caller.
 */
export type AttemptFailure =
  /** The server answered with an error status before streaming. */
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly retryAfterMs?: number;
      readonly errorType?: string;
    }
  /** The server sent an error event inside the stream. */
  | { readonly kind: 'stream-error'; readonly errorType?: string }
  /** No response headers within the connection timeout. */
  | { readonly kind: 'connect-timeout' }
  /** Connection refused or reset, DNS or TLS failure, body cut off by the network. */
  | { readonly kind: 'network' }
  /** The stream ended without its final event. */
  | { readonly kind: 'truncated' }
  /** The response could not be read as the expected wire format. */
  | { readonly kind: 'malformed' }
  /** The request was aborted from outside the SDK (deadline or caller). */
  | { readonly kind: 'aborted' };

/** Statuses worth another attempt: timeout, conflict, rate limit, server errors (Anthropic's 529 included). */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** Error types of in-stream error events that a new attempt may clear. */
function isRetryableErrorType(errorType: string | undefined): boolean {
  return (
    errorType === undefined ||
    !/invalid|authentication|permission|not_found|billing/.test(errorType)
  );
}

export function isRetryable(failure: AttemptFailure): boolean {
  switch (failure.kind) {
    case 'status':
      return isRetryableStatus(failure.status);
    case 'stream-error':
      return isRetryableErrorType(failure.errorType);
    case 'connect-timeout':
    case 'network':
    case 'truncated':
      return true;
    case 'malformed':
    case 'aborted':
      return false;
  }
}

/**
 * Delay before retry number `retry` (0 for the first retry): exponential backoff with "equal
 * jitter" (half fixed, half random) so that clients rejected together do not come back together.
 */
export function backoffDelay(retry: number, timing: RetryTiming): number {
  const random = timing.random ?? Math.random;
  const exponential = Math.min(
    timing.maxDelayMs,
    timing.baseDelayMs * 2 ** retry,
  );
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/**
 * Delay a response asks for: `retry-after-ms` (OpenAI), else `retry-after` in seconds or as an
 * HTTP date. Undefined when absent or unreadable.
 */
export function retryAfterMs(
  headers: Headers | undefined,
  now: number = Date.now(),
): number | undefined {
  const millis = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(millis) && millis >= 0) {
    return Math.ceil(millis);
  }
  const value = headers?.get('retry-after')?.trim();
  if (!value) {
    return undefined;
  }
  if (/^\d+(\.\d+)?$/.test(value)) {
    return Math.ceil(Number.parseFloat(value) * 1000);
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Delay before the next attempt after `failure`, or undefined when it should not be retried:
 * the server's `retry-after` when it sends one (and it is not beyond the cap), the backoff
 * otherwise. The delay must also fit in what is left of the request's time.
 */
export function nextRetryDelay(
  failure: AttemptFailure,
  retry: number,
  timing: RetryTiming,
  remainingMs: number,
): number | undefined {
  const asked = failure.kind === 'status' ? failure.retryAfterMs : undefined;
  if (asked !== undefined && asked > timing.maxRetryAfterMs) {
    return undefined;
  }
  const delay = asked ?? backoffDelay(retry, timing);
  return delay < remainingMs ? delay : undefined;
}
