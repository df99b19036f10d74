// Test double of `fetch` for the draft stream: each call waits until the test answers it with a JSON body, a
// network failure, or an event stream it feeds chunk by chunk. Used by specs only (excluded from the app build).
import type { FetchFn } from '../features/ask/ask-api';

export interface FetchCall {
  readonly url: string;
  readonly init: RequestInit;
  /** The JSON body sent. */
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

interface Waiting {
  readonly init: RequestInit;
  readonly resolve: (response: Response) => void;
  readonly reject: (error: unknown) => void;
}

/** A `text/event-stream` body fed by the test. */
export class FakeEventStream {
  private readonly chunks: Uint8Array[] = [];
  private readonly readers: ((result: ReadableStreamReadResult<Uint8Array>) => void)[] = [];
  private readonly failures: ((error: unknown) => void)[] = [];
  private ended = false;
  cancelled = false;

  constructor(signal: AbortSignal | null | undefined) {
    signal?.addEventListener('abort', () => {
      this.cancelled = true;
      const error = new DOMException('The operation was aborted.', 'AbortError');
      this.failures.splice(0).forEach((fail) => fail(error));
      this.readers.splice(0);
    });
  }

  /** One event, its data serialized as JSON. */
  send(event: string, data: unknown): this {
    return this.raw(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Raw text, cut wherever the test likes. */
  raw(text: string): this {
    const bytes = new TextEncoder().encode(text);
    const next = this.readers.shift();
    this.failures.shift();
    if (next) next({ done: false, value: bytes });
    else this.chunks.push(bytes);
    return this;
  }

  end(): void {
    this.ended = true;
    const next = this.readers.shift();
    this.failures.shift();
    next?.({ done: true, value: undefined });
  }

  readonly body = {
    getReader: () => ({
      read: (): Promise<ReadableStreamReadResult<Uint8Array>> => {
        const chunk = this.chunks.shift();
        if (chunk) return Promise.resolve({ done: false, value: chunk });
        if (this.ended) return Promise.resolve({ done: true, value: undefined });
        return new Promise((resolve, reject) => {
          this.readers.push(resolve);
          this.failures.push(reject);
        });
      },
      cancel: async () => {
        this.cancelled = true;
      },
      releaseLock: () => undefined,
    }),
  };
}

export class FakeFetch {
  readonly calls: FetchCall[] = [];
  private readonly waiting: Waiting[] = [];

  readonly fn: FetchFn = (url, init) => {
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>));
    this.calls.push({ url, init, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined, headers });
    return new Promise<Response>((resolve, reject) => this.waiting.push({ init, resolve, reject }));
  };

  /** Answers the oldest call with `200 text/event-stream`; the test then feeds the stream. */
  stream(): FakeEventStream {
    const call = this.next();
    const stream = new FakeEventStream(call.init.signal);
    call.resolve(response(200, 'text/event-stream', { body: stream.body }));
    return stream;
  }

  /** Answers the oldest call with a JSON body. */
  json(status: number, body: unknown): void {
    const text = JSON.stringify(body);
    this.next().resolve(response(status, 'application/json', { json: async () => JSON.parse(text) }));
  }

  /** The oldest call fails as `fetch` does when the network is down. */
  fail(): void {
    this.next().reject(new TypeError('Failed to fetch'));
  }

  private next(): Waiting {
    const call = this.waiting.shift();
    if (!call) throw new Error('No fetch call is waiting for an answer');
    return call;
  }
}

function response(status: number, contentType: string, extra: Record<string, unknown>): Response {
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? contentType : null) },
    json: async () => {
      throw new SyntaxError('No JSON body');
    },
    body: null,
    ...extra,
  } as unknown as Response;
}

/** Lets pending promises, stream reads and signal effects run. */
export async function settle(turns = 5): Promise<void> {
  for (let turn = 0; turn < turns; turn++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
