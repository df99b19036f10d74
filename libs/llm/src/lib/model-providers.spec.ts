import {
  findClosedPort,
  startFakeAnthropicServer,
  startFakeOpenAiServer,
  type FakeLlmServer,
} from '../testing';
import { createLlmProvider } from './create-llm-provider';
import type {
  CompletionRequest,
  LlmProvider,
  ModelGenerationSettings,
} from './llm-provider';
import { ProviderUnavailableError } from './provider-error';
import type { RetryTiming } from './retry-policy';

/** Short waits between attempts, so that retries do not slow the suite down. */
const FAST_RETRIES: RetryTiming = {
  baseDelayMs: 5,
  maxDelayMs: 20,
  maxRetryAfterMs: 5_000,
};

const SYSTEM =
  'Tu rédiges une réponse à partir des seuls passages fournis, en citant [1], [2]…';
const QUESTION =
  'Un enseignant stagiaire en CLM peut-il prolonger son stage ? [PERSONNE_1]';

const REQUEST: CompletionRequest = {
  system: SYSTEM,
  messages: [{ role: 'user', content: QUESTION }],
};

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => undefined as void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

async function failure(
  promise: Promise<unknown>,
): Promise<ProviderUnavailableError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ProviderUnavailableError)) {
    throw new Error(
      `expected a ProviderUnavailableError, got ${String(error)}`,
    );
  }
  return error;
}

