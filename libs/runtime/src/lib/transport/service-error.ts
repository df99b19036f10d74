import { isWireError, type ErrorCode, type WireError } from '@mileva/contracts';

/**
 * A failure with a code and a French message meant for a user. Thrown by services and by
 * {@link ServiceClient}; turned into a {@link WireError} on the wire, never with a stack.
 */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: readonly string[],
  ) {
    super(message);
    this.name = 'ServiceError';
  }

  toWire(): WireError {
    return this.details?.length ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }

  static fromWire(wire: WireError): ServiceError {
    return new ServiceError(wire.code, wire.message, wire.details);
  }
}

/** Turns anything thrown into a wire error; unknown errors become a generic INTERNAL one. */
export function toWireError(error: unknown): WireError {
  if (error instanceof ServiceError) return error.toWire();
  if (isWireError(error)) return { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
  return { code: 'INTERNAL', message: 'Erreur interne du service. Réessayez ; si le problème persiste, contactez l’assistance.' };
}
