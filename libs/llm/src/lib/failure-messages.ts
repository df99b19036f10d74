import { ProviderUnavailableError } from './provider-error';
import type { AttemptFailure } from './retry-policy';

/** What a message may say about the provider: never the prompt, the text nor the key. */
export interface FailureContext {
  /** Base URL without credentials nor query string. */
  readonly endpoint: string;
  readonly model: string;
  /** How the base URL usually ends, for this kind of server. */
  readonly urlHint: string;
  readonly attempts: number;
  /** True when part of the answer was already streamed to the caller. */
  readonly partial: boolean;
  readonly cause?: unknown;
}

const PARTIAL_NOTE =
  ' ; le début de la réponse a déjà été transmis, la requête n’est pas relancée pour ne pas le dupliquer';

/** The error raised when a completion did not finish within `timeoutMs`. */
export function timeoutError(
  context: FailureContext,
  timeoutMs: number,
): ProviderUnavailableError {
  return new ProviderUnavailableError(
    'PROVIDER_TIMEOUT',
    `Le fournisseur de modèle ${context.endpoint} n’a pas terminé sa réponse en ${timeoutMs} ms (${attempts(context)}${context.partial ? PARTIAL_NOTE : ''}) : vérifiez qu’il est démarré et que le modèle « ${context.model} » est chargé, ou augmentez MILEVA_LLM_TIMEOUT_MS.`,
    { attempts: context.attempts, partial: context.partial },
  );
}

/** The error raised when an attempt failed and is not retried. */
export function failureError(
  failure: AttemptFailure,
  context: FailureContext,
): ProviderUnavailableError {
  const { endpoint, model, urlHint } = context;
  const options = {
    attempts: context.attempts,
    partial: context.partial,
    ...(failure.kind === 'status' ? { status: failure.status } : {}),
  };
  const tried = `${attempts(context)}${context.partial ? PARTIAL_NOTE : ''}`;
  switch (failure.kind) {
    case 'status':
      return statusError(failure.status, failure.errorType, context, options);
    case 'connect-timeout':
      return new ProviderUnavailableError(
        'PROVIDER_TIMEOUT',
        `Le fournisseur de modèle ${endpoint} n’a pas commencé à répondre à temps (${tried}) : vérifiez qu’il est démarré et que le modèle « ${model} » est chargé, ou augmentez MILEVA_LLM_TIMEOUT_MS.`,
        options,
      );
    case 'network':
      return new ProviderUnavailableError(
        'PROVIDER_UNAVAILABLE',
        context.partial
          ? `La connexion au fournisseur de modèle ${endpoint} a été coupée pendant la réponse (${tried}) : vérifiez l’état du serveur et du réseau (proxy, répartiteur de charge).`
          : `Fournisseur de modèle injoignable à l’adresse ${endpoint} (${tried}) : vérifiez MILEVA_LLM_URL (${urlHint}), que le serveur est démarré et qu’il est accessible depuis cette machine.`,
        { ...options, cause: context.cause },
      );
    case 'truncated':
      return new ProviderUnavailableError(
        'PROVIDER_UNAVAILABLE',
        `La réponse du fournisseur de modèle ${endpoint} s’est arrêtée avant la fin (${tried}) : vérifiez l’état du serveur et du réseau (proxy, répartiteur de charge).`,
        options,
      );
    case 'stream-error':
      return new ProviderUnavailableError(
        'PROVIDER_UNAVAILABLE',
        `Le fournisseur de modèle ${endpoint} a signalé une erreur pendant la réponse (${typeLabel(failure.errorType, '', ', ')}${tried}) : vérifiez l’état du serveur et que le modèle « ${model} » y est disponible.`,
        options,
      );
    case 'malformed':
    case 'aborted':
      return new ProviderUnavailableError(
        'PROVIDER_UNAVAILABLE',
        `Réponse illisible du fournisseur de modèle ${endpoint} (${tried}) : vérifiez que MILEVA_LLM_URL désigne bien ce type de serveur (${urlHint}) et que le modèle « ${model} » est un modèle de conversation.`,
        options,
      );
  }
}

function statusError(
  status: number,
  errorType: string | undefined,
  context: FailureContext,
  options: { readonly attempts: number; readonly partial: boolean },
): ProviderUnavailableError {
  const { endpoint, model, urlHint } = context;
  const http = `HTTP ${status}${typeLabel(errorType, ', ', '')}`;
  const withStatus = { ...options, status };
  const rejected = (message: string) =>
    new ProviderUnavailableError('PROVIDER_REJECTED', message, withStatus);
  const unavailable = (message: string) =>
    new ProviderUnavailableError('PROVIDER_UNAVAILABLE', message, withStatus);
  switch (true) {
    case status === 401:
      return rejected(
        `Le fournisseur de modèle ${endpoint} refuse la clé d’API (${http}) : vérifiez MILEVA_LLM_API_KEY.`,
      );
    case status === 403:
      return rejected(
        `Le fournisseur de modèle ${endpoint} refuse l’accès (${http}) : vérifiez les droits de la clé d’API (MILEVA_LLM_API_KEY) sur le modèle « ${model} ».`,
      );
    case status === 404:
      return rejected(
        `Ressource introuvable chez le fournisseur de modèle ${endpoint} (${http}) : vérifiez MILEVA_LLM_URL (${urlHint}) et le nom du modèle « ${model} » (MILEVA_LLM_MODEL).`,
      );
    case status === 413:
      return rejected(
        `Le fournisseur de modèle ${endpoint} refuse une requête trop volumineuse (${http}) : réduisez le nombre ou la longueur des passages transmis.`,
      );
    case status === 429:
      return unavailable(
        `Le fournisseur de modèle ${endpoint} limite le débit (${http}, ${attempts(context)}) : vérifiez le quota de la clé d’API ou réessayez plus tard.`,
      );
    case status >= 500:
      return unavailable(
        `Erreur du fournisseur de modèle ${endpoint} (${http}, ${attempts(context)}) : vérifiez l’état du serveur et que le modèle « ${model} » y est disponible.`,
      );
    case status === 408 || status === 409:
      return unavailable(
        `Le fournisseur de modèle ${endpoint} n’a pas pu traiter la requête (${http}, ${attempts(context)}) : réessayez plus tard.`,
      );
    default:
      return rejected(
        `Le fournisseur de modèle ${endpoint} a refusé la requête (${http}) : vérifiez le nom du modèle « ${model} » (MILEVA_LLM_MODEL), sa longueur de contexte au regard des passages transmis, et MILEVA_LLM_MAX_TOKENS.`,
      );
  }
}

function attempts(context: FailureContext): string {
  return `${context.attempts} tentative${context.attempts > 1 ? 's' : ''}`;
}

/**
 * The provider's error type (`invalid_request_error`…) between `before` and `after`, only when it
 * is a plain identifier (a free-form text could quote the request).
 */
function typeLabel(
  errorType: string | undefined,
  before: string,
  after: string,
): string {
  return errorType !== undefined && /^[a-z0-9_.-]{1,64}$/i.test(errorType)
    ? `${before}${errorType}${after}`
    : '';
}
