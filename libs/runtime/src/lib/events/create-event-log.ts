import type { Database } from '@mileva/persistence';
import type { MilevaConfig } from '../config/config';
import type { Transport } from '../transport/transport';
import { NoEventLog, type EventLog } from './event-log';
import { JetStreamEventLog } from './jetstream-event-log';
import { OutboxEventLog } from './outbox-event-log';

/**
 * The event log of a process: JetStream over the NATS servers in distributed mode; in standalone
 * mode the `event_outbox` table of the database every service shares; nothing without either.
 */
export function createEventLog(config: Pick<MilevaConfig, 'nats' | 'instanceId'>, transport: Transport, database: Database | undefined): EventLog {
  if (transport.kind === 'nats' && config.nats.servers) {
    return new JetStreamEventLog({ servers: config.nats.servers, name: `mileva-events-${config.instanceId}` });
  }
  return database ? new OutboxEventLog(database) : new NoEventLog();
}
