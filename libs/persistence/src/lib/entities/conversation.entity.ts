import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** A gestionnaire's conversation, scoped to an académie and purged after `expiresAt`. */
@Entity({ name: 'conversations' })
@Index('idx_conversations_owner', ['academie', 'userHash', 'updatedAt'])
@Index('idx_conversations_expires_at', ['expiresAt'])
export class ConversationEntity {
  @PrimaryGeneratedColumn('uuid', {
    name: 'id',
    primaryKeyConstraintName: 'pk_conversations',
  })
  id!: string;

  @Column({ name: 'academie', type: 'text' })
  academie!: string;

  /** Keyed hash of the user's identifier, never the identifier itself. */
  @Column({ name: 'user_hash', type: 'text' })
  userHash!: string;

  @Column({ name: 'title', type: 'text' })
  title!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