describe.each([
  ['openai', startFakeOpenAiServer],
  ['anthropic', startFakeAnthropicServer],
] as const)('%s provider', (kind, startServer) => {
  let server: FakeLlmServer;

  function provider(
    overrides: Partial<ModelGenerationSettings> = {},
  ): LlmProvider {
    const created = createLlmProvider(server.settings(overrides), {
      retryTiming: FAST_RETRIES,
    });
    if (!created) throw new Error('no provider created');
    return created;
  }

  beforeEach(async () => {
    server = await startServer();
  });

  afterEach(async () => {
    await server.close();
  });

  describe('complete', () => {
    it('should pass each delta to onToken, in order, before the answer is complete', async () => {
      const tokens = [
        'Bonjour',
        ' Madame,',
        ' le stage',
        ' est',
        ' prolongé [1].',
      ];
      const firstTokenSeen = deferred();
      // The server holds the rest of the answer until the first delta reached onToken:
      // a client that buffered the stream would never get it.
      server.enqueue({
        kind: 'stream',
        tokens,
        pauseAfter: 1,
        resume: firstTokenSeen.promise,
      });
      const seen: string[] = [];
      let settled = false;
      const completion = provider().complete(REQUEST, (text) => {
        seen.push(text);
        expect(settled).toBe(false);
        firstTokenSeen.resolve();
      });
      void completion.finally(() => {
        settled = true;
      });

      const result = await completion;

      expect(seen).toEqual(tokens);
      expect(result.text).toBe(tokens.join(''));
      expect(result.attempts).toBe(1);
      expect(result.finishReason).toBe(kind === 'openai' ? 'stop' : 'end_turn');
    });

    it('should send the model, the system instructions, the messages and the default token limit', async () => {
      await provider({ maxTokens: 700 }).complete({
        ...REQUEST,
        messages: [
          { role: 'user', content: 'Première question' },
          { role: 'assistant', content: 'Première réponse' },
          { role: 'user', content: QUESTION },
        ],
      });

      const [{ body, headers }] = server.requests;
      expect(body['model']).toBe('fake-model');
      expect(body['stream']).toBe(true);
      expect(body['max_tokens']).toBe(700);
      const turns = [
        { role: 'user', content: 'Première question' },
        { role: 'assistant', content: 'Première réponse' },
        { role: 'user', content: QUESTION },
      ];
      if (kind === 'openai') {
        expect(body['messages']).toEqual([
          { role: 'system', content: SYSTEM },
          ...turns,
        ]);
        expect(body['stream_options']).toEqual({ include_usage: true });
        expect(body['temperature']).toBe(0.2);
      } else {
        expect(body['system']).toBe(SYSTEM);
        expect(body['messages']).toEqual(turns);
      }
      expect(headers['authorization']).toBe('Bearer test-key');
    });

    it('should report the usage of the stream and its cost in euros when prices are set', async () => {
      server.enqueue({
        kind: 'stream',
        text: 'Oui, sous conditions [1].',
        model: 'fake-model-2025-01-01',
        usage: { inputTokens: 1_200, outputTokens: 300 },
      });

      const result = await provider({
        priceInputEurPerMillion: 2.5,
        priceOutputEurPerMillion: 10,
      }).complete(REQUEST);

      expect(result.model).toBe('fake-model-2025-01-01');
      expect(result.usage).toEqual({
        inputTokens: 1_200,
        outputTokens: 300,
        costEur: 0.006,
      });
      expect(result.usageEstimated).toBe(false);
    });

    it('should report no cost when no price is set', async () => {
      server.enqueue({
        kind: 'stream',
        text: 'Oui [1].',
        usage: { inputTokens: 10, outputTokens: 2 },
      });

      const result = await provider().complete(REQUEST);

      expect(result.usage).toEqual({ inputTokens: 10, outputTokens: 2 });
    });

    it('should retry after a 429, waiting as long as retry-after asks', async () => {
      server.enqueue(
        { kind: 'error', status: 429, headers: { 'retry-after': '1' } },
        { kind: 'stream', text: 'Réponse après attente.' },
      );

      const result = await provider().complete(REQUEST);

      expect(result.text).toBe('Réponse après attente.');
      expect(result.attempts).toBe(2);
      const [first, second] = server.requests;
      expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(950);
    });

    it('should retry after 503s until the server answers', async () => {
      server.enqueue(
        { kind: 'error', status: 503 },
        { kind: 'error', status: 503 },
        { kind: 'stream', text: 'Enfin disponible.' },
      );

      const result = await provider({ maxRetries: 2 }).complete(REQUEST);

      expect(result.text).toBe('Enfin disponible.');
      expect(result.attempts).toBe(3);
      expect(server.requests).toHaveLength(3);
    });

    it('should give up with PROVIDER_UNAVAILABLE once the retries are spent', async () => {
      server.respondWith({ kind: 'error', status: 500 });

      const error = await failure(
        provider({ maxRetries: 2 }).complete(REQUEST),
      );

      expect(error.code).toBe('PROVIDER_UNAVAILABLE');
      expect(error.status).toBe(500);
      expect(error.attempts).toBe(3);
      expect(error.message).toContain('3 tentatives');
      expect(server.requests).toHaveLength(3);
    });

    it('should not wait for a retry-after beyond the cap', async () => {
      server.enqueue({
        kind: 'error',
        status: 429,
        headers: { 'retry-after': '60' },
      });

      const error = await failure(provider().complete(REQUEST));

      expect(error.code).toBe('PROVIDER_UNAVAILABLE');
      expect(error.status).toBe(429);
      expect(error.message).toContain('limite le débit');
      expect(server.requests).toHaveLength(1);
    });

    it('should not retry a 401 and name the key to check, without the prompt nor the key', async () => {
      server.respondWith({ kind: 'error', status: 401 });

      const error = await failure(provider().complete(REQUEST));

      expect(error.code).toBe('PROVIDER_REJECTED');
      expect(error.status).toBe(401);
      expect(error.message).toContain('refuse la clé d’API');
      expect(error.message).toContain('MILEVA_LLM_API_KEY');
      expect(error.message).toContain(server.baseUrl);
      expect(error.message).not.toContain('test-key');
      expect(error.message).not.toContain('CLM');
      expect(error.message).not.toContain('passages fournis');
      expect(server.requests).toHaveLength(1);
    });

    it('should not retry a 404 and name the URL and the model to check', async () => {
      server.respondWith({ kind: 'error', status: 404 });

      const error = await failure(provider().complete(REQUEST));

      expect(error.code).toBe('PROVIDER_REJECTED');
      expect(error.message).toContain('MILEVA_LLM_URL');
      expect(error.message).toContain('« fake-model »');
      expect(server.requests).toHaveLength(1);
    });

    it('should not retry a 400', async () => {
      server.respondWith({ kind: 'error', status: 400 });

      const error = await failure(provider().complete(REQUEST));

      expect(error.code).toBe('PROVIDER_REJECTED');
      expect(error.message).toContain('MILEVA_LLM_MAX_TOKENS');
      expect(server.requests).toHaveLength(1);
    });

    it('should report PROVIDER_UNAVAILABLE when nothing listens at the URL', async () => {
      const port = await findClosedPort();
      const baseUrl =
        kind === 'openai'
          ? `http://127.0.0.1:${port}/v1`
          : `http://127.0.0.1:${port}`;

      const error = await failure(
        provider({ baseUrl, maxRetries: 1 }).complete(REQUEST),
      );

      expect(error.code).toBe('PROVIDER_UNAVAILABLE');
      expect(error.attempts).toBe(2);
      expect(error.message).toContain('injoignable');
      expect(error.message).toContain(`127.0.0.1:${port}`);
    });

    it('should report PROVIDER_TIMEOUT within the timeout when the server never answers', async () => {
      server.respondWith({ kind: 'hang' });
      const startedAt = Date.now();

      const error = await failure(
        provider({ timeoutMs: 400 }).complete(REQUEST),
      );

      expect(error.code).toBe('PROVIDER_TIMEOUT');
      expect(error.message).toContain('MILEVA_LLM_TIMEOUT_MS');
      expect(Date.now() - startedAt).toBeLessThan(400 + 1_000);
    });

    it('should report PROVIDER_TIMEOUT, without retrying, when the stream stalls after a token', async () => {
      server.respondWith({
        kind: 'stream',
        tokens: ['Début', ' de', ' réponse'],
        pauseAfter: 1,
      });
      const seen: string[] = [];
      const startedAt = Date.now();

      const error = await failure(
        provider({ timeoutMs: 400 }).complete(REQUEST, (text) =>
          seen.push(text),
        ),
      );

      expect(error.code).toBe('PROVIDER_TIMEOUT');
      expect(error.partial).toBe(true);
      expect(seen).toEqual(['Début']);
      expect(server.requests).toHaveLength(1);
      expect(Date.now() - startedAt).toBeLessThan(400 + 1_000);
    });

    it('should fail without retrying when the stream is cut after tokens', async () => {
      server.respondWith({
        kind: 'stream',
        tokens: ['Le', ' stage', ' est', ' prolongé'],
        cutAfter: 2,
      });
      const seen: string[] = [];

      const error = await failure(
        provider({ maxRetries: 3 }).complete(REQUEST, (text) =>
          seen.push(text),
        ),
      );

      expect(error.code).toBe('PROVIDER_UNAVAILABLE');
      expect(error.partial).toBe(true);
      expect(error.message).toContain('coupée pendant la réponse');
      expect(error.message).toContain('pas relancée');
      expect(seen).toEqual(['Le', ' stage']);
      expect(server.requests).toHaveLength(1);
    });

    it('should retry a stream cut before its first token', async () => {
      server.enqueue(
        { kind: 'stream', tokens: ['Perdu'], cutAfter: 0 },
        { kind: 'stream', tokens: ['Reçu'] },
      );
      const seen: string[] = [];

      const result = await provider().complete(REQUEST, (text) =>
        seen.push(text),
      );

      expect(seen).toEqual(['Reçu']);
      expect(result.attempts).toBe(2);
    });

    it('should retry an error event sent before the first token, not one sent after', async () => {
      server.enqueue(
        { kind: 'stream', tokens: ['Perdu'], errorAfter: 0 },
        { kind: 'stream', tokens: ['Un', ' début'], errorAfter: 1 },
      );
      const seen: string[] = [];

      const error = await failure(
        provider().complete(REQUEST, (text) => seen.push(text)),
      );

      expect(error.code).toBe('PROVIDER_UNAVAILABLE');
      expect(error.partial).toBe(true);
      expect(error.attempts).toBe(2);
      expect(seen).toEqual(['Un']);
      expect(server.requests).toHaveLength(2);
    });

    it('should reject with the reason of the caller’s signal, without retrying', async () => {
      server.respondWith({ kind: 'hang' });
      const controller = new AbortController();
      const reason = new Error('question abandonnée');
      setTimeout(() => controller.abort(reason), 50);

      await expect(
        provider().complete({ ...REQUEST, signal: controller.signal }),
      ).rejects.toBe(reason);
      expect(server.requests).toHaveLength(1);
    });
  });
});
