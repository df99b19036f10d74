import { Logger } from '@nestjs/common';
import type { Database } from '@mileva/persistence';
import { describeError, pause, type EventConsumer, type EventConsumerOptions, type EventLog, type LoggedEvent } from './event-log';

export interface OutboxEventLogOptions {
  /** How often the table is read when nothing was appended in this process (ms). */
  readonly pollMs?: number;
  /** Wait before a failed event is delivered again, doubled at each failure up to a minute (ms). */
  readonly retryDelayMs?: number;
}

/** Rows read at once. */
const BATCH = 50;
const MAX_RETRY_DELAY_MS = 60_000;

interface OutboxRow {
  readonly id: string;
  readonly subject: string;
  readonly payload: unknown;
  readonly attempts: number;
}

/**
 * The event log of the standalone mode: the in-process bus is a plain publish/subscribe that keeps
 * nothing, so events are stored in the `event_outbox` table of the shared database and delivered
 * from there. A row is deleted once its consumer's handler resolved; a failure delays it
 * (`available_at`) with exponential backoff. An event appended while no consumer runs (the `mileva`
 * commands, or before the analytics service started) waits for the next one.
 *
 * One consumer per subject: a delivered row is gone for any other consumer of the same subject
 * (MILEVA has one, the analytics service). Several processes on one Postgres may consume the same
 * table: a row may then be handled twice, which idempotent handlers absorb.
 */
export class OutboxEventLog implements EventLog {
  readonly kind = 'outbox' as const;
  private readonly logger = new Logger(OutboxEventLog.name);
  private readonly wakers = new Set<() => void>();
  private readonly consumers = new Set<EventConsumer>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  constructor(
    private readonly database: Database,
    private readonly options: OutboxEventLogOptions = {},
  ) {}

  async append(subject: string, event: LoggedEvent): Promise<void> {
    if (this.closed) throw new Error('Event log closed');
    const work = this.database.dataSource.query(`INSERT INTO "event_outbox" ("subject", "event_id", "payload") VALUES ($1, $2, $3)`, [
      subject,
      event.eventId,
      JSON.stringify(event),
    ]);
    this.inFlight.add(work);
    try {
      await work;
    } finally {
      this.inFlight.delete(work);
    }
    for (const wake of this.wakers) wake();
  }

  async consume(options: EventConsumerOptions): Promise<EventConsumer> {
    if (this.closed) throw new Error('Event log closed');
    const filter = subjectPattern(options.filter);
    const controller = new AbortController();
    let wakeUp: AbortController = new AbortController();
    const waker = (): void => wakeUp.abort();
    this.wakers.add(waker);
    const loop = (async () => {
      while (!controller.signal.aborted) {
        let handled = 0;
        try {
          handled = await this.deliverBatch(filter, options, controller.signal);
        } catch (error) {
          this.logger.warn(`Outbox not read (${describeError(error)}): next attempt soon`);
        }
        if (handled === 0 && !controller.signal.aborted) {
          await pause(this.options.pollMs ?? 1_000, AbortSignal.any([controller.signal, wakeUp.signal]));
          wakeUp = new AbortController();
        }
      }
    })();
    const handle: EventConsumer = {
      stop: async () => {
        controller.abort();
        await loop;
        this.wakers.delete(waker);
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
  }

  /** Delivers the rows due, oldest first; returns how many were handled. */
  private async deliverBatch(filter: string, options: EventConsumerOptions, signal: AbortSignal): Promise<number> {
    const rows = (await this.database.dataSource.query(
      `SELECT "id", "subject", "payload", "attempts" FROM "event_outbox" WHERE "available_at" <= now() AND "subject" ~ $1 ORDER BY "id" LIMIT ${BATCH}`,
      [filter],
    )) as OutboxRow[];
    let handled = 0;
    for (const row of rows) {
      if (signal.aborted) break;
      try {
        await options.handler(row.payload, row.subject);
      } catch (error) {
        const delay = Math.min(MAX_RETRY_DELAY_MS, (this.options.retryDelayMs ?? 1_000) * 2 ** row.attempts);
        this.logger.warn(`Event ${row.id} on ${row.subject} not handled (${describeError(error)}): delivered again in ${delay} ms`);
        await this.database.dataSource.query(`UPDATE "event_outbox" SET "attempts" = "attempts" + 1, "available_at" = now() + ($2 || ' milliseconds')::interval WHERE "id" = $1`, [
          row.id,
          String(delay),
        ]);
        continue;
      }
      await this.database.dataSource.query(`DELETE FROM "event_outbox" WHERE "id" = $1`, [row.id]);
      handled++;
    }
    return handled;
  }
}

/** A NATS subject filter as an anchored Postgres regular expression (`*`: one token, `>`: the rest). */
export function subjectPattern(filter: string): string {
  const tokens = filter.split('.');
  return `^${tokens
    .map((token, index) => {
      if (token === '>' && index === tokens.length - 1) return '[^.]+(\\.[^.]+)*';
      if (token === '*') return '[^.]+';
      return token.replace(/[\\^$.|?*+()[\]{}-]/g, '\\$&');
    })
    .join('\\.')}$`;
}
