import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An event waiting for its consumer, when the process has no NATS JetStream (standalone mode): the
 * durable queue of the in-process transport. A row is deleted once its consumer has handled it; a
 * failure pushes `available_at` back. Payloads are the events of `@mileva/contracts` (codes and
 * counters, never free text).
 */
@Entity({ name: 'event_outbox' })
@Index('idx_event_outbox_available', ['availableAt', 'id'])
export class EventOutboxEntity {
  @PrimaryGeneratedColumn('increment', { name: 'id', type: 'bigint', primaryKeyConstraintName: 'pk_event_outbox' })
  id!: string;

  @Column({ name: 'subject', type: 'text' })
  subject!: string;

  /** The event's own id, chosen by its publisher. */
  @Column({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ name: 'payload', type: 'jsonb' })
  payload!: Record<string, unknown>;

  /** Failed deliveries so far. */
  @Column({ name: 'attempts', type: 'integer', default: 0 })
  attempts!: number;

  /** Not delivered before this instant (after a failure). */
  @Column({ name: 'available_at', type: 'timestamptz', default: () => 'now()' })
  availableAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
