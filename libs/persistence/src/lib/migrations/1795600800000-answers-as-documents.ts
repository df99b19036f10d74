import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An approved previous answer becomes a searchable document of kind `answer`, linked to its
 * `qa_entries` row, so that retrieval searches documents and answers alike. Chunks also record the
 * last page they span.
 */
export class AnswersAsDocuments1795600800000 implements MigrationInterface {
  readonly name = 'AnswersAsDocuments1795600800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "documents" ADD "kind" text NOT NULL DEFAULT 'document'`);
    await queryRunner.query(`ALTER TABLE "documents" ADD CONSTRAINT "ck_documents_kind" CHECK ("kind" IN ('document', 'answer'))`);
    await queryRunner.query(`ALTER TABLE "documents" ADD "qa_entry_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "fk_documents_qa_entry" FOREIGN KEY ("qa_entry_id") REFERENCES "qa_entries"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(`CREATE INDEX "idx_documents_qa_entry" ON "documents" ("qa_entry_id")`);
    await queryRunner.query(`ALTER TABLE "chunks" ADD "page_end" integer`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "chunks" DROP COLUMN "page_end"`);
    await queryRunner.query(`DROP INDEX "idx_documents_qa_entry"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP CONSTRAINT "fk_documents_qa_entry"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "qa_entry_id"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP CONSTRAINT "ck_documents_kind"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "kind"`);
  }
}
