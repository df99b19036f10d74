import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { FNV_OFFSET_BASIS, fmix32, fnvFeed } from '../hashed-ngram/hash';

/** A `/v1/embeddings` request as the fake server received it. */
export interface FakeEmbeddingsRequest {
  readonly model: string;
  /** Inputs, always as an array (a single string input is wrapped). */
  readonly input: readonly string[];
  readonly encodingFormat: string | undefined;
  readonly dimensions: number | undefined;
  /** Value of the Authorization header, if any. */
  readonly authorization: string | undefined;
}

/** How the fake server answers one request. */
export type FakeEmbeddingsReply =
  /** Embeddings of the inputs (see `fakeEmbedding`), optionally in reverse order or another size. */
  | {
      readonly kind: 'embeddings';
      readonly reverseOrder?: boolean;
      readonly dimension?: number;
    }
  /** An OpenAI-style error body with this status; `retryAfterMs` sets `retry-after-ms`. */
  | {
      readonly kind: 'error';
      readonly status: number;
      readonly retryAfterMs?: number;
    }
  /** A 200 with an arbitrary JSON body. */
  | { readonly kind: 'raw'; readonly body: unknown }
  /** Never answers (to trigger client timeouts). */
  | { readonly kind: 'hang' };

export interface FakeEmbeddingsServer {
  /** Base URL to configure, ending in `/v1`. */
  readonly baseUrl: string;
  /** Requests received on `/v1/embeddings`, in arrival order. */
  readonly requests: readonly FakeEmbeddingsRequest[];
  /** Queues replies for the next requests; once the queue is empty, requests get embeddings. */
  enqueue(...replies: FakeEmbeddingsReply[]): void;
  close(): Promise<void>;
}

/**
 * Deterministic, deliberately non-normalized vector of a text, as served by the fake server: a test
 * can predict the embedding of any input (after normalization) without a model.
 */
export function fakeEmbedding(text: string, dimension: number): number[] {
  const seed = fnvFeed(FNV_OFFSET_BASIS, text);
  return Array.from({ length: dimension }, (_, i) => {
    const mixed = fmix32(seed + Math.imul(i + 1, 0x9e3779b1));
    // Components in (-4, 4): the norm is far from 1, so clients must normalize.
    return (mixed % 1000) / 250;
  });
}

/**
 * Local server speaking the OpenAI `/v1/embeddings` wire format, on 127.0.0.1 and a free port, for
 * tests of embedding clients without any model nor network access.
 */
export async function startFakeEmbeddingsServer(
  options: { readonly dimension?: number } = {},
): Promise<FakeEmbeddingsServer> {
  const defaultDimension = options.dimension ?? 8;
  const requests: FakeEmbeddingsRequest[] = [];
  const replies: FakeEmbeddingsReply[] = [];

  const server = createServer((request, response) => {
    void readJson(request).then((body) => {
      if (
        request.method !== 'POST' ||
        request.url !== '/v1/embeddings' ||
        !isRecord(body)
      ) {
        sendJson(response, 404, errorBody('Not found', 'not_found'));
        return;
      }
      const rawInput = body['input'];
      const input = (Array.isArray(rawInput) ? rawInput : [rawInput]).map(
        String,
      );
      requests.push({
        model: String(body['model']),
        input,
        encodingFormat:
          typeof body['encoding_format'] === 'string'
            ? body['encoding_format']
            : undefined,
        dimensions:
          typeof body['dimensions'] === 'number'
            ? body['dimensions']
            : undefined,
        authorization: request.headers.authorization,
      });
      const reply = replies.shift() ?? { kind: 'embeddings' };
      respond(response, reply, input, String(body['model']), defaultDimension);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...next) => {
      replies.push(...next);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A port on 127.0.0.1 where nothing listens (connection refused). */
export async function findClosedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function respond(
  response: ServerResponse,
  reply: FakeEmbeddingsReply,
  input: readonly string[],
  model: string,
  defaultDimension: number,
): void {
  switch (reply.kind) {
    case 'hang':
      return;
    case 'raw':
      sendJson(response, 200, reply.body);
      return;
    case 'error': {
      const headers: Record<string, string> =
        reply.retryAfterMs === undefined
          ? {}
          : { 'retry-after-ms': String(reply.retryAfterMs) };
      sendJson(
        response,
        reply.status,
        errorBody(`Erreur simulée ${reply.status}`, 'simulated'),
        headers,
      );
      return;
    }
    case 'embeddings': {
      const dimension = reply.dimension ?? defaultDimension;
      const data = input.map((text, index) => ({
        object: 'embedding',
        index,
        embedding: fakeEmbedding(text, dimension),
      }));
      if (reply.reverseOrder) {
        data.reverse();
      }
      const tokens = input.reduce((sum, text) => sum + text.length, 0);
      sendJson(response, 200, {
        object: 'list',
        data,
        model,
        usage: { prompt_tokens: tokens, total_tokens: tokens },
      });
      return;
    }
  }
}

function errorBody(message: string, code: string): unknown {
  return {
    error: { message, type: 'invalid_request_error', param: null, code },
  };
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'content-type': 'application/json',
    ...headers,
  });
  response.end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
