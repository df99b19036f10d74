import { redactUrl } from '@mileva/embeddings';
import { failureError, timeoutError } from './failure-messages';
import type {
  ChatMessage,
  CompletionRequest,
  CompletionResult,
  LlmProvider,
  LlmProviderKind,
  ModelGenerationSettings,
} from './llm-provider';
import {
  DEFAULT_RETRY_TIMING,
  isRetryable,
  nextRetryDelay,
  type AttemptFailure,
  type RetryTiming,
} from './retry-policy';
import {
  classifySdkError,
  TruncatedStreamError,
  type SdkErrorClasses,
} from './sdk-errors';
import { estimateTokens, tokenUsage } from './usage';

export { TruncatedStreamError };

/** Temperature of a completion when the request sets none: low, the draft must stick to the passages. */
export const DEFAULT_TEMPERATURE = 0.2;

/**
 * Sent when no key is configured: the SDKs require one, local servers (Ollama, vLLM) ignore it and
 * a proxy may hold the real key. Passing a key explicitly also keeps the SDKs from reading
 * credentials from the environment or from profile files.
 */
export const PLACEHOLDER_API_KEY = 'no-key';

/** Longest wait for the response headers of one attempt, whatever the total timeout. */
const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;

/** Settings of a provider beside the configuration (tests, tuning). */
export interface LlmProviderOptions {
  /**
   * Time allowed for one attempt to get its response headers, after which it counts as a network
   * failure and may be retried. Default: 30 s, or the total timeout when shorter.
   */
  readonly connectTimeoutMs?: number;
  readonly retryTiming?: RetryTiming;
}

/** A completion request with its defaults applied. */
export interface ResolvedRequest {
  readonly system: string;
  readonly messages: readonly ChatMessage[];
  readonly maxTokens: number;
  readonly temperature: number;
}

/** What one attempt that streamed to the end reports. */
export interface AttemptOutcome {
  /** Model named by the server. */
  readonly model?: string;
  /** Token counts, when the server reported them. */
  readonly inputTokens?: number;
  readonly outputTokens?: number;
  readonly finishReason: string;
}

/** What a subclass tells about its wire format and SDK. */
export interface ProviderDescription {
  /** Base URL of the public API, used when none is configured. */
  readonly defaultBaseUrl: string;
  /** How the base URL usually ends, for error messages. */
  readonly urlHint: string;
  /** The SDK's error classes (its client class carries them as statics). */
  readonly sdkErrors: SdkErrorClasses;
}

/** Wraps an error thrown by the caller's `onToken`, so that it is not taken for a provider failure. */
class CallbackError {
  constructor(readonly error: unknown) {}
}

/**
 * The part of a model provider that does not depend on the wire format: defaults, total timeout,
 * retry policy (backoff with jitter, `retry-after`, never after a streamed token), token and cost
 * accounting, French errors. A subclass streams one attempt with its SDK, whose own retries are
 * disabled, and tells what a failure of its SDK means.
 */
export abstract class StreamingLlmProvider implements LlmProvider {
  abstract readonly kind: LlmProviderKind;
  readonly model: string;
  /** Base URL without credentials, safe to show in messages and logs. */
  readonly endpoint: string;

  protected readonly connectTimeoutMs: number;
  private readonly settings: Omit<ModelGenerationSettings, 'apiKey'>;
  private readonly timing: RetryTiming;

  protected constructor(
    settings: ModelGenerationSettings,
    options: LlmProviderOptions,
    private readonly description: ProviderDescription,
  ) {
    validateSettings(settings);
    const { apiKey: _apiKey, ...rest } = settings;
    this.settings = rest;
    this.model = settings.model;
    this.endpoint = redactUrl(settings.baseUrl ?? description.defaultBaseUrl);
    this.timing = options.retryTiming ?? DEFAULT_RETRY_TIMING;
    this.connectTimeoutMs = Math.min(
      settings.timeoutMs,
      options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    );
  }

  async complete(
    request: CompletionRequest,
    onToken?: (text: string) => void,
  ): Promise<CompletionResult> {
    request.signal?.throwIfAborted();
    const resolved: ResolvedRequest = {
      system: request.system,
      messages: request.messages,
      maxTokens: request.maxTokens ?? this.settings.maxTokens,
      temperature: request.temperature ?? DEFAULT_TEMPERATURE,
    };
    const deadline = new Deadline(this.settings.timeoutMs, request.signal);
    let text = '';
    const onDelta = (delta: string): void => {
      if (delta === '') return;
      text += delta;
      try {
        onToken?.(delta);
      } catch (error) {
        throw new CallbackError(error);
      }
    };

    try {
      for (let attempt = 1; ; attempt++) {
        let cause: unknown;
        try {
          const outcome = await this.streamAttempt(
            resolved,
            deadline.signal,
            onDelta,
          );
          return this.result(resolved, text, outcome, attempt);
        } catch (error) {
          if (error instanceof CallbackError) throw error.error;
          if (deadline.callerAborted) throw request.signal?.reason;
          const context = this.context(attempt, text !== '', error);
          if (deadline.expired) {
            throw timeoutError(context, this.settings.timeoutMs);
          }
          const failure = this.classify(error);
          cause = error;
          const delay =
            !context.partial &&
            isRetryable(failure) &&
            attempt <= this.settings.maxRetries
              ? nextRetryDelay(
                  failure,
                  attempt - 1,
                  this.timing,
                  deadline.remainingMs,
                )
              : undefined;
          if (delay === undefined) {
            throw failureError(failure, context);
          }
          await deadline.sleep(delay);
        }
        if (deadline.callerAborted) throw request.signal?.reason;
        if (deadline.expired) {
          throw timeoutError(
            this.context(attempt, false, cause),
            this.settings.timeoutMs,
          );
        }
      }
    } finally {
      deadline.dispose();
    }
  }

