import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LlmProviderKind, ModelGenerationSettings } from '../llm-provider';

/** A completion request as the fake server received it. */
export interface FakeLlmRequest {
  /** Request path (`/v1/chat/completions`, `/v1/messages`). */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The JSON body (model, messages, system, max_tokens, stream…). */
  readonly body: Readonly<Record<string, unknown>>;
  /** `Date.now()` when the request arrived. */
  readonly receivedAt: number;
  /**
   * `Date.now()` once the first text delta of a streamed reply was handed to the socket; unset
   * until then, and for replies that send no delta (errors, hangs, empty texts, cuts before the
   * first delta). `firstTokenAt - receivedAt` is the provider's own time to first token, which
   * benchmarks subtract from what a caller waited.
   */
  readonly firstTokenAt?: number;
}

/** How the fake server answers one request. */
export type FakeLlmReply =
  /**
   * A 200 streaming the text as server-sent events in the provider's wire format: `tokens` one per
   * delta, or `text` cut into words. The other fields shape the stream.
   */
  | {
      readonly kind: 'stream';
      readonly tokens?: readonly string[];
      readonly text?: string;
      /** Token counts reported in the stream; `null` reports none. Default: 100 in, one per delta out. */
      readonly usage?: {
        readonly inputTokens: number;
        readonly outputTokens: number;
      } | null;
      /** Model named in the events. Default: the model of the request. */
      readonly model?: string;
      /** Default: `stop` (OpenAI) or `end_turn` (Anthropic). */
      readonly finishReason?: string;
      /** Wait between two events, in milliseconds. */
      readonly delayMs?: number;
      /**
       * After this many deltas, wait for `resume` before going on; without `resume`, never go on
       * (a server that stalls in the middle of its answer).
       */
      readonly pauseAfter?: number;
      readonly resume?: Promise<void>;
      /** After this many deltas, destroy the connection (a stream cut in the middle). */
      readonly cutAfter?: number;
      /** After this many deltas, send the provider's in-stream error event (overloaded) and end. */
      readonly errorAfter?: number;
    }
  /** An error status with the provider's error body; `headers` may carry `retry-after`. */
  | {
      readonly kind: 'error';
      readonly status: number;
      readonly headers?: Readonly<Record<string, string>>;
      /** Provider's error type; default from the status (`authentication_error`…). */
      readonly errorType?: string;
    }
  /** Accepts the request and never answers (no status, no header). */
  | { readonly kind: 'hang' };

/** A reply for every request, or one computed from the request (to fake a model in service tests). */
export type FakeLlmResponder =
  | FakeLlmReply
  | ((request: FakeLlmRequest) => FakeLlmReply);

export interface FakeLlmServer {
  readonly kind: LlmProviderKind;
  /** Base URL to configure: with `/v1` for OpenAI-compatible, without for Anthropic. */
  readonly baseUrl: string;
  /** Completion requests received, in arrival order (other paths get a 404 and are not listed). */
  readonly requests: readonly FakeLlmRequest[];
  /** Queues replies for the next requests; once the queue is empty, `respondWith`'s reply is used. */
  enqueue(...replies: FakeLlmReply[]): void;
  /** Sets the reply used when the queue is empty (default: a short French text). */
  respondWith(responder: FakeLlmResponder): void;
  /** Generation settings pointing at this server (model `fake-model`, key `test-key`, 5 s, 2 retries). */
  settings(
    overrides?: Partial<ModelGenerationSettings>,
  ): ModelGenerationSettings;
  close(): Promise<void>;
}

export interface FakeLlmServerOptions {
  readonly respond?: FakeLlmResponder;
}

const DEFAULT_REPLY: FakeLlmReply = {
  kind: 'stream',
  text: 'Réponse de démonstration fondée sur les passages [1].',
};

/** Input tokens reported when the reply does not set any. */
const DEFAULT_INPUT_TOKENS = 100;

/**
 * Local server speaking OpenAI's chat completions streaming wire format (`POST
 * /v1/chat/completions`, `chat.completion.chunk` server-sent events, final usage chunk with
 * `stream_options.include_usage`, `data: [DONE]`), on 127.0.0.1 and a free port.
 */
export function startFakeOpenAiServer(
  options: FakeLlmServerOptions = {},
): Promise<FakeLlmServer> {
  return startFakeLlmServer('openai', options);
}

/**
 * Local server speaking Anthropic's Messages streaming wire format (`POST /v1/messages`,
 * `message_start`, `content_block_start`, `ping`, `content_block_delta`, `content_block_stop`,
 * `message_delta`, `message_stop` events), on 127.0.0.1 and a free port.
 */
export function startFakeAnthropicServer(
  options: FakeLlmServerOptions = {},
): Promise<FakeLlmServer> {
  return startFakeLlmServer('anthropic', options);
}

