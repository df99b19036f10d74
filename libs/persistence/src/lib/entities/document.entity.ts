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
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { QaEntryEntity } from './qa-entry.entity';

/** Lifecycle of a document version. */
export const DOCUMENT_STATUSES = [
  'active',
  'superseded',
  'withdrawn',
  'failed',
] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const DOCUMENT_KINDS = ['document', 'answer'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** One version of a source document of a corpus (national or an académie's). */
@Entity({ name: 'documents' })
@Unique('uq_documents_corpus_source_version', [
  'corpus',
  'sourceUri',
  'version',
])
@Index('idx_documents_corpus_status', ['corpus', 'status'])
@Check(
  'ck_documents_status',
  `"status" IN ('active', 'superseded', 'withdrawn', 'failed')`,
)
@Check('ck_documents_kind', `"kind" IN ('document', 'answer')`)
@Index('idx_documents_qa_entry', ['qaEntryId'])
@Check(
  'ck_documents_validity',
  `"valid_to" IS NULL OR "valid_from" IS NULL OR "valid_to" >= "valid_from"`,
)
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid', {
    name: 'id',
    primaryKeyConstraintName: 'pk_documents',
  })
  id!: string;

  /** `national` or an académie code. */
  @Column({ name: 'corpus', type: 'text' })
  corpus!: string;

  @Column({ name: 'title', type: 'text' })
  title!: string;

  @Column({ name: 'source_uri', type: 'text' })
  sourceUri!: string;

  @Column({ name: 'theme', type: 'text', nullable: true })
  theme!: string | null;

  /** First day the text is in force (`YYYY-MM-DD`). */
  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom!: string | null;

  /** Last day the text is in force (`YYYY-MM-DD`). */
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @Column({ name: 'version', type: 'integer', default: 1 })
  version!: number;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ name: 'status', type: 'text', default: 'active' })
  status!: DocumentStatus;

  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true })
  supersedesId!: string | null;

  @ManyToOne(() => DocumentEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'supersedes_id',
    foreignKeyConstraintName: 'fk_documents_supersedes',
  })
  supersedes?: Relation<DocumentEntity> | null;

  /** `document` (an uploaded file) or `answer` (an approved previous answer). */
  @Column({ name: 'kind', type: 'text', default: 'document' })
  kind!: DocumentKind;

  /** The previous answer this document publishes, for kind `answer`. */
  @Column({ name: 'qa_entry_id', type: 'uuid', nullable: true })
  qaEntryId!: string | null;

  @ManyToOne(() => QaEntryEntity, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'qa_entry_id', foreignKeyConstraintName: 'fk_documents_qa_entry' })
  qaEntry?: Relation<QaEntryEntity> | null;

  @Column({ name: 'mime_type', type: 'text' })
  mimeType!: string;

  @Column({ name: 'pages', type: 'integer', nullable: true })
  pages!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
