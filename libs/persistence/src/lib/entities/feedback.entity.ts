import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { MessageEntity } from './message.entity';

/** A gestionnaire's feedback on an answer; it outlives the conversation (`messageId` is then null). */
@Entity({ name: 'feedback' })
@Index('idx_feedback_academie_created', ['academie', 'createdAt'])
@Index('idx_feedback_message', ['messageId'])
// One feedback per message and user: a second one replaces the first.
@Index('uq_feedback_message_user', ['messageId', 'userHash'], { unique: true })
@Check(
  'ck_feedback_minutes_saved',
  `"minutes_saved" IS NULL OR "minutes_saved" >= 0`,
)
export class FeedbackEntity {
  @PrimaryGeneratedColumn('uuid', {
    name: 'id',
    primaryKeyConstraintName: 'pk_feedback',
  })
  id!: string;

  @Column({ name: 'message_id', type: 'uuid', nullable: true })
  messageId!: string | null;

  @ManyToOne(() => MessageEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'message_id',
    foreignKeyConstraintName: 'fk_feedback_message',
  })
  message?: Relation<MessageEntity> | null;

  @Column({ name: 'academie', type: 'text' })
  academie!: string;

  @Column({ name: 'user_hash', type: 'text' })
  userHash!: string;

  @Column({ name: 'useful', type: 'boolean' })
  useful!: boolean;

  /** Reason codes picked in the portal. */
  @Column({ name: 'reasons', type: 'text', array: true, default: () => `'{}'` })
  reasons!: string[];

  /** What the draft was used for (reason code, not free text). */
  @Column({ name: 'usage', type: 'text', nullable: true })
  usage!: string | null;

  @Column({ name: 'minutes_saved', type: 'integer', nullable: true })
  minutesSaved!: number | null;

  /** Free text, pseudonymized before it is stored. */
  @Column({ name: 'comment', type: 'text', nullable: true })
  comment!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
