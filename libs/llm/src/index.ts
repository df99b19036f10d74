export * from './lib/llm-provider';
export * from './lib/provider-error';
export * from './lib/retry-policy';
export * from './lib/usage';
export {
  DEFAULT_TEMPERATURE,
  StreamingLlmProvider,
  type AttemptOutcome,
  type LlmProviderOptions,
  type ResolvedRequest,
} from './lib/streaming-provider';
export * from './lib/openai/openai-compatible.provider';
export * from './lib/anthropic/anthropic.provider';
export * from './lib/create-llm-provider';
