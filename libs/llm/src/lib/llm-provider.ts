import type { ProviderKind, TokenUsage } from '@mileva/contracts';

/** Providers that call a model server (every `ProviderKind` but the extractive composer). */
export type LlmProviderKind = Exclude<ProviderKind, 'extractive'>;

export interface ChatMessage {
  readonly role: 'user' | 'assistant';
  readonly content: string;
}

export interface CompletionRequest {
  /** System instructions, in French. */
  readonly system: string;
  readonly messages: readonly ChatMessage[];
  /** Largest number of tokens to generate; defaults to the configured `maxTokens`. */
  readonly maxTokens?: number;
  /** Sampling temperature; defaults to 0.2. */
  readonly temperature?: number;
  /** Aborts the request (and the wait between attempts); the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

export interface CompletionResult {
  /** The whole generated text: the concatenation of every delta passed to `onToken`. */
  readonly text: string;
  /** Model that answered, as the server names it (falls back to the configured one). */
  readonly model: string;
  /** Tokens read and written, and their cost in euros when prices are configured. */
  readonly usage: TokenUsage;
  /**
   * True when the server reported no usage (some OpenAI-compatible servers ignore
   * `stream_options`): the token counts are then estimated from the text lengths.
   */
  readonly usageEstimated?: boolean;
  /** Why generation stopped, as the server says it (`stop`, `length`, `end_turn`, `max_tokens`…). */
  readonly finishReason?: string;
  /** HTTP attempts made, retries included. */
  readonly attempts?: number;
}

/** A model server that writes the draft. */
export interface LlmProvider {
  readonly kind: LlmProviderKind;
  readonly model: string;
  /**
   * Streams the completion: onToken is called with each text delta as soon as it arrives; resolves
   * with the full text and usage. Rejects with a `ProviderUnavailableError`, or with the reason of
   * `request.signal` when the caller aborts. A request is never retried once a delta was passed
   * to `onToken`.
   */
  complete(
    request: CompletionRequest,
    onToken?: (text: string) => void,
  ): Promise<CompletionResult>;
}

/** Limits that apply whatever the provider. */
interface GenerationLimits {
  /** Total time allowed for one completion, retries and streaming included, in milliseconds. */
  readonly timeoutMs: number;
  /** Retries after a 408/409/429, a 5xx, a network failure or a connection timeout (before any token). */
  readonly maxRetries: number;
  /** Default largest number of tokens a completion may generate. */
  readonly maxTokens: number;
}

/** The embedded default: the draft is composed from the passages, no model is called. */
export interface ExtractiveGenerationSettings extends GenerationLimits {
  readonly provider: 'extractive';
}

/** A model server: OpenAI-compatible (Albert API, Mistral, vLLM, Ollama, OpenAI) or Anthropic. */
export interface ModelGenerationSettings extends GenerationLimits {
  readonly provider: LlmProviderKind;
  /**
   * Base URL of the API: with the version segment for OpenAI-compatible servers
   * (`http://127.0.0.1:11434/v1`), without it for Anthropic (`https://api.anthropic.com`).
   * Unset: the provider's public API.
   */
  readonly baseUrl?: string;
  /** Unset: a placeholder is sent (local servers do not check it). */
  readonly apiKey?: string;
  readonly model: string;
  /** Price of a million input tokens, in euros; with the output price, gives `usage.costEur`. */
  readonly priceInputEurPerMillion?: number;
  /** Price of a million output tokens, in euros. */
  readonly priceOutputEurPerMillion?: number;
}

/** Who writes the drafts, as configured (`MILEVA_LLM_*`). */
export type GenerationSettings =
  | ExtractiveGenerationSettings
  | ModelGenerationSettings;
