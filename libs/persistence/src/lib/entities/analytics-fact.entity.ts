import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';

/**
 * An analytics event as stored by the analytics service. `eventId` makes consumption idempotent.
 * `payload` holds only codes, counters and durations (theme, latency, sources count…): never free
 * text, never a question or an answer, never a name.
 */
@Entity({ name: 'analytics_facts' })
@Unique('uq_analytics_facts_event_id', ['eventId'])
@Index('idx_analytics_facts_type_occurred', ['type', 'occurredAt'])
@Index('idx_analytics_facts_academie_occurred', ['academie', 'occurredAt'])
export class AnalyticsFactEntity {
  @PrimaryGeneratedColumn('uuid', {
    name: 'id',
    primaryKeyConstraintName: 'pk_analytics_facts',
  })
  id!: string;

  @Column({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ name: 'type', type: 'text' })
  type!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'academie', type: 'text' })
  academie!: string;

  @Column({ name: 'theme', type: 'text', nullable: true })
  theme!: string | null;

  @Column({ name: 'user_hash', type: 'text', nullable: true })
  userHash!: string | null;

  /** Structured, free-text-free details of the event. */
  @Column({ name: 'payload', type: 'jsonb', default: () => `'{}'` })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
