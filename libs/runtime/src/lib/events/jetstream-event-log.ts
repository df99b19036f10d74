import { Logger } from '@nestjs/common';
import { AckPolicy, connect, DeliverPolicy, nanos, RetentionPolicy, StorageType, type ConsumerMessages, type JetStreamManager, type NatsConnection } from 'nats';
import { describeError, pause, type EventConsumer, type EventConsumerOptions, type EventLog, type LoggedEvent } from './event-log';

export interface JetStreamEventLogOptions {
  readonly servers: readonly string[];
  /** Connection name seen by the NATS server. */
  readonly name: string;
  /** Stream holding the events (created when missing). */
  readonly stream?: string;
  /** Subjects the stream captures. */
  readonly subjects?: readonly string[];
  /** How long the stream keeps an event, acknowledged or not (ms). */
  readonly maxAgeMs?: number;
  /** An unacknowledged delivery is made again after this long (ms). */
  readonly ackWaitMs?: number;
  /** Wait before a failed event is delivered again (ms). */
  readonly retryDelayMs?: number;
  /** Longest wait for the server's acknowledgement of an append (ms). */
  readonly publishTimeoutMs?: number;
}

export const EVENTS_STREAM = 'MILEVA_EVENTS';
export const EVENTS_STREAM_SUBJECTS = ['mileva.events.>'] as const;
const DEFAULT_MAX_AGE_MS = 30 * 24 * 3_600_000;
/** Published twice with the same event id within this window, an event is stored once. */
const DUPLICATE_WINDOW_MS = 2 * 60_000;
const STREAM_NOT_FOUND = 10059;
const CONSUMER_NOT_FOUND = 10014;

/**
 * Events on NATS JetStream. The stream (`MILEVA_EVENTS`, capturing `mileva.events.>`, file
 * storage) and each durable consumer (explicit acknowledgement) are created at first use when
 * missing, so that any process may start first. Appends carry the event id as `Nats-Msg-Id`: the
 * server drops a copy published again within two minutes. The consumer acknowledges an event
 * once its handler resolved; an event not acknowledged (handler failed, process stopped) is
 * delivered again.
 */
export class JetStreamEventLog implements EventLog {
  readonly kind = 'jetstream' as const;
  private readonly logger = new Logger(JetStreamEventLog.name);
  private connection: Promise<NatsConnection> | undefined;
  private streamReady: Promise<void> | undefined;
  private readonly consumers = new Set<EventConsumer>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;
  private readonly stream: string;
  private readonly subjects: readonly string[];

  constructor(private readonly options: JetStreamEventLogOptions) {
    this.stream = options.stream ?? EVENTS_STREAM;
    this.subjects = options.subjects ?? EVENTS_STREAM_SUBJECTS;
  }

  async append(subject: string, event: LoggedEvent): Promise<void> {
    const work = this.publish(subject, event);
    this.inFlight.add(work);
    try {
      await work;
    } finally {
      this.inFlight.delete(work);
    }
  }

