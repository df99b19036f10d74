import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The durable event queue of the standalone mode (`event_outbox`): events wait there for the
 * analytics service, which counts each one once (`analytics_facts.event_id` is unique) before
 * deleting it. In distributed mode NATS JetStream holds them instead.
 */
export class EventOutbox1795608000000 implements MigrationInterface {
  readonly name = 'EventOutbox1795608000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "event_outbox" (
        "id" BIGSERIAL NOT NULL,
        "subject" text NOT NULL,
        "event_id" text NOT NULL,
        "payload" jsonb NOT NULL,
        "attempts" integer NOT NULL DEFAULT 0,
        "available_at" timestamptz NOT NULL DEFAULT now(),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_event_outbox" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_event_outbox_available" ON "event_outbox" ("available_at", "id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "event_outbox"`);
  }
}
