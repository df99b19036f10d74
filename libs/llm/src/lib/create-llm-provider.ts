import { AnthropicProvider } from './anthropic/anthropic.provider';
import type { GenerationSettings, LlmProvider } from './llm-provider';
import { OpenAiCompatibleProvider } from './openai/openai-compatible.provider';
import type { LlmProviderOptions } from './streaming-provider';

/**
 * The model provider the settings name, or undefined for the extractive composer (no model).
 * Throws a `RangeError` (French message naming the faulty setting) when the settings are
 * invalid; never contacts the server.
 */
export function createLlmProvider(
  settings: GenerationSettings,
  options: LlmProviderOptions = {},
): LlmProvider | undefined {
  switch (settings.provider) {
    case 'extractive':
      return undefined;
    case 'openai': {
      const { provider: _provider, ...rest } = settings;
      return new OpenAiCompatibleProvider(rest, options);
    }
    case 'anthropic': {
      const { provider: _provider, ...rest } = settings;
      return new AnthropicProvider(rest, options);
    }
    default: {
      const unknown: { readonly provider?: unknown } = settings;
      throw new RangeError(
        `Fournisseur de modèle inconnu (${String(unknown.provider)}) : attendu « extractive », « openai » ou « anthropic ».`,
      );
    }
  }
}
