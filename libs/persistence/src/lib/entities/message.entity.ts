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
import { ConversationEntity } from './conversation.entity';

export const MESSAGE_ROLES = ['user', 'assistant'] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];

/** A turn of a conversation; `content` is stored pseudonymized. */
@Entity({ name: 'messages' })
@Index('idx_messages_conversation_created', ['conversationId', 'createdAt'])
@Check('ck_messages_role', `"role" IN ('user', 'assistant')`)
export class MessageEntity {
  @PrimaryGeneratedColumn('uuid', {
    name: 'id',
    primaryKeyConstraintName: 'pk_messages',
  })
  id!: string;

  @Column({ name: 'conversation_id', type: 'uuid' })
  conversationId!: string;

  @ManyToOne(() => ConversationEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'conversation_id',
    foreignKeyConstraintName: 'fk_messages_conversation',
  })
  conversation?: Relation<ConversationEntity>;

  @Column({ name: 'role', type: 'text' })
  role!: MessageRole;

  @Column({ name: 'content', type: 'text' })
  content!: string;

  /** Passages cited by an assistant message; the shape is owned by `@mileva/contracts`. */
  @Column({ name: 'citations', type: 'jsonb', default: () => `'[]'` })
  citations!: unknown[];

  /**
   * The whole draft of an assistant message, pseudonymized like `content`; the shape is owned by
   * `@mileva/contracts` (Draft). Null for a user message.
   */
  @Column({ name: 'draft', type: 'jsonb', nullable: true })
  draft!: Record<string, unknown> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
