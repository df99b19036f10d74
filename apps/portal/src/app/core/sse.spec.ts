import { readSse, SseMessage, SseParser } from './sse';

/** Feeds `chunks` one after the other, then ends the stream. */
function parse(chunks: readonly string[]): SseMessage[] {
  const parser = new SseParser();
  return [...chunks.flatMap((chunk) => parser.push(chunk)), ...parser.finish()];
}

/** A body stream over byte chunks, as `fetch` gives it. */
function byteStream(chunks: readonly Uint8Array[]): { body: ReadableStream<Uint8Array>; cancelled: () => boolean } {
  let index = 0;
  let cancelled = false;
  const reader = {
    read: async () => (index < chunks.length ? { done: false as const, value: chunks[index++] } : { done: true as const, value: undefined }),
    cancel: async () => {
      cancelled = true;
    },
    releaseLock: () => undefined,
  };
  return { body: { getReader: () => reader } as unknown as ReadableStream<Uint8Array>, cancelled: () => cancelled };
}

async function collect(messages: AsyncIterable<SseMessage>): Promise<SseMessage[]> {
  const all: SseMessage[] = [];
  for await (const message of messages) all.push(message);
  return all;
}

const STREAM =
  'event: token\ndata: {"text":"Bonjour"}\n\n' +
  'event: token\ndata: {"text":", le CLM"}\n\n' +
  'event: draft\ndata: {"answer":"Bonjour [1]","citations":[]}\n\n';

const EXPECTED: SseMessage[] = [
  { event: 'token', data: '{"text":"Bonjour"}' },
  { event: 'token', data: '{"text":", le CLM"}' },
  { event: 'draft', data: '{"answer":"Bonjour [1]","citations":[]}' },
];

describe(SseParser.name, () => {
  it('should deliver several events given in one chunk, in order', () => {
    expect(parse([STREAM])).toEqual(EXPECTED);
  });

  it('should give the same events whichever two places the stream is cut at', () => {
    for (let first = 0; first <= STREAM.length; first++) {
      for (let second = first; second <= STREAM.length; second += 7) {
        const chunks = [STREAM.slice(0, first), STREAM.slice(first, second), STREAM.slice(second)];
        expect({ cut: [first, second], events: parse(chunks) }).toEqual({ cut: [first, second], events: EXPECTED });
      }
    }
  });

  it('should give the same events when every character comes alone', () => {
    expect(parse([...STREAM])).toEqual(EXPECTED);
  });

  it('should read CRLF and CR line endings, even with a CRLF split between two chunks', () => {
    const crlf = STREAM.replace(/\n/g, '\r\n');
    for (let cut = 0; cut <= crlf.length; cut++) {
      expect(parse([crlf.slice(0, cut), crlf.slice(cut)])).toEqual(EXPECTED);
    }
    expect(parse([STREAM.replace(/\n/g, '\r')])).toEqual(EXPECTED);
  });

  it('should not deliver an event before its closing blank line has arrived', () => {
    const parser = new SseParser();

    expect(parser.push('event: token\ndata: {"text":"a"}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'token', data: '{"text":"a"}' }]);
  });

  it('should deliver the error event with its code and message', () => {
    const events = parse([
      'event: token\ndata: {"text":"Bon"}\n\nevent: error\ndata: {"code":"TIMEOUT","message":"Le service de rédaction n’a pas répondu à temps."}\n\n',
    ]);

    expect(events).toEqual([
      { event: 'token', data: '{"text":"Bon"}' },
      { event: 'error', data: '{"code":"TIMEOUT","message":"Le service de rédaction n’a pas répondu à temps."}' },
    ]);
  });

  it('should join data lines with line breaks, skip comments and name unnamed events "message"', () => {
    expect(parse([': keep-alive\n\ndata: première\ndata: seconde\nid: 7\nretry: 1000\n\n'])).toEqual([
      { event: 'message', data: 'première\nseconde', id: '7' },
    ]);
  });

  it('should keep a value without the single space after the colon, and accept a field without colon', () => {
    expect(parse(['event:token\ndata:  deux espaces\n\ndata\n\n'])).toEqual([
      { event: 'token', data: ' deux espaces' },
      { event: 'message', data: '' },
    ]);
  });

  it('should skip a leading byte-order mark and events without data', () => {
    expect(parse(['\uFEFFevent: ping\n\n', 'event: token\ndata: x\n\n'])).toEqual([{ event: 'token', data: 'x' }]);
  });

  it('should deliver a last event whose closing blank line never came', () => {
    expect(parse(['event: draft\ndata: {"answer":"fin"}'])).toEqual([{ event: 'draft', data: '{"answer":"fin"}' }]);
  });
});

describe(readSse.name, () => {
  it('should decode a character whose bytes are split between two chunks', async () => {
    const bytes = new TextEncoder().encode('event: token\ndata: {"text":"congé"}\n\n');
    const cut = bytes.indexOf(0xa9); // second byte of « é »
    const { body } = byteStream([bytes.slice(0, cut), bytes.slice(cut)]);

    await expect(collect(readSse(body))).resolves.toEqual([{ event: 'token', data: '{"text":"congé"}' }]);
  });

  it('should cancel the stream when the reader stops early', async () => {
    const encoder = new TextEncoder();
    const stream = byteStream([encoder.encode('data: 1\n\n'), encoder.encode('data: 2\n\n')]);

    for await (const message of readSse(stream.body)) {
      expect(message.data).toBe('1');
      break;
    }

    expect(stream.cancelled()).toBe(true);
  });
});