async function startFakeLlmServer(
  kind: LlmProviderKind,
  options: FakeLlmServerOptions,
): Promise<FakeLlmServer> {
  const wire = kind === 'openai' ? OPENAI_WIRE : ANTHROPIC_WIRE;
  const requests: FakeLlmRequest[] = [];
  const queue: FakeLlmReply[] = [];
  let responder: FakeLlmResponder = options.respond ?? DEFAULT_REPLY;

  const server = createServer((incoming, response) => {
    void readJson(incoming).then((body) => {
      if (
        incoming.method !== 'POST' ||
        incoming.url !== wire.path ||
        !isRecord(body)
      ) {
        sendError(response, wire, 404, 'not_found_error');
        return;
      }
      const request: FakeLlmRequest = {
        path: incoming.url,
        headers: incoming.headers,
        body,
        receivedAt: Date.now(),
      };
      requests.push(request);
      const reply =
        queue.shift() ??
        (typeof responder === 'function' ? responder(request) : responder);
      void respond(response, wire, reply, request);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const baseUrl = kind === 'openai' ? `${origin}/v1` : origin;

  return {
    kind,
    baseUrl,
    requests,
    enqueue: (...replies) => {
      queue.push(...replies);
    },
    respondWith: (next) => {
      responder = next;
    },
    settings: (overrides = {}) => ({
      provider: kind,
      baseUrl,
      apiKey: 'test-key',
      model: 'fake-model',
      timeoutMs: 5_000,
      maxRetries: 2,
      maxTokens: 256,
      ...overrides,
    }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** What differs between the two wire formats. */
interface Wire {
  readonly path: string;
  /** Server-sent events of a stream, as `[event name or undefined, data]` pairs. */
  opening(model: string): readonly SseEvent[];
  delta(model: string, text: string): SseEvent;
  closing(
    model: string,
    finishReason: string | undefined,
    usage: {
      readonly inputTokens: number;
      readonly outputTokens: number;
    } | null,
    request: FakeLlmRequest,
  ): readonly SseEvent[];
  streamError(): SseEvent;
  errorBody(status: number, errorType: string | undefined): unknown;
}

type SseEvent = readonly [event: string | undefined, data: unknown];

/** Shapes recorded from OpenAI's API (`chat.completion.chunk`). */
const OPENAI_WIRE: Wire = (() => {
  const id = 'chatcmpl-BfakeR3c0rd3dSh4p3';
  const created = 1_741_569_952;
  const chunk = (
    model: string,
    choices: readonly unknown[],
    usage: unknown = null,
  ): SseEvent => [
    undefined,
    {
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      service_tier: 'default',
      system_fingerprint: 'fp_f9f4fb6dbf',
      choices,
      usage,
    },
  ];
  const choice = (delta: unknown, finishReason: string | null) => ({
    index: 0,
    delta,
    logprobs: null,
    finish_reason: finishReason,
  });
  return {
    path: '/v1/chat/completions',
    opening: (model) => [
      chunk(model, [
        choice({ role: 'assistant', content: '', refusal: null }, null),
      ]),
    ],
    delta: (model, text) => chunk(model, [choice({ content: text }, null)]),
    closing: (model, finishReason, usage, request) => {
      const events: SseEvent[] = [
        chunk(model, [choice({}, finishReason ?? 'stop')]),
      ];
      const options = request.body['stream_options'];
      if (usage && isRecord(options) && options['include_usage'] === true) {
        events.push(
          chunk(model, [], {
            prompt_tokens: usage.inputTokens,
            completion_tokens: usage.outputTokens,
            total_tokens: usage.inputTokens + usage.outputTokens,
            prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
            completion_tokens_details: {
              reasoning_tokens: 0,
              audio_tokens: 0,
              accepted_prediction_tokens: 0,
              rejected_prediction_tokens: 0,
            },
          }),
        );
      }
      events.push([undefined, '[DONE]']);
      return events;
    },
    streamError: () => [
      undefined,
      {
        error: {
          message: 'The server had an error while processing your request.',
          type: 'server_error',
          param: null,
          code: null,
        },
      },
    ],
    errorBody: (status, errorType) => ({
      error: {
        message: `Fake error ${status}`,
        type: errorType ?? OPENAI_ERROR_TYPES[status] ?? 'server_error',
        param: null,
        code: status === 401 ? 'invalid_api_key' : null,
      },
    }),
  };
})();

const OPENAI_ERROR_TYPES: Readonly<Record<number, string>> = {
  400: 'invalid_request_error',
  401: 'invalid_request_error',
  403: 'invalid_request_error',
  404: 'invalid_request_error',
  429: 'requests',
};

/** Shapes recorded from Anthropic's Messages API. */
const ANTHROPIC_WIRE: Wire = {
  path: '/v1/messages',
  opening: (model) => [
    [
      'message_start',
      {
        type: 'message_start',
        message: {
          id: 'msg_01FakeR3c0rd3dSh4p3',
          type: 'message',
          role: 'assistant',
          model,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: {
            input_tokens: 0,
            cache_creation_input_tokens: 0,
            cache_read_input_tokens: 0,
            output_tokens: 1,
          },
        },
      },
    ],
    [
      'content_block_start',
      {
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'text', text: '' },
      },
    ],
    ['ping', { type: 'ping' }],
  ],
  delta: (_model, text) => [
    'content_block_delta',
    {
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'text_delta', text },
    },
  ],
  closing: (_model, finishReason, usage) => [
    ['content_block_stop', { type: 'content_block_stop', index: 0 }],
    [
      'message_delta',
      {
        type: 'message_delta',
        delta: { stop_reason: finishReason ?? 'end_turn', stop_sequence: null },
        usage: usage
          ? {
              input_tokens: usage.inputTokens,
              cache_creation_input_tokens: 0,
              cache_read_input_tokens: 0,
              output_tokens: usage.outputTokens,
            }
          : { output_tokens: 1 },
      },
    ],
    ['message_stop', { type: 'message_stop' }],
  ],
  streamError: () => [
    'error',
    {
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
    },
  ],
  errorBody: (status, errorType) => ({
    type: 'error',
    error: {
      type: errorType ?? ANTHROPIC_ERROR_TYPES[status] ?? 'api_error',
      message: `Fake error ${status}`,
    },
    request_id: 'req_011FakeR3c0rd3d',
  }),
};

const ANTHROPIC_ERROR_TYPES: Readonly<Record<number, string>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  529: 'overloaded_error',
};

async function respond(
  response: ServerResponse,
  wire: Wire,
  reply: FakeLlmReply,
  request: FakeLlmRequest,
): Promise<void> {
  if (reply.kind === 'hang') {
    return;
  }
  if (reply.kind === 'error') {
    sendError(response, wire, reply.status, reply.errorType, reply.headers);
    return;
  }
  const model =
    reply.model ??
    (typeof request.body['model'] === 'string'
      ? request.body['model']
      : 'fake-model');
  const tokens = reply.tokens ?? splitWords(reply.text ?? '');
  const usage =
    reply.usage === undefined
      ? { inputTokens: DEFAULT_INPUT_TOKENS, outputTokens: tokens.length }
      : reply.usage;
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  const send = async (event: SseEvent) => {
    if (reply.delayMs) {
      await sleep(reply.delayMs);
    }
    if (!response.destroyed) {
      // Wait until the event is handed to the socket, so that a cut that follows does not lose it.
      await new Promise<void>((resolve) =>
        response.write(formatEvent(event), () => resolve()),
      );
    }
  };

  // Anthropic reports input tokens in message_start: patch the recorded shape with them.
  for (const event of wire.opening(model)) {
    await send(withInputTokens(event, usage?.inputTokens));
  }
  for (let i = 0; i < tokens.length; i++) {
    if (i === reply.cutAfter) {
      response.destroy();
      return;
    }
    if (i === reply.errorAfter) {
      await send(wire.streamError());
      response.end();
      return;
    }
    if (i === reply.pauseAfter) {
      if (!reply.resume) return;
      await reply.resume;
    }
    await send(wire.delta(model, tokens[i]));
    if (i === 0 && !response.destroyed) {
      (request as { firstTokenAt?: number }).firstTokenAt = Date.now();
    }
  }
  for (const event of wire.closing(model, reply.finishReason, usage, request)) {
    await send(event);
  }
  response.end();
}

function withInputTokens(
  event: SseEvent,
  inputTokens: number | undefined,
): SseEvent {
  const [name, data] = event;
  if (
    name !== 'message_start' ||
    inputTokens === undefined ||
    !isRecord(data)
  ) {
    return event;
  }
  const message = data['message'] as Record<string, unknown>;
  const usage = message['usage'] as Record<string, unknown>;
  return [
    name,
    {
      ...data,
      message: { ...message, usage: { ...usage, input_tokens: inputTokens } },
    },
  ];
}

function formatEvent([event, data]: SseEvent): string {
  const payload = typeof data === 'string' ? data : JSON.stringify(data);
  return `${event === undefined ? '' : `event: ${event}\n`}data: ${payload}\n\n`;
}

function sendError(
  response: ServerResponse,
  wire: Wire,
  status: number,
  errorType: string | undefined,
  headers: Readonly<Record<string, string>> = {},
): void {
  const body = JSON.stringify(wire.errorBody(status, errorType));
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  response.end(body);
}

/** Words with their following spaces, so that joining the deltas gives the text back. */
export function splitWords(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? (text === '' ? [] : [text]);
}

function readJson(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        resolve(undefined);
      }
    });
    request.on('error', () => resolve(undefined));
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
