import { Anthropic } from '@anthropic-ai/sdk';
import { realmSafeFetch } from '@mileva/embeddings';
import type { ModelGenerationSettings } from '../llm-provider';
import {
  PLACEHOLDER_API_KEY,
  StreamingLlmProvider,
  TruncatedStreamError,
  type AttemptOutcome,
  type LlmProviderOptions,
  type ResolvedRequest,
} from '../streaming-provider';

/** The public API, when no base URL is configured (the SDK appends `/v1/messages`). */
export const ANTHROPIC_DEFAULT_BASE_URL = 'https://api.anthropic.com';

/** Input token counts of a `usage` object: fresh, written to and read from the prompt cache. */
interface InputUsage {
  readonly input_tokens?: number | null;
  readonly cache_creation_input_tokens?: number | null;
  readonly cache_read_input_tokens?: number | null;
}

/**
 * Anthropic's Messages API through the official SDK: `POST {baseUrl}/v1/messages` with
 * `stream: true`. Text comes in `content_block_delta` events; input tokens in `message_start`
 * (and cumulatively in `message_delta` on recent servers), output tokens in `message_delta`.
 * `temperature` is not sent: the Messages API no longer accepts sampling parameters.
 */
export class AnthropicProvider extends StreamingLlmProvider {
  readonly kind = 'anthropic' as const;

  private readonly client: Anthropic;

  constructor(
    settings: Omit<ModelGenerationSettings, 'provider'>,
    options: LlmProviderOptions = {},
  ) {
    super({ ...settings, provider: 'anthropic' }, options, {
      defaultBaseUrl: ANTHROPIC_DEFAULT_BASE_URL,
      urlHint: 'sans /v1 : https://api.anthropic.com ou l’adresse du relais',
      sdkErrors: Anthropic,
    });
    this.client = new Anthropic({
      baseURL: settings.baseUrl ?? ANTHROPIC_DEFAULT_BASE_URL,
      apiKey: settings.apiKey || PLACEHOLDER_API_KEY,
      timeout: this.connectTimeoutMs,
      // Retries are the provider's (never after a streamed token): the SDK makes one attempt.
      maxRetries: 0,
      fetch: realmSafeFetch,
      openTelemetry: false,
      // Failures surface as ProviderUnavailableError; the SDK must not write to the console.
      logLevel: 'off',
    });
  }

  protected async streamAttempt(
    request: ResolvedRequest,
    signal: AbortSignal,
    onDelta: (text: string) => void,
  ): Promise<AttemptOutcome> {
    const stream = await this.client.messages.create(
      {
        model: this.model,
        system: request.system,
        messages: request.messages.map(({ role, content }) => ({
          role,
          content,
        })),
        max_tokens: request.maxTokens,
        // No temperature: the API version this SDK speaks (2026-10-21) no longer takes sampling parameters.
        stream: true,
      },
      { signal },
    );
    let model: string | undefined;
    let stopReason: string | undefined;
    let stopped = false;
    let inputTokens: number | undefined;
    let outputTokens: number | undefined;
    for await (const event of stream) {
      switch (event.type) {
        case 'message_start':
          model = event.message.model;
          inputTokens = totalInput(event.message.usage) ?? inputTokens;
          outputTokens = event.message.usage.output_tokens ?? outputTokens;
          break;
        case 'content_block_delta':
          if (event.delta.type === 'text_delta') {
            onDelta(event.delta.text);
          }
          break;
        case 'message_delta':
          stopReason = event.delta.stop_reason ?? stopReason;
          inputTokens = totalInput(event.usage) ?? inputTokens;
          outputTokens = event.usage.output_tokens ?? outputTokens;
          break;
        case 'message_stop':
          stopped = true;
          break;
        default:
          break;
      }
    }
    if (!stopped) {
      // The SDK ends the iteration quietly when the request is aborted.
      throw new TruncatedStreamError('stream ended without message_stop');
    }
    return {
      model,
      finishReason: stopReason ?? 'end_turn',
      inputTokens,
      outputTokens,
    };
  }
}

/** Every input token of a `usage` object, or undefined when it reports none. */
function totalInput(usage: InputUsage): number | undefined {
  const parts = [
    usage.input_tokens,
    usage.cache_creation_input_tokens,
    usage.cache_read_input_tokens,
  ].filter((value): value is number => typeof value === 'number');
  return parts.length === 0
    ? undefined
    : parts.reduce((total, value) => total + value, 0);
}
