import { ANALYTICS_NO_THEME } from '@mileva/contracts';
import type { Database } from '@mileva/persistence';

/** An answer of the académie that the documents did not give, with the question it answered (pseudonymized). */
export interface GapRow {
  readonly messageId: string;
  readonly askedAt: Date;
  readonly theme: string;
  readonly unanswerable: boolean;
  readonly noSource: boolean;
  /** Keyed owner hash, to count distinct users only: never returned. */
  readonly userHash: string;
  readonly question: string;
}

/**
 * Reads the gaps from the stored conversations of one académie: answers saying the documents do
 * not answer, and answers their user rated « pas de source ». Conversations are deleted after
 * MILEVA_CONVERSATION_RETENTION_DAYS, and the gaps with them: nothing is copied elsewhere.
 * Refusals of excluded uses are not gaps.
 */
export class GapRepository {
  constructor(private readonly database: Database) {}

  async gaps(academie: string, from: Date, until: Date, theme: string | undefined, limit: number): Promise<GapRow[]> {
    const parameters: unknown[] = [academie, from, until, limit];
    const themeOf = `coalesce(answer."draft"->'analytics'->>'theme', '${ANALYTICS_NO_THEME}')`;
    let themeCondition = '';
    if (theme) {
      parameters.push(theme);
      themeCondition = `AND ${themeOf} = $5`;
    }
    const rows = (await this.database.dataSource.query(
      `SELECT answer."id" AS "messageId", question."created_at" AS "askedAt", ${themeOf} AS "theme",
              NOT coalesce((answer."draft"->>'answerable')::boolean, true) AS "unanswerable",
              EXISTS (SELECT 1 FROM "feedback" f WHERE f."message_id" = answer."id" AND 'no_source' = ANY (f."reasons")) AS "noSource",
              conversation."user_hash" AS "userHash", question."content" AS "question"
       FROM "messages" answer
       JOIN "conversations" conversation ON conversation."id" = answer."conversation_id"
       JOIN LATERAL (
         SELECT q."content", q."created_at" FROM "messages" q
         WHERE q."conversation_id" = answer."conversation_id" AND q."role" = 'user' AND q."created_at" <= answer."created_at"
         ORDER BY q."created_at" DESC LIMIT 1
       ) question ON true
       WHERE answer."role" = 'assistant' AND conversation."academie" = $1
         AND answer."created_at" >= $2 AND answer."created_at" < $3
         AND answer."draft" IS NOT NULL AND answer."draft"->>'refusal' IS NULL
         AND ((answer."draft"->>'answerable')::boolean = false
              OR EXISTS (SELECT 1 FROM "feedback" f WHERE f."message_id" = answer."id" AND 'no_source' = ANY (f."reasons")))
         ${themeCondition}
       ORDER BY answer."created_at" DESC
       LIMIT $4`,
      parameters,
    )) as GapRow[];
    return rows.map((row) => ({ ...row, askedAt: new Date(row.askedAt) }));
  }
}
