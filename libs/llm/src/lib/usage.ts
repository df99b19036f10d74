import type { TokenUsage } from '@mileva/contracts';
import type { ChatMessage } from './llm-provider';

/** Prices of a provider, in euros per million tokens. */
export interface TokenPrices {
  readonly priceInputEurPerMillion?: number;
  readonly priceOutputEurPerMillion?: number;
}

/** Rough characters per token of French text, for servers that report no usage. */
const CHARACTERS_PER_TOKEN = 4;

/**
 * Usage of one completion with its cost in euros, when at least one price is configured (an
 * unset price counts as free). The cost is rounded to a millionth of a euro.
 */
export function tokenUsage(
  inputTokens: number,
  outputTokens: number,
  prices: TokenPrices,
): TokenUsage {
  const { priceInputEurPerMillion: input, priceOutputEurPerMillion: output } =
    prices;
  if (input === undefined && output === undefined) {
    return { inputTokens, outputTokens };
  }
  const cost =
    (inputTokens * (input ?? 0) + outputTokens * (output ?? 0)) / 1_000_000;
  return {
    inputTokens,
    outputTokens,
    costEur: Math.round(cost * 1_000_000) / 1_000_000,
  };
}

/** Token counts estimated from text lengths, when the server does not report them. */
export function estimateTokens(
  system: string,
  messages: readonly ChatMessage[],
  output: string,
): { readonly inputTokens: number; readonly outputTokens: number } {
  const inputCharacters = messages.reduce(
    (total, message) => total + message.content.length,
    system.length,
  );
  return {
    inputTokens: Math.ceil(inputCharacters / CHARACTERS_PER_TOKEN),
    outputTokens: Math.ceil(output.length / CHARACTERS_PER_TOKEN),
  };
}
