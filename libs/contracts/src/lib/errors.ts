/** Error codes carried on the wire. A wire error never carries a stack trace. */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'NOT_FOUND',
  'FORBIDDEN',
  /** A file or a body over the size limit (HTTP 413). */
  'TOO_LARGE',
  /** A file of a type MILEVA does not read (HTTP 415). */
  'UNSUPPORTED_MEDIA_TYPE',
  'UNAUTHENTICATED',
  'TIMEOUT',
  'UNAVAILABLE',
  'CONTRACT_VERSION',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** What a service sends back when a request fails. `message` is French, meant for a user. */
export interface WireError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: readonly string[];
}

export function isWireError(value: unknown): value is WireError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate['code'] === 'string' &&
    (ERROR_CODES as readonly string[]).includes(candidate['code']) &&
    typeof candidate['message'] === 'string'
  );
}