  async consume(options: EventConsumerOptions): Promise<EventConsumer> {
    const connection = await this.connect();
    await this.ensureStream();
    await this.ensureConsumer(await connection.jetstreamManager(), options);
    const controller = new AbortController();
    let messages: ConsumerMessages | undefined;
    const loop = (async () => {
      while (!controller.signal.aborted) {
        try {
          const consumer = await connection.jetstream().consumers.get(this.stream, options.durable);
          messages = await consumer.consume({ max_messages: 64 });
          // Stopped while subscribing: the iterator would wait for a message that never comes.
          if (controller.signal.aborted) messages.stop();
          for await (const message of messages) {
            let event: unknown;
            try {
              event = JSON.parse(new TextDecoder().decode(message.data));
            } catch {
              this.logger.warn(`Event ${message.seq} on ${message.subject} is not JSON: dropped`);
              message.term();
              continue;
            }
            try {
              await options.handler(event, message.subject);
              message.ack();
            } catch (error) {
              this.logger.warn(`Event ${message.seq} on ${message.subject} not handled (${describeError(error)}): delivered again later`);
              message.nak(this.options.retryDelayMs ?? 5_000);
            }
            if (controller.signal.aborted) break;
          }
        } catch (error) {
          if (!controller.signal.aborted) this.logger.warn(`Consumer ${options.durable} interrupted (${describeError(error)}): restarting`);
        }
        if (!controller.signal.aborted) await pause(1_000, controller.signal);
      }
    })();
    const handle: EventConsumer = {
      stop: async () => {
        controller.abort();
        // Ends the iteration at once (closing would wait for the pending pull to expire); messages
        // taken but not handled are not acknowledged, so the server delivers them again.
        messages?.stop();
        await loop;
        this.consumers.delete(handle);
      },
    };
    this.consumers.add(handle);
    return handle;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.inFlight]);
    await Promise.allSettled([...this.consumers].map((consumer) => consumer.stop()));
    const connection = await this.connection?.catch(() => undefined);
    await connection?.drain().catch(() => undefined);
  }

  private async publish(subject: string, event: LoggedEvent): Promise<void> {
    const connection = await this.connect();
    await this.ensureStream();
    await connection.jetstream().publish(subject, new TextEncoder().encode(JSON.stringify(event)), {
      msgID: event.eventId,
      timeout: this.options.publishTimeoutMs ?? 5_000,
    });
  }

  private connect(): Promise<NatsConnection> {
    if (this.closed) return Promise.reject(new Error('Event log closed'));
    this.connection ??= connect({
      servers: [...this.options.servers],
      name: this.options.name,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
    }).catch((error: unknown) => {
      this.connection = undefined;
      throw error;
    });
    return this.connection;
  }

  /** Creates the stream when missing, or widens its subjects; several processes may race to do it. */
  private ensureStream(): Promise<void> {
    this.streamReady ??= (async () => {
      const manager = await (await this.connect()).jetstreamManager();
      const config = {
        name: this.stream,
        subjects: [...this.subjects],
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        max_age: nanos(this.options.maxAgeMs ?? DEFAULT_MAX_AGE_MS),
        duplicate_window: nanos(DUPLICATE_WINDOW_MS),
      };
      const info = await manager.streams.info(this.stream).catch((error: unknown) => {
        if (apiErrorCode(error) === STREAM_NOT_FOUND) return undefined;
        throw error;
      });
      if (!info) {
        await manager.streams.add(config).catch(async (error: unknown) => {
          // Another process created it meanwhile: fine when it is there now.
          if (!(await manager.streams.info(this.stream).catch(() => undefined))) throw error;
        });
      } else if (this.subjects.some((subject) => !info.config.subjects?.includes(subject))) {
        await manager.streams.update(this.stream, { subjects: [...new Set([...(info.config.subjects ?? []), ...this.subjects])] });
      }
    })().catch((error: unknown) => {
      this.streamReady = undefined;
      throw error;
    });
    return this.streamReady;
  }

  private async ensureConsumer(manager: JetStreamManager, options: EventConsumerOptions): Promise<void> {
    const config = {
      durable_name: options.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: options.filter,
      ack_wait: nanos(this.options.ackWaitMs ?? 30_000),
      max_deliver: -1,
      max_ack_pending: 1_000,
    };
    const info = await manager.consumers.info(this.stream, options.durable).catch((error: unknown) => {
      if (apiErrorCode(error) === CONSUMER_NOT_FOUND) return undefined;
      throw error;
    });
    if (!info) {
      await manager.consumers.add(this.stream, config).catch(async (error: unknown) => {
        if (!(await manager.consumers.info(this.stream, options.durable).catch(() => undefined))) throw error;
      });
    } else if (info.config.filter_subject !== options.filter || info.config.ack_wait !== config.ack_wait) {
      await manager.consumers.update(this.stream, options.durable, { filter_subject: options.filter, ack_wait: config.ack_wait });
    }
  }
}

function apiErrorCode(error: unknown): number | undefined {
  return (error as { api_error?: { err_code?: number } } | null)?.api_error?.err_code;
}
