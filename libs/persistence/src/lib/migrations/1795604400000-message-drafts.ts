import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An assistant message keeps its whole draft (citations, follow-up questions, related rights,
 * AI-use mention…), pseudonymized, so that a conversation can be shown again. A user gives one
 * feedback per message: a second one replaces the first.
 */
export class MessageDrafts1795604400000 implements MigrationInterface {
  readonly name = 'MessageDrafts1795604400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "messages" ADD "draft" jsonb`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_feedback_message_user" ON "feedback" ("message_id", "user_hash")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_feedback_message_user"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "draft"`);
  }
}
