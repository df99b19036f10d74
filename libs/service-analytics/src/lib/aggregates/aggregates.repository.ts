import { ANALYTICS_NO_THEME, ANALYTICS_TIME_ZONE, type AnalyticsGranularity } from '@mileva/contracts';
import type { Database } from '@mileva/persistence';

/** Users behind the figures of a cell: those who asked (usage) and those who gave feedback. */
export type Population = 'usage' | 'feedback';

export const USAGE_TYPES = ['question.asked', 'answer.delivered'] as const;
export const FEEDBACK_TYPES = ['feedback.given', 'time-saved.declared'] as const;

/** The state of the facts: recorded up to `cutoff`, and a version that changes with every new fact. */
export interface FactsVersion {
  readonly cutoff: Date;
  readonly version: string;
}

export interface AtomRow {
  readonly day: string;
  readonly academie: string;
  readonly theme: string;
  readonly population: Population;
  readonly users: readonly string[];
}

/** Raw figures of a cell (`academie`/`theme` null: every académie / every theme). */
export interface CellRow {
  readonly period: string;
  readonly academie: string | null;
  readonly theme: string | null;
  readonly usage_users: number;
  readonly feedback_users: number;
  readonly questions: number;
  readonly askers: number;
  readonly answers: number;
  readonly refused: number;
  readonly answerable: number;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly avg_sources: number | null;
  readonly unsupported: number;
  readonly feedbacks: number;
  readonly useful: number;
  readonly with_outcome: number;
  readonly sent_as_is: number;
  readonly no_source: number;
  readonly minutes: number;
  readonly declarations: number;
  readonly ingested: number;
  readonly withdrawn: number;
}

const TZ = `'${ANALYTICS_TIME_ZONE}'`;
const LIST = (types: readonly string[]) => types.map((type) => `'${type}'`).join(', ');

/**
 * The facts that count, recorded up to the cutoff ($1): every event, except that only the latest
 * feedback and time declaration on an answer count (a user may change their mind).
 */
const EFFECTIVE = `
  effective AS (
    SELECT "event_id", "type", "occurred_at", "academie", coalesce("theme", '${ANALYTICS_NO_THEME}') AS "theme", "user_hash", "payload"
    FROM "analytics_facts"
    WHERE "created_at" <= $1 AND "type" NOT IN (${LIST(FEEDBACK_TYPES)})
    UNION ALL
    (SELECT DISTINCT ON ("type", "payload"->>'answerRef') "event_id", "type", "occurred_at", "academie", coalesce("theme", '${ANALYTICS_NO_THEME}'), "user_hash", "payload"
     FROM "analytics_facts"
     WHERE "created_at" <= $1 AND "type" IN (${LIST(FEEDBACK_TYPES)})
     ORDER BY "type", "payload"->>'answerRef', "occurred_at" DESC, "event_id" DESC)
  )`;

/** Reads of `analytics_facts` for the aggregates. Time buckets are local dates of Europe/Paris. */
export class AggregatesRepository {
  constructor(private readonly database: Database) {}

  async version(): Promise<FactsVersion> {
    const [row] = (await this.database.dataSource.query(
      `SELECT now() AS "cutoff", count(*)::text AS "count", coalesce(max("created_at")::text, '') AS "latest" FROM "analytics_facts"`,
    )) as { cutoff: Date; count: string; latest: string }[];
    return { cutoff: new Date(row.cutoff), version: `${row.count}|${row.latest}` };
  }

  /** The finest grain of the user facts: day × académie × theme × population, with its distinct users. */
  async atoms(cutoff: Date): Promise<AtomRow[]> {
    return (await this.database.dataSource.query(
      `WITH ${EFFECTIVE}
       SELECT to_char(("occurred_at" AT TIME ZONE ${TZ})::date, 'YYYY-MM-DD') AS "day", "academie", "theme",
              CASE WHEN "type" IN (${LIST(USAGE_TYPES)}) THEN 'usage' ELSE 'feedback' END AS "population",
              array_agg(DISTINCT "user_hash") AS "users"
       FROM effective
       WHERE "user_hash" IS NOT NULL AND "type" IN (${LIST([...USAGE_TYPES, ...FEEDBACK_TYPES])})
       GROUP BY 1, 2, 3, 4`,
      [cutoff],
    )) as AtomRow[];
  }

