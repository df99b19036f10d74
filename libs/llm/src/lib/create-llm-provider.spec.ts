import { AnthropicProvider } from './anthropic/anthropic.provider';
import { createLlmProvider } from './create-llm-provider';
import { OpenAiCompatibleProvider } from './openai/openai-compatible.provider';

const LIMITS = { timeoutMs: 60_000, maxRetries: 3, maxTokens: 1_500 };

describe('createLlmProvider', () => {
  it('should give no provider for the extractive composer', () => {
    expect(
      createLlmProvider({ provider: 'extractive', ...LIMITS }),
    ).toBeUndefined();
  });

  it('should build the provider the settings name, showing its URL without credentials', () => {
    const openai = createLlmProvider({
      provider: 'openai',
      baseUrl: 'http://user:secret@albert.example.fr/v1?token=abc',
      model: 'albert-large',
      ...LIMITS,
    });
    expect(openai).toBeInstanceOf(OpenAiCompatibleProvider);
    expect(openai).toMatchObject({
      kind: 'openai',
      model: 'albert-large',
      endpoint: 'http://albert.example.fr/v1',
    });

    const anthropic = createLlmProvider({
      provider: 'anthropic',
      apiKey: 'sk-ant',
      model: 'claude-sonnet',
      ...LIMITS,
    });
    expect(anthropic).toBeInstanceOf(AnthropicProvider);
    expect(anthropic).toMatchObject({
      kind: 'anthropic',
      endpoint: 'https://api.anthropic.com',
    });
  });

  it.each([
    [{ baseUrl: 'localhost:11434' }, 'URL'],
    [{ model: ' ' }, 'modèle'],
    [{ timeoutMs: 0 }, 'Délai'],
    [{ maxRetries: -1 }, 'tentatives'],
    [{ maxTokens: 0 }, 'jetons'],
  ])(
    'should reject %p with a French message about the %s',
    (override, word) => {
      expect(() =>
        createLlmProvider({
          provider: 'openai',
          model: 'm',
          ...LIMITS,
          ...override,
        }),
      ).toThrow(
        expect.objectContaining({
          name: 'RangeError',
          message: expect.stringContaining(word),
        }),
      );
    },
  );
});
