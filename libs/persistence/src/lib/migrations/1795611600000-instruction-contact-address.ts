import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The académie's contact for drafts the documents do not answer gets an address beside its name:
 * an e-mail address or a web address, said in the draft after the name.
 */
export class InstructionContactAddress1795611600000 implements MigrationInterface {
  readonly name = 'InstructionContactAddress1795611600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "instructions" ADD "contact_address" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "instructions" DROP COLUMN "contact_address"`);
  }
}
