import { HttpErrorResponse } from '@angular/common/http';
import { ApiErrorBody } from './api.model';

/** A failed API call, worded in French for the user. `status` is 0 when the gateway could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const UNREACHABLE_MESSAGE = 'Le serveur MILEVA ne répond pas. Vérifiez votre connexion puis réessayez.';
export const SESSION_EXPIRED_MESSAGE = 'Votre session a expiré ou vous avez été déconnecté : reconnectez-vous pour continuer.';

export function isApiErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Record<string, unknown>;
  return typeof candidate['code'] === 'string' && typeof candidate['message'] === 'string' && candidate['message'] !== '';
}

/** The error of a response: the gateway's own `{code, message}` when it sent one, else a French message for the status. */
export function apiErrorOf(status: number, body: unknown): ApiError {
  if (isApiErrorBody(body)) {
    const details = Array.isArray(body.details) ? body.details.filter((detail): detail is string => typeof detail === 'string') : [];
    return new ApiError(status, body.code, body.message, details);
  }
  return new ApiError(status, codeOf(status), messageOf(status));
}

/** Any failure of a call, as an {@link ApiError}. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof HttpErrorResponse) return apiErrorOf(error.status, error.error);
  return new ApiError(0, 'UNAVAILABLE', UNREACHABLE_MESSAGE);
}

function codeOf(status: number): string {
  if (status === 0) return 'UNAVAILABLE';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status >= 400 && status < 500) return 'BAD_REQUEST';
  return 'UNAVAILABLE';
}

function messageOf(status: number): string {
  if (status === 0) return UNREACHABLE_MESSAGE;
  if (status === 401) return SESSION_EXPIRED_MESSAGE;
  if (status === 403) return 'Votre rôle ne donne pas accès à cette fonction.';
  if (status === 404) return 'Élément introuvable : il a peut-être été supprimé.';
  if (status >= 500) return 'Le service est momentanément indisponible. Réessayez dans quelques instants.';
  return `La demande n’a pas abouti (code HTTP ${status}). Réessayez ; si le problème persiste, prévenez le référent MILEVA.`;
}