  /** Figures of every cell of the periods from `from` to `to` (local days), at every académie and theme level. */
  async cells(cutoff: Date, granularity: AnalyticsGranularity, from: string, to: string, filter: { academie?: string; theme?: string }): Promise<CellRow[]> {
    const parameters: unknown[] = [cutoff, granularity, from, to];
    const conditions = [
      `"occurred_at" >= ($3::date::timestamp AT TIME ZONE ${TZ})`,
      `"occurred_at" < (($4::date + 1)::timestamp AT TIME ZONE ${TZ})`,
    ];
    if (filter.academie) {
      parameters.push(filter.academie);
      conditions.push(`"academie" = $${parameters.length}`);
    }
    if (filter.theme) {
      parameters.push(filter.theme);
      conditions.push(`"theme" = $${parameters.length}`);
    }
    const answer = `"type" = 'answer.delivered'`;
    const feedback = `"type" = 'feedback.given'`;
    const rows = (await this.database.dataSource.query(
      `WITH ${EFFECTIVE},
       scoped AS (
         SELECT *, date_trunc($2, "occurred_at" AT TIME ZONE ${TZ})::date AS "period" FROM effective WHERE ${conditions.join(' AND ')}
       )
       SELECT to_char("period", 'YYYY-MM-DD') AS "period", "academie", "theme", GROUPING("academie") AS "all_academies", GROUPING("theme") AS "all_themes",
         count(DISTINCT "user_hash") FILTER (WHERE "type" IN (${LIST(USAGE_TYPES)}))::int AS "usage_users",
         count(DISTINCT "user_hash") FILTER (WHERE "type" IN (${LIST(FEEDBACK_TYPES)}))::int AS "feedback_users",
         count(*) FILTER (WHERE "type" = 'question.asked')::int AS "questions",
         count(DISTINCT "user_hash") FILTER (WHERE "type" = 'question.asked')::int AS "askers",
         count(*) FILTER (WHERE ${answer})::int AS "answers",
         count(*) FILTER (WHERE ${answer} AND ("payload"->>'refused')::boolean)::int AS "refused",
         count(*) FILTER (WHERE ${answer} AND ("payload"->>'answerable')::boolean AND NOT ("payload"->>'refused')::boolean)::int AS "answerable",
         percentile_cont(0.5) WITHIN GROUP (ORDER BY ("payload"->>'latencyMs')::float8) FILTER (WHERE ${answer}) AS "p50",
         percentile_cont(0.95) WITHIN GROUP (ORDER BY ("payload"->>'latencyMs')::float8) FILTER (WHERE ${answer}) AS "p95",
         avg(("payload"->>'sources')::float8) FILTER (WHERE ${answer}) AS "avg_sources",
         coalesce(sum(("payload"->>'unsupportedCitations')::int) FILTER (WHERE ${answer}), 0)::int AS "unsupported",
         count(*) FILTER (WHERE ${feedback})::int AS "feedbacks",
         count(*) FILTER (WHERE ${feedback} AND ("payload"->>'useful')::boolean)::int AS "useful",
         count(*) FILTER (WHERE ${feedback} AND "payload"->>'outcome' IS NOT NULL)::int AS "with_outcome",
         count(*) FILTER (WHERE ${feedback} AND "payload"->>'outcome' = 'sent_as_is')::int AS "sent_as_is",
         count(*) FILTER (WHERE ${feedback} AND "payload"->'reasons' @> '["no_source"]'::jsonb)::int AS "no_source",
         coalesce(sum(("payload"->>'minutes')::int) FILTER (WHERE "type" = 'time-saved.declared'), 0)::int AS "minutes",
         count(*) FILTER (WHERE "type" = 'time-saved.declared' AND ("payload"->>'minutes')::int > 0)::int AS "declarations",
         count(*) FILTER (WHERE "type" = 'document.ingested')::int AS "ingested",
         count(*) FILTER (WHERE "type" = 'document.withdrawn')::int AS "withdrawn"
       FROM scoped
       GROUP BY GROUPING SETS (("period", "academie", "theme"), ("period", "academie"), ("period", "theme"), ("period"))`,
      parameters,
    )) as (CellRow & { all_academies: number; all_themes: number })[];
    return rows.map(({ all_academies, all_themes, ...row }) => ({
      ...row,
      academie: Number(all_academies) === 1 ? null : row.academie,
      theme: Number(all_themes) === 1 ? null : row.theme,
      p50: row.p50 === null ? null : Number(row.p50),
      p95: row.p95 === null ? null : Number(row.p95),
      avg_sources: row.avg_sources === null ? null : Number(row.avg_sources),
    }));
  }
}
