import { headers as natsHeaders, type MsgHdrs } from 'nats';

/** Status events a connection reports, shaped like those of the NATS client. */
interface BusStatus {
  readonly type: string;
  readonly data: string;
}

/** A message as the NATS client hands it to a subscription callback. */
export interface LocalMsg {
  readonly subject: string;
  readonly data: Uint8Array;
  readonly reply?: string;
  readonly headers?: MsgHdrs;
  readonly sid: number;
  respond(data?: Uint8Array, options?: { headers?: MsgHdrs }): boolean;
}

/** A message as it crossed the bus, handed to observers (see {@link LocalBus.observe}). */
export interface ObservedMessage {
  readonly subject: string;
  /** A copy of the payload bytes: an observer cannot change what subscribers receive. */
  readonly data: Uint8Array;
  readonly reply?: string;
  readonly headers?: MsgHdrs;
}

export type BusObserver = (message: ObservedMessage) => void;

type MsgCallback = (error: Error | null, msg: LocalMsg) => void | Promise<void>;

interface LocalSubscription {
  readonly sid: number;
  readonly tokens: readonly string[];
  readonly queue?: string;
  readonly callback: MsgCallback;
  readonly connection: LocalConnection;
}

/** Splits a subject into tokens and checks it like the NATS server does. */
function tokenize(subject: string): string[] {
  if (!subject || /\s/.test(subject)) {
    throw new Error(`Sujet invalide : « ${subject} »`);
  }
  const tokens = subject.split('.');
  if (tokens.some((token) => token.length === 0)) {
    throw new Error(`Sujet invalide : « ${subject} »`);
  }
  return tokens;
}

/** NATS subject matching: `*` matches one token, `>` one or more trailing tokens. */
export function subjectMatches(patternTokens: readonly string[], subjectTokens: readonly string[]): boolean {
  for (let i = 0; i < patternTokens.length; i++) {
    const token = patternTokens[i];
    if (token === '>') return subjectTokens.length > i;
    if (i >= subjectTokens.length) return false;
    if (token !== '*' && token !== subjectTokens[i]) return false;
  }
  return patternTokens.length === subjectTokens.length;
}

function copyHeaders(source: MsgHdrs | undefined): MsgHdrs | undefined {
  if (!source) return undefined;
  const copy = natsHeaders();
  for (const [key, values] of source) {
    for (const value of values) copy.append(key, value);
  }
  return copy;
}

/**
 * An in-process message bus with the delivery semantics of a NATS server: subjects with
 * wildcards, queue groups (one member of a group gets each message), asynchronous delivery,
 * payloads copied as bytes (so nothing is shared by reference between sender and receiver),
 * and an empty "503 No Responders" reply to a request nobody listens to.
 */
export class LocalBus {
  private readonly subscriptions = new Map<number, LocalSubscription>();
  private readonly queueCursor = new Map<string, number>();
  private readonly observers = new Set<BusObserver>();
  private nextSid = 1;

  /** Opens a connection shaped like the NATS client's `NatsConnection`. */
  connect(name = 'local'): LocalConnection {
    return new LocalConnection(this, name);
  }

  /** Number of live subscriptions (for tests and health). */
  get subscriptionCount(): number {
    return this.subscriptions.size;
  }

  /**
   * Calls `observer` synchronously with every message published on the bus (requests, replies,
   * events, and "no responders" answers), whether or not anyone subscribed to it. Unlike a `>`
   * subscription, an observer receives no delivery, so it changes nothing of the routing: a
   * request nobody listens to still gets its "no responders" reply. For tests and diagnostics that must see
   * everything crossing the bus. Returns a function that stops the observation; an observer that
   * throws is ignored.
   */
  observe(observer: BusObserver): () => void {
    this.observers.add(observer);
    return () => {
      this.observers.delete(observer);
    };
  }

  /** @internal */
  subscribe(connection: LocalConnection, subject: string, callback: MsgCallback, queue?: string): number {
    const sid = this.nextSid++;
    this.subscriptions.set(sid, { sid, tokens: tokenize(subject), queue, callback, connection });
    return sid;
  }

  /** @internal */
  unsubscribe(sid: number): void {
    this.subscriptions.delete(sid);
  }

