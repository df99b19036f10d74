import type { AnalyticsEvent } from '@mileva/contracts';
import type { Database } from '@mileva/persistence';

/** Fields of an event kept in their own columns; the rest (codes and counters) goes to `payload`. */
const COLUMNS = ['v', 'eventId', 'type', 'occurredAt', 'academie', 'theme', 'userHash'] as const;

/**
 * The `analytics_facts` table. Recording is idempotent: `event_id` is unique and an event already
 * recorded is skipped (`ON CONFLICT DO NOTHING`), so a redelivered or replayed event counts once.
 */
export class FactStore {
  constructor(private readonly database: Database) {}

  /** Records a validated event; false when it was already recorded. */
  async record(event: AnalyticsEvent): Promise<boolean> {
    const payload = Object.fromEntries(Object.entries(event).filter(([key]) => !(COLUMNS as readonly string[]).includes(key)));
    const rows = (await this.database.dataSource.query(
      `INSERT INTO "analytics_facts" ("event_id", "type", "occurred_at", "academie", "theme", "user_hash", "payload")
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ("event_id") DO NOTHING
       RETURNING "id"`,
      [event.eventId, event.type, event.occurredAt, event.academie, event.theme, 'userHash' in event ? event.userHash : null, JSON.stringify(payload)],
    )) as unknown[];
    return rows.length > 0;
  }
}
