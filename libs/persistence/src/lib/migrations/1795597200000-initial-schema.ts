import type { MigrationInterface, QueryRunner } from 'typeorm';

const CHUNK_TSV_EXPRESSION =
  `setweight(to_tsvector('french'::regconfig, mileva_unaccent(mileva_heading_text("heading_path"))), 'A') || ` +
  `setweight(to_tsvector('french'::regconfig, mileva_unaccent("text")), 'B')`;

/**
 * Extensions, text helpers and the base tables of the storage sketch.
 *
 * `mileva_unaccent(text)` wraps `unaccent` with its dictionary schema-qualified so it can be declared
 * IMMUTABLE and used in index and generated-column expressions; `mileva_heading_text(text[])` does
 * the same for `array_to_string`, which Postgres marks STABLE.
 */
export class InitialSchema1795597200000 implements MigrationInterface {
  readonly name = 'InitialSchema1795597200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS "vector"`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS "unaccent"`);
    const rows: Array<{ schema: string }> = await queryRunner.query(
      `SELECT n.nspname AS "schema" FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'`,
    );
    const unaccentSchema = quoteIdentifier(rows[0]?.schema ?? 'public');
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION mileva_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT ` +
        `AS $fn$ SELECT ${unaccentSchema}.unaccent(${quoteLiteral(`${unaccentSchema}.unaccent`)}::regdictionary, $1) $fn$`,
    );
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION mileva_heading_text(text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT ` +
        `AS $fn$ SELECT array_to_string($1, ' ') $fn$`,
    );

    await queryRunner.query(`
      CREATE TABLE "documents" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "corpus" text NOT NULL,
        "title" text NOT NULL,
        "source_uri" text NOT NULL,
        "theme" text,
        "valid_from" date,
        "valid_to" date,
        "version" integer NOT NULL DEFAULT 1,
        "content_hash" text NOT NULL,
        "status" text NOT NULL DEFAULT 'active',
        "supersedes_id" uuid,
        "mime_type" text NOT NULL,
        "pages" integer,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_documents" PRIMARY KEY ("id"),
        CONSTRAINT "uq_documents_corpus_source_version" UNIQUE ("corpus", "source_uri", "version"),
        CONSTRAINT "ck_documents_status" CHECK ("status" IN ('active', 'superseded', 'withdrawn', 'failed')),
        CONSTRAINT "ck_documents_validity" CHECK ("valid_to" IS NULL OR "valid_from" IS NULL OR "valid_to" >= "valid_from"),
        CONSTRAINT "fk_documents_supersedes" FOREIGN KEY ("supersedes_id") REFERENCES "documents" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_documents_corpus_status" ON "documents" ("corpus", "status")`,
    );

    await queryRunner.query(`
      CREATE TABLE "chunks" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "document_id" uuid NOT NULL,
        "corpus" text NOT NULL,
        "ordinal" integer NOT NULL,
        "heading_path" text[] NOT NULL DEFAULT '{}',
        "page" integer,
        "text" text NOT NULL,
        "tsv" tsvector NOT NULL GENERATED ALWAYS AS (${CHUNK_TSV_EXPRESSION}) STORED,
        "embedding" halfvec,
        "embedding_model" text,
        "embedding_dim" integer,
        CONSTRAINT "pk_chunks" PRIMARY KEY ("id"),
        CONSTRAINT "ck_chunks_embedding" CHECK ("embedding" IS NULL OR ("embedding_dim" = vector_dims("embedding") AND "embedding_model" IS NOT NULL)),
        CONSTRAINT "fk_chunks_document" FOREIGN KEY ("document_id") REFERENCES "documents" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_chunks_document_ordinal" ON "chunks" ("document_id", "ordinal")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_chunks_tsv" ON "chunks" USING gin ("tsv")`,
    );
    // TypeORM reads the expression of a generated column from its metadata table, not from the catalog.
    await queryRunner.query(
      `CREATE TABLE IF NOT EXISTS "typeorm_metadata" ("type" character varying NOT NULL, "database" character varying, ` +
        `"schema" character varying, "table" character varying, "name" character varying, "value" text)`,
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata" ("database", "schema", "table", "type", "name", "value") ` +
        `VALUES (current_database(), current_schema(), 'chunks', 'GENERATED_COLUMN', 'tsv', $1)`,
      [CHUNK_TSV_EXPRESSION],
    );

    await queryRunner.query(`
      CREATE TABLE "qa_entries" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "corpus" text NOT NULL,
        "question" text NOT NULL,
        "answer" text NOT NULL,
        "theme" text,
        "review_status" text NOT NULL DEFAULT 'to_review',
        "source_ref" text,
        "content_hash" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "reviewed_at" timestamptz,
        "reviewed_by_hash" text,
        CONSTRAINT "pk_qa_entries" PRIMARY KEY ("id"),
        CONSTRAINT "uq_qa_entries_corpus_hash" UNIQUE ("corpus", "content_hash"),
        CONSTRAINT "ck_qa_entries_review_status" CHECK ("review_status" IN ('to_review', 'approved', 'rejected'))
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_qa_entries_corpus_review" ON "qa_entries" ("corpus", "review_status")`,
    );

    await queryRunner.query(`
      CREATE TABLE "conversations" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "academie" text NOT NULL,
        "user_hash" text NOT NULL,
        "title" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        CONSTRAINT "pk_conversations" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_conversations_owner" ON "conversations" ("academie", "user_hash", "updated_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_conversations_expires_at" ON "conversations" ("expires_at")`,
    );

    await queryRunner.query(`
      CREATE TABLE "messages" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "conversation_id" uuid NOT NULL,
        "role" text NOT NULL,
        "content" text NOT NULL,
        "citations" jsonb NOT NULL DEFAULT '[]',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_messages" PRIMARY KEY ("id"),
        CONSTRAINT "ck_messages_role" CHECK ("role" IN ('user', 'assistant')),
        CONSTRAINT "fk_messages_conversation" FOREIGN KEY ("conversation_id") REFERENCES "conversations" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_messages_conversation_created" ON "messages" ("conversation_id", "created_at")`,
    );

    await queryRunner.query(`
      CREATE TABLE "feedback" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "message_id" uuid,
        "academie" text NOT NULL,
        "user_hash" text NOT NULL,
        "useful" boolean NOT NULL,
        "reasons" text[] NOT NULL DEFAULT '{}',
        "usage" text,
        "minutes_saved" integer,
        "comment" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_feedback" PRIMARY KEY ("id"),
        CONSTRAINT "ck_feedback_minutes_saved" CHECK ("minutes_saved" IS NULL OR "minutes_saved" >= 0),
        CONSTRAINT "fk_feedback_message" FOREIGN KEY ("message_id") REFERENCES "messages" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_feedback_academie_created" ON "feedback" ("academie", "created_at")`,
    );
    // Purging conversations nulls feedback.message_id: without this index each purge scans feedback.
    await queryRunner.query(
      `CREATE INDEX "idx_feedback_message" ON "feedback" ("message_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "instructions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "academie" text NOT NULL,
        "version" integer NOT NULL,
        "body" text NOT NULL,
        "ai_notice" text,
        "contact" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "created_by_hash" text NOT NULL,
        CONSTRAINT "pk_instructions" PRIMARY KEY ("id"),
        CONSTRAINT "uq_instructions_academie_version" UNIQUE ("academie", "version")
      )`);

    await queryRunner.query(`
      CREATE TABLE "analytics_facts" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "event_id" text NOT NULL,
        "type" text NOT NULL,
        "occurred_at" timestamptz NOT NULL,
        "academie" text NOT NULL,
        "theme" text,
        "user_hash" text,
        "payload" jsonb NOT NULL DEFAULT '{}',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_analytics_facts" PRIMARY KEY ("id"),
        CONSTRAINT "uq_analytics_facts_event_id" UNIQUE ("event_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_analytics_facts_type_occurred" ON "analytics_facts" ("type", "occurred_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_analytics_facts_academie_occurred" ON "analytics_facts" ("academie", "occurred_at")`,
    );
  }

  /** Drops what `up` created. The extensions stay: they may predate this schema or serve others. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "analytics_facts"`);
    await queryRunner.query(`DROP TABLE "instructions"`);
    await queryRunner.query(`DROP TABLE "feedback"`);
    await queryRunner.query(`DROP TABLE "messages"`);
    await queryRunner.query(`DROP TABLE "conversations"`);
    await queryRunner.query(`DROP TABLE "qa_entries"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "schema" = current_schema() AND "table" = 'chunks' AND "name" = 'tsv'`,
    );
    await queryRunner.query(`DROP TABLE "chunks"`);
    await queryRunner.query(`DROP TABLE "documents"`);
    await queryRunner.query(`DROP FUNCTION mileva_heading_text(text[])`);
    await queryRunner.query(`DROP FUNCTION mileva_unaccent(text)`);
  }
}

function quoteIdentifier(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