  /** @internal */
  publish(subject: string, data: Uint8Array | undefined, reply: string | undefined, headers: MsgHdrs | undefined): void {
    const subjectTokens = tokenize(subject);
    if (this.observers.size > 0) this.notifyObservers(subject, data, reply, headers);
    const plain: LocalSubscription[] = [];
    const groups = new Map<string, LocalSubscription[]>();
    for (const subscription of this.subscriptions.values()) {
      if (!subjectMatches(subscription.tokens, subjectTokens)) continue;
      if (subscription.queue) {
        const members = groups.get(subscription.queue) ?? [];
        members.push(subscription);
        groups.set(subscription.queue, members);
      } else {
        plain.push(subscription);
      }
    }
    const targets = [...plain];
    for (const [queue, members] of groups) {
      const key = `${queue}\u0000${members.map((member) => member.sid).join(',')}`;
      const cursor = this.queueCursor.get(key) ?? 0;
      this.queueCursor.set(key, cursor + 1);
      targets.push(members[cursor % members.length]);
    }
    if (targets.length === 0 && reply) {
      // As the NATS server does for a request nobody listens to: an empty "503 No Responders" reply.
      setImmediate(() => this.publish(reply, undefined, undefined, natsHeaders(503, 'No Responders')));
      return;
    }
    const bytes = data ? new Uint8Array(data) : new Uint8Array(0);
    for (const target of targets) {
      const msg: LocalMsg = {
        subject,
        data: new Uint8Array(bytes),
        reply,
        headers: copyHeaders(headers),
        sid: target.sid,
        respond: (responseData?: Uint8Array, options?: { headers?: MsgHdrs }) => {
          if (!reply) return false;
          this.publish(reply, responseData, undefined, options?.headers);
          return true;
        },
      };
      setImmediate(() => {
        if (!this.subscriptions.has(target.sid)) return;
        void Promise.resolve(target.callback(null, msg)).catch((error: unknown) => target.connection.reportError(error));
      });
    }
  }

  private notifyObservers(subject: string, data: Uint8Array | undefined, reply: string | undefined, headers: MsgHdrs | undefined): void {
    for (const observer of this.observers) {
      try {
        observer({ subject, data: data ? new Uint8Array(data) : new Uint8Array(0), reply, headers: copyHeaders(headers) });
      } catch {
        // An observer never disturbs the traffic it watches.
      }
    }
  }
}

/** One client connection to a {@link LocalBus}, with the subset of the NATS client API that NestJS uses. */
export class LocalConnection {
  private readonly sids = new Set<number>();
  private readonly statusListeners = new Set<(status: BusStatus | undefined) => void>();
  private isClosed = false;
  private readonly closedPromise: Promise<void>;
  private resolveClosed!: () => void;

  constructor(
    private readonly bus: LocalBus,
    readonly name: string,
  ) {
    this.closedPromise = new Promise((resolve) => (this.resolveClosed = resolve));
  }

  subscribe(subject: string, options: { queue?: string; callback: MsgCallback }): { unsubscribe(): void; getSubject(): string } {
    this.assertOpen();
    const sid = this.bus.subscribe(this, subject, options.callback, options.queue);
    this.sids.add(sid);
    return {
      unsubscribe: () => {
        this.sids.delete(sid);
        this.bus.unsubscribe(sid);
      },
      getSubject: () => subject,
    };
  }

  publish(subject: string, data?: Uint8Array, options?: { reply?: string; headers?: MsgHdrs }): void {
    this.assertOpen();
    this.bus.publish(subject, data, options?.reply, options?.headers);
  }

  /** Status updates, as the NATS client's `status()` async iterator; ends when the connection closes. */
  status(): AsyncIterable<BusStatus> {
    const listeners = this.statusListeners;
    const closed = (): boolean => this.isClosed;
    return {
      [Symbol.asyncIterator](): AsyncIterator<BusStatus> {
        const queue: (BusStatus | undefined)[] = [];
        let wake: (() => void) | undefined;
        const listener = (status: BusStatus | undefined): void => {
          queue.push(status);
          wake?.();
        };
        listeners.add(listener);
        return {
          async next(): Promise<IteratorResult<BusStatus>> {
            while (queue.length === 0 && !closed()) {
              await new Promise<void>((resolve) => (wake = resolve));
            }
            const status = queue.shift();
            if (!status) {
              listeners.delete(listener);
              return { done: true, value: undefined };
            }
            return { done: false, value: status };
          },
          async return(): Promise<IteratorResult<BusStatus>> {
            listeners.delete(listener);
            return { done: true, value: undefined };
          },
        };
      },
    };
  }

  /** @internal */
  reportError(error: unknown): void {
    const data = error instanceof Error ? error.message : String(error);
    for (const listener of this.statusListeners) listener({ type: 'error', data });
  }

  isClosedConnection(): boolean {
    return this.isClosed;
  }

  async drain(): Promise<void> {
    await this.close();
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const sid of this.sids) this.bus.unsubscribe(sid);
    this.sids.clear();
    for (const listener of this.statusListeners) listener(undefined);
    this.resolveClosed();
  }

  closed(): Promise<void> {
    return this.closedPromise;
  }

  private assertOpen(): void {
    if (this.isClosed) {
      throw new Error('Connexion au bus interne fermée');
    }
  }
}
