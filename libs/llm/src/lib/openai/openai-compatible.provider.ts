import { realmSafeFetch } from '@mileva/embeddings';
import { OpenAI } from 'openai';
import type { ModelGenerationSettings } from '../llm-provider';
import {
  PLACEHOLDER_API_KEY,
  StreamingLlmProvider,
  TruncatedStreamError,
  type AttemptOutcome,
  type LlmProviderOptions,
  type ResolvedRequest,
} from '../streaming-provider';

/** The public API, when no base URL is configured. */
export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/**
 * Any server speaking the OpenAI chat completions wire format (Albert API, Mistral, vLLM, Ollama,
 * OpenAI), through the official SDK: `POST {baseUrl}/chat/completions` with `stream: true` and
 * `stream_options.include_usage`, so that the last chunk carries the token counts.
 */
export class OpenAiCompatibleProvider extends StreamingLlmProvider {
  readonly kind = 'openai' as const;

  private readonly client: OpenAI;

  constructor(
    settings: Omit<ModelGenerationSettings, 'provider'>,
    options: LlmProviderOptions = {},
  ) {
    super({ ...settings, provider: 'openai' }, options, {
      defaultBaseUrl: OPENAI_DEFAULT_BASE_URL,
      urlHint: 'elle se termine en général par /v1',
      sdkErrors: OpenAI,
    });
    this.client = new OpenAI({
      baseURL: settings.baseUrl ?? OPENAI_DEFAULT_BASE_URL,
      apiKey: settings.apiKey || PLACEHOLDER_API_KEY,
      // Never inherit account settings from the environment: the server may not be OpenAI's.
      adminAPIKey: null,
      organization: null,
      project: null,
      timeout: this.connectTimeoutMs,
      // Retries are the provider's (never after a streamed token): the SDK makes one attempt.
      maxRetries: 0,
      fetch: realmSafeFetch,
      // Failures surface as ProviderUnavailableError; the SDK must not write to the console.
      logLevel: 'off',
    });
  }

  protected async streamAttempt(
    request: ResolvedRequest,
    signal: AbortSignal,
    onDelta: (text: string) => void,
  ): Promise<AttemptOutcome> {
    const stream = await this.client.chat.completions.create(
      {
        model: this.model,
        messages: [
          { role: 'system', content: request.system },
          ...request.messages.map(({ role, content }) => ({ role, content })),
        ],
        max_tokens: request.maxTokens,
        temperature: request.temperature,
        stream: true,
        stream_options: { include_usage: true },
      },
      { signal },
    );
    let model: string | undefined;
    let finishReason: string | undefined;
    let usage: { inputTokens: number; outputTokens: number } | undefined;
    for await (const chunk of stream) {
      model ||= chunk.model;
      if (chunk.usage) {
        usage = {
          inputTokens: chunk.usage.prompt_tokens,
          outputTokens: chunk.usage.completion_tokens,
        };
      }
      // Only the first choice is asked for (n = 1).
      const choice = chunk.choices?.find((candidate) => candidate.index === 0);
      const content = choice?.delta?.content;
      if (content) {
        onDelta(content);
      }
      if (choice?.finish_reason) {
        finishReason = choice.finish_reason;
      }
    }
    if (finishReason === undefined) {
      // The SDK ends the iteration quietly when the request is aborted.
      throw new TruncatedStreamError('stream ended without finish_reason');
    }
    return { model, finishReason, ...usage };
  }
}
