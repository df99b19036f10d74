/** One server-sent event: its name (`message` when the server gave none) and its data lines joined by `\n`. */
export interface SseMessage {
  readonly event: string;
  readonly data: string;
  readonly id?: string;
}

/**
 * Incremental parser of a `text/event-stream` body (WHATWG HTML, "Server-sent events"): chunks may split a line,
 * a field or a line ending anywhere, and one chunk may hold several events. `EventSource` cannot send a POST
 * body, so the portal reads the stream of `fetch` through this parser.
 */
export class SseParser {
  private buffer = '';
  private started = false;
  private event = '';
  private data: string[] = [];
  private id: string | undefined;

  /** Feeds decoded text; returns the events it completed. */
  push(chunk: string): SseMessage[] {
    if (!this.started && chunk !== '') {
      this.started = true;
      // A byte-order mark may open the stream.
      chunk = chunk.startsWith('\uFEFF') ? chunk.slice(1) : chunk;
    }
    this.buffer += chunk;
    return this.drain(false);
  }

  /**
   * The stream ended: completes the last line. An event the server did not close with a blank line is still
   * delivered (lenient on purpose: a proxy may drop the final line break, and a draft must not be lost).
   */
  finish(): SseMessage[] {
    const messages = this.drain(true);
    if (this.buffer !== '') {
      this.processLine(this.buffer, messages);
      this.buffer = '';
    }
    this.dispatch(messages);
    return messages;
  }

  private drain(ending: boolean): SseMessage[] {
    const messages: SseMessage[] = [];
    let start = 0;
    for (let index = 0; index < this.buffer.length; index++) {
      const char = this.buffer[index];
      if (char !== '\n' && char !== '\r') continue;
      if (char === '\r' && index === this.buffer.length - 1 && !ending) {
        // A CR at the end of a chunk may be the first half of a CRLF: wait for the next chunk.
        break;
      }
      this.processLine(this.buffer.slice(start, index), messages);
      if (char === '\r' && this.buffer[index + 1] === '\n') index++;
      start = index + 1;
    }
    this.buffer = this.buffer.slice(start);
    return messages;
  }

  private processLine(line: string, messages: SseMessage[]): void {
    if (line === '') {
      this.dispatch(messages);
      return;
    }
    if (line.startsWith(':')) return; // comment (keep-alive)
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.event = value;
        break;
      case 'data':
        this.data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.id = value;
        break;
      default:
        // `retry` and unknown fields: nothing the portal uses.
        break;
    }
  }

  private dispatch(messages: SseMessage[]): void {
    if (this.data.length > 0) {
      messages.push({ event: this.event || 'message', data: this.data.join('\n'), ...(this.id === undefined ? {} : { id: this.id }) });
    }
    this.event = '';
    this.data = [];
  }
}

/** Reads a `text/event-stream` body to its end, event by event. Stopping early cancels the stream. */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseMessage> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  let done = false;
  try {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      // `stream: true` keeps a multi-byte character split between two chunks for the next one.
      yield* parser.push(decoder.decode(chunk.value, { stream: true }));
    }
    done = true;
    yield* parser.push(decoder.decode());
    yield* parser.finish();
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
