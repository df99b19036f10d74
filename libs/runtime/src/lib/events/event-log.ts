/** An event as an event log carries it: any JSON object with the id its publisher chose. */
export interface LoggedEvent {
  readonly eventId: string;
}

/**
 * Handles one delivered event. Resolving acknowledges it; throwing has it delivered again later.
 * Delivery is at least once: a handler must be idempotent (the analytics service inserts facts with
 * `ON CONFLICT (event_id) DO NOTHING`), which makes the whole chain count each event once.
 */
export type EventHandler = (event: unknown, subject: string) => Promise<void>;

export interface EventConsumerOptions {
  /** Name of the durable consumer: what it has acknowledged survives restarts. */
  readonly durable: string;
  /** Subjects it takes, NATS wildcards allowed (`mileva.events.>`). */
  readonly filter: string;
  readonly handler: EventHandler;
}

/** A running consumer. */
export interface EventConsumer {
  /** Stops taking events; an event being handled is finished first, unacknowledged ones are delivered again later. */
  stop(): Promise<void>;
}

/**
 * Durable, at-least-once events between services: NATS JetStream in distributed mode, a table of
 * the shared database (`event_outbox`) in standalone mode, where the in-process bus keeps nothing.
 */
export interface EventLog {
  readonly kind: 'jetstream' | 'outbox' | 'none';
  /** Stores the event for its consumers; resolves once it is stored. */
  append(subject: string, event: LoggedEvent): Promise<void>;
  /** Starts delivering the stored events matching `filter` that the durable consumer has not acknowledged. */
  consume(options: EventConsumerOptions): Promise<EventConsumer>;
  /** Waits for appends in flight, stops the consumers and releases the connection. */
  close(): Promise<void>;
}

/**
 * The event log of a process with neither NATS nor a database (tests of the question path):
 * events are dropped.
 */
export class NoEventLog implements EventLog {
  readonly kind = 'none' as const;

  async append(): Promise<void> {
    // Nowhere to keep it: nothing consumes events in such a process.
  }

  async consume(): Promise<EventConsumer> {
    throw new Error('No event log in this process: it needs NATS (MILEVA_NATS_URL) or a database');
  }

  async close(): Promise<void> {
    // Nothing held.
  }
}

/** Waits `ms`, or less when `signal` aborts. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** The error's class and code, never its message (which may quote a payload). */
export function describeError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return `${error instanceof Error ? error.name : typeof error}${typeof code === 'string' || typeof code === 'number' ? ` ${code}` : ''}`;
}
