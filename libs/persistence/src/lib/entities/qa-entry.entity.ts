import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';

/** Review workflow of an imported previous answer. */
export const QA_REVIEW_STATUSES = [
  'to_review',
  'approved',
  'rejected',
] as const;
export type QaReviewStatus = (typeof QA_REVIEW_STATUSES)[number];

/** A previous question and its answer, both pseudonymized before they are stored. */
@Entity({ name: 'qa_entries' })
@Unique('uq_qa_entries_corpus_hash', ['corpus', 'contentHash'])
@Index('idx_qa_entries_corpus_review', ['corpus', 'reviewStatus'])
@Check(
  'ck_qa_entries_review_status',
  `"review_status" IN ('to_review', 'approved', 'rejected')`,
)
export class QaEntryEntity {
  @PrimaryGeneratedColumn('uuid', {
    name: 'id',
    primaryKeyConstraintName: 'pk_qa_entries',
  })
  id!: string;

  @Column({ name: 'corpus', type: 'text' })
  corpus!: string;

  @Column({ name: 'question', type: 'text' })
  question!: string;

  @Column({ name: 'answer', type: 'text' })
  answer!: string;

  @Column({ name: 'theme', type: 'text', nullable: true })
  theme!: string | null;

  @Column({ name: 'review_status', type: 'text', default: 'to_review' })
  reviewStatus!: QaReviewStatus;

  /** Where the entry was imported from (file name and line), for the reviewer. */
  @Column({ name: 'source_ref', type: 'text', nullable: true })
  sourceRef!: string | null;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  @Column({ name: 'reviewed_by_hash', type: 'text', nullable: true })
  reviewedByHash!: string | null;
}