  /**
   * Streams one attempt with the SDK (its own retries disabled): calls `onDelta` with each text
   * delta in order and resolves once the server sent its final event. Throws `TruncatedStreamError` when the stream ends before it
   * (an abort through `signal` ends some SDK streams silently).
   */
  protected abstract streamAttempt(
    request: ResolvedRequest,
    signal: AbortSignal,
    onDelta: (text: string) => void,
  ): Promise<AttemptOutcome>;

  /** What an error thrown by `streamAttempt` means. */
  private classify(error: unknown): AttemptFailure {
    return classifySdkError(error, this.description.sdkErrors);
  }

  private result(
    request: ResolvedRequest,
    text: string,
    outcome: AttemptOutcome,
    attempts: number,
  ): CompletionResult {
    const reported =
      outcome.inputTokens !== undefined || outcome.outputTokens !== undefined;
    const counts = reported
      ? {
          inputTokens: outcome.inputTokens ?? 0,
          outputTokens: outcome.outputTokens ?? 0,
        }
      : estimateTokens(request.system, request.messages, text);
    return {
      text,
      model: outcome.model || this.model,
      usage: tokenUsage(counts.inputTokens, counts.outputTokens, this.settings),
      usageEstimated: !reported,
      finishReason: outcome.finishReason,
      attempts,
    };
  }

  private context(attempts: number, partial: boolean, cause: unknown) {
    return {
      endpoint: this.endpoint,
      model: this.model,
      urlHint: this.description.urlHint,
      attempts,
      partial,
      cause,
    };
  }
}

/**
 * The total time of a completion, merged with the caller's signal: `signal` aborts when either
 * the time is up or the caller aborts.
 */
class Deadline {
  private readonly controller = new AbortController();
  private readonly startedAt = Date.now();
  private readonly timer: ReturnType<typeof setTimeout>;
  private timedOut = false;

  constructor(
    private readonly timeoutMs: number,
    private readonly callerSignal: AbortSignal | undefined,
  ) {
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort(new Error('deadline'));
    }, timeoutMs);
    callerSignal?.addEventListener('abort', this.onCallerAbort, {
      once: true,
    });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get expired(): boolean {
    return this.timedOut;
  }

  get callerAborted(): boolean {
    return this.callerSignal?.aborted ?? false;
  }

  get remainingMs(): number {
    return this.timeoutMs - (Date.now() - this.startedAt);
  }

  /** Waits `ms`, or less when the signal aborts first (the caller then checks why). */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.signal.addEventListener('abort', done, { once: true });
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.callerSignal?.removeEventListener('abort', this.onCallerAbort);
  }

  private readonly onCallerAbort = (): void => {
    this.controller.abort(this.callerSignal?.reason);
  };
}

function validateSettings(settings: ModelGenerationSettings): void {
  if (settings.baseUrl !== undefined) {
    let protocol: string | undefined;
    try {
      protocol = new URL(settings.baseUrl).protocol;
    } catch {
      protocol = undefined;
    }
    if (protocol !== 'http:' && protocol !== 'https:') {
      throw new RangeError(
        `URL du fournisseur de modèle invalide : attendu une URL http(s), par exemple http://127.0.0.1:11434/v1.`,
      );
    }
  }
  if (settings.model.trim() === '') {
    throw new RangeError(
      `Nom du modèle vide : indiquez le modèle à utiliser (MILEVA_LLM_MODEL).`,
    );
  }
  if (!(Number.isFinite(settings.timeoutMs) && settings.timeoutMs > 0)) {
    throw new RangeError(
      `Délai d'attente du modèle invalide (${settings.timeoutMs} ms) : attendu un nombre positif de millisecondes.`,
    );
  }
  if (!(Number.isInteger(settings.maxRetries) && settings.maxRetries >= 0)) {
    throw new RangeError(
      `Nombre de nouvelles tentatives invalide (${settings.maxRetries}) : attendu un entier positif ou nul.`,
    );
  }
  if (!(Number.isInteger(settings.maxTokens) && settings.maxTokens > 0)) {
    throw new RangeError(
      `Nombre maximal de jetons invalide (${settings.maxTokens}) : attendu un entier positif.`,
    );
  }
}
