import type { AttemptFailure } from './retry-policy';
import { retryAfterMs } from './retry-policy';

/** Raised by an attempt whose stream ended without its final event. */
export class TruncatedStreamError extends Error {
  override readonly name = 'TruncatedStreamError';
}

/** What both SDKs' `APIError` carry. */
interface SdkApiError extends Error {
  readonly status: number | undefined;
  readonly headers: Headers | undefined;
  readonly type?: string | null;
}

type ErrorClass<T extends Error = Error> = abstract new (...args: never[]) => T;

/**
 * The error classes of an SDK: `openai` and `@anthropic-ai/sdk` share this hierarchy and expose it
 * as statics of their client class.
 */
export interface SdkErrorClasses {
  readonly APIError: ErrorClass<SdkApiError>;
  readonly APIConnectionError: ErrorClass;
  readonly APIConnectionTimeoutError: ErrorClass;
  readonly APIUserAbortError: ErrorClass;
}

/** Codes of Node network errors that a new attempt may clear. */
const NETWORK_CODES =
  /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|ENOTFOUND|UND_ERR_\w+)$/;

/** What an error thrown while calling an SDK or reading its stream means. */
export function classifySdkError(
  error: unknown,
  sdk: SdkErrorClasses,
): AttemptFailure {
  if (error instanceof TruncatedStreamError) {
    return { kind: 'truncated' };
  }
  // The timeout error is a connection error: test it first.
  if (error instanceof sdk.APIConnectionTimeoutError) {
    return { kind: 'connect-timeout' };
  }
  if (error instanceof sdk.APIUserAbortError) {
    return { kind: 'aborted' };
  }
  if (error instanceof sdk.APIConnectionError) {
    return { kind: 'network' };
  }
  if (error instanceof sdk.APIError) {
    const errorType = error.type ?? undefined;
    return typeof error.status === 'number'
      ? {
          kind: 'status',
          status: error.status,
          retryAfterMs: retryAfterMs(error.headers),
          errorType,
        }
      : { kind: 'stream-error', errorType };
  }
  if (nameOf(error) === 'SyntaxError') {
    return { kind: 'malformed' };
  }
  // A body cut off by the network surfaces from fetch as a TypeError ("terminated") caused by a
  // socket error.
  return isNetworkError(error) ? { kind: 'network' } : { kind: 'malformed' };
}

/**
 * Errors of `fetch` may come from another JavaScript realm (vm contexts, some test runners), where
 * `instanceof` fails: they are recognised by name and code, through their causes.
 */
function isNetworkError(error: unknown): boolean {
  let current = error;
  for (let depth = 0; depth < 5 && isObject(current); depth++) {
    const code = (current as { readonly code?: unknown }).code;
    if (
      nameOf(current) === 'TypeError' ||
      (typeof code === 'string' && NETWORK_CODES.test(code))
    ) {
      return true;
    }
    current = (current as { readonly cause?: unknown }).cause;
  }
  return false;
}

function nameOf(error: unknown): unknown {
  return isObject(error)
    ? (error as { readonly name?: unknown }).name
    : undefined;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
