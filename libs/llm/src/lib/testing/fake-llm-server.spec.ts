import { startFakeAnthropicServer, startFakeOpenAiServer, type FakeLlmServer } from './fake-llm-server';

const PATHS = { openai: '/chat/completions', anthropic: '/v1/messages' } as const;

function post(server: FakeLlmServer): Promise<Response> {
  return fetch(`${server.baseUrl}${PATHS[server.kind]}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'Question' }] }),
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe.each([
  ['openai', startFakeOpenAiServer],
  ['anthropic', startFakeAnthropicServer],
] as const)('fake %s server timings', (_kind, start) => {
  let server: FakeLlmServer;

  beforeEach(async () => {
    server = await start();
  });

  afterEach(async () => {
    await server.close();
  });

  it('should record when the first delta was written, after the request arrived and after the wait before it', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    server.enqueue({ kind: 'stream', tokens: ['Bonjour', ' Madame.'], pauseAfter: 0, resume: held });

    const response = await post(server);
    if (!response.body) throw new Error('no body');
    const reader = response.body.getReader();
    await reader.read();
    // The opening events are out, the first delta is held back: no first token yet.
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].firstTokenAt).toBeUndefined();

    await sleep(40);
    release();
    const text = await readAll(reader);

    expect(text).toContain('Bonjour');
    const [request] = server.requests;
    expect(request.firstTokenAt).toBeGreaterThanOrEqual(request.receivedAt + 30);
  });

  it('should leave the first-token time unset when the reply sends no delta', async () => {
    server.enqueue({ kind: 'error', status: 500 }, { kind: 'stream', tokens: [] });

    expect((await post(server)).status).toBe(500);
    await (await post(server)).text();

    expect(server.requests).toHaveLength(2);
    expect(server.requests.map((request) => request.firstTokenAt)).toEqual([undefined, undefined]);
  });
});

async function readAll(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text;
    text += decoder.decode(value, { stream: true });
  }
}
