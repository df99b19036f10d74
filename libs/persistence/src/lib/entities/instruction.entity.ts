import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';

/** A version of an académie's answer instructions; the highest version is in force. */
@Entity({ name: 'instructions' })
@Unique('uq_instructions_academie_version', ['academie', 'version'])
export class InstructionEntity {
  @PrimaryGeneratedColumn('uuid', {
    name: 'id',
    primaryKeyConstraintName: 'pk_instructions',
  })
  id!: string;

  @Column({ name: 'academie', type: 'text' })
  academie!: string;

  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'body', type: 'text' })
  body!: string;

  /** The académie's wording of the AI-use mention; the national wording applies when null. */
  @Column({ name: 'ai_notice', type: 'text', nullable: true })
  aiNotice!: string | null;

  /** Who to turn to when the documents do not answer (« la division des personnels enseignants »). */
  @Column({ name: 'contact', type: 'text', nullable: true })
  contact!: string | null;

  /** How to reach that contact: an e-mail address or a web address. */
  @Column({ name: 'contact_address', type: 'text', nullable: true })
  contactAddress!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by_hash', type: 'text' })
  createdByHash!: string;
}
