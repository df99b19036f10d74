import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ANALYTICS_EVENTS_ROOT } from '@mileva/contracts';
import { AnalyticsEventSchema } from '@mileva/contracts/validation';
import type { Database } from '@mileva/persistence';
import { describeError, MILEVA_DATABASE, MILEVA_EVENT_LOG, pause, type EventConsumer, type EventLog } from '@mileva/runtime';
import { FactStore } from './fact-store';

/** Name of the analytics service's durable consumer. */
export const ANALYTICS_CONSUMER = 'analytics';
/** Wait before trying again to start consuming (JetStream unreachable…). */
const RETRY_START_MS = 15_000;

/**
 * Consumes `mileva.events.>` from the process's event log (JetStream, or the outbox table in
 * standalone mode) with a durable consumer and records each event as a fact. An event is
 * acknowledged once its fact is committed; one delivered again (after a restart, a lost ack, a
 * duplicate publication) finds its `event_id` and is not counted twice. An event that breaks the
 * contract (a text, an unknown code…) is dropped, never stored.
 */
@Injectable()
export class AnalyticsEventsConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AnalyticsEventsConsumer.name);
  private readonly facts: FactStore | undefined;
  private readonly stopping = new AbortController();
  private consumer: EventConsumer | undefined;
  private starting: Promise<void> | undefined;

  constructor(
    @Inject(MILEVA_EVENT_LOG) private readonly events: EventLog,
    @Optional() @Inject(MILEVA_DATABASE) database?: Database,
  ) {
    this.facts = database ? new FactStore(database) : undefined;
  }

  onApplicationBootstrap(): void {
    // Without a database (health reports it down) there is nowhere to count.
    if (this.facts) this.starting = this.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    await this.starting;
    await this.consumer?.stop();
  }

  /** Handles one delivered event: resolves once recorded (or dropped as invalid), throws to have it delivered again. */
  async handle(payload: unknown, subject: string): Promise<void> {
    const parsed = AnalyticsEventSchema.safeParse(payload);
    if (!parsed.success) {
      // The issues name fields and rules, never the values received.
      const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || issue.code))].join(', ');
      this.logger.warn(`Event on ${subject} refused (${fields}): not recorded`);
      return;
    }
    if (`${ANALYTICS_EVENTS_ROOT}.${parsed.data.type}` !== subject) {
      this.logger.warn(`Event of type ${parsed.data.type} received on ${subject}: not recorded`);
      return;
    }
    if (!this.facts) throw new Error('No database');
    await this.facts.record(parsed.data);
  }

  private async start(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      try {
        this.consumer = await this.events.consume({ durable: ANALYTICS_CONSUMER, filter: `${ANALYTICS_EVENTS_ROOT}.>`, handler: (payload, subject) => this.handle(payload, subject) });
        this.logger.log(`Consuming ${ANALYTICS_EVENTS_ROOT}.> (${this.events.kind})`);
        return;
      } catch (error) {
        this.logger.warn(`Events not consumed yet (${describeError(error)}): next attempt in ${RETRY_START_MS / 1000} s`);
        await pause(RETRY_START_MS, this.stopping.signal);
      }
    }
  }
}
