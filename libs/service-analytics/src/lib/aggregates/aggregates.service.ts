import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import {
  ANALYTICS_ALL,
  ANALYTICS_CONTRACT_VERSION,
  ANALYTICS_MIN_USERS,
  ANALYTICS_TIME_ZONE,
  type AggregateCell,
  type AggregatesRequest,
  type AggregatesResponse,
  type FeedbackMetrics,
  type UnansweredTheme,
  type UsageMetrics,
} from '@mileva/contracts';
import type { Database } from '@mileva/persistence';
import { MILEVA_DATABASE, ServiceError } from '@mileva/runtime';
import { AggregatesRepository, type CellRow, type Population } from './aggregates.repository';
import { periodDays, periodEnd, periodStart } from './periods';
import { cellKey, computeSuppression, type SuppressionAtom, type SuppressionResult } from './suppression';

/** Themes listed per académie in `topUnanswered`. */
const TOP_UNANSWERED = 5;
/** A snapshot is reused for at most ten times what it took to compute, and never longer than this. */
const MAX_SNAPSHOT_AGE_MS = 5 * 60_000;

/** Which cells of the whole grid are hidden, decided once for the facts recorded up to `cutoff`. */
interface Snapshot {
  readonly cutoff: Date;
  readonly version: string;
  readonly computedAt: number;
  readonly durationMs: number;
  readonly populations: Readonly<Record<Population, SuppressionResult>>;
}

/**
 * Aggregate cells with small-cell suppression. The suppression is decided on the whole grid
 * (every period of every granularity, every académie and all, every theme and all) from a
 * snapshot of the facts, and every request reads figures of the same snapshot: what a request
 * shows never depends on how it was asked, so overlapping requests reveal nothing more than each
 * one. A cell whose figures do not match the snapshot's user count (a fact recorded meanwhile
 * under the same cutoff) is hidden rather than shown unchecked.
 */
@Injectable()
export class AggregatesService {
  private readonly logger = new Logger(AggregatesService.name);
  private readonly repository: AggregatesRepository | undefined;
  private current: Snapshot | undefined;
  private computing: Promise<Snapshot> | undefined;

  constructor(@Optional() @Inject(MILEVA_DATABASE) database?: Database) {
    this.repository = database ? new AggregatesRepository(database) : undefined;
  }

  async aggregates(request: AggregatesRequest): Promise<AggregatesResponse> {
    const repository = this.required();
    const snapshot = await this.snapshot(repository);
    const { granularity } = request;
    const from = periodStart(granularity, request.from);
    const to = periodEnd(granularity, periodStart(granularity, request.to));
    const rows = await repository.cells(snapshot.cutoff, granularity, from, to, { academie: request.academie, theme: request.theme });
    const all = rows.flatMap((row) => {
      // Under a filter, the "every académie" (or "every theme") level repeats the filtered one.
      if ((request.academie && row.academie === null) || (request.theme && row.theme === null)) return [];
      return [this.toCell(snapshot, granularity, row)];
    });
    const academieLevels = (cell: AggregateCell) => request.academie !== undefined || request.by.includes('academie') || cell.academie === ANALYTICS_ALL;
    const themeLevels = (cell: AggregateCell) => request.theme !== undefined || request.by.includes('theme') || cell.theme === ANALYTICS_ALL;
    const cells = all
      .filter((cell) => academieLevels(cell) && themeLevels(cell))
      .sort((a, b) => compare(a.period, b.period) || compareLevel(a.academie, b.academie) || compareLevel(a.theme, b.theme));
    return {
      v: ANALYTICS_CONTRACT_VERSION,
      granularity,
      from,
      to,
      academie: request.academie ?? ANALYTICS_ALL,
      theme: request.theme ?? ANALYTICS_ALL,
      by: request.by,
      minUsers: ANALYTICS_MIN_USERS,
      timeZone: ANALYTICS_TIME_ZONE,
      dataAsOf: snapshot.cutoff.toISOString(),
      cells,
      topUnanswered: topUnanswered(all.filter((cell) => academieLevels(cell) && cell.theme !== ANALYTICS_ALL)),
    };
  }

  private toCell(snapshot: Snapshot, granularity: AggregatesRequest['granularity'], row: CellRow): AggregateCell {
    const academie = row.academie ?? ANALYTICS_ALL;
    const theme = row.theme ?? ANALYTICS_ALL;
    const key = cellKey(granularity, row.period, academie, theme);
    const shown = (population: Population, users: number): boolean => {
      if (users === 0) return true;
      const decided = snapshot.populations[population];
      return decided.users.get(key) === users && !decided.suppressed.has(key);
    };
    const usageShown = shown('usage', row.usage_users);
    const feedbackShown = shown('feedback', row.feedback_users);
    const usage: UsageMetrics = {
      questions: row.questions,
      users: row.askers,
      answers: row.answers,
      answerable: row.answerable,
      unanswered: row.answers - row.answerable - row.refused,
      refused: row.refused,
      answerableRate: ratio(row.answerable, row.answers - row.refused),
      latencyP50Ms: round(row.p50, 0),
      latencyP95Ms: round(row.p95, 0),
      averageSources: round(row.avg_sources, 2),
      unsupportedCitations: row.unsupported,
    };
    const feedback: FeedbackMetrics = {
      users: row.feedback_users,
      feedbacks: row.feedbacks,
      useful: row.useful,
      satisfactionRate: ratio(row.useful, row.feedbacks),
      withOutcome: row.with_outcome,
      sentAsIs: row.sent_as_is,
      sentAsIsRate: ratio(row.sent_as_is, row.with_outcome),
      noSource: row.no_source,
      minutesSaved: row.minutes,
      declarations: row.declarations,
    };
    const weeks = periodDays(granularity, row.period) / 7;
    return {
      period: row.period,
      academie,
      theme,
      usage: usageShown ? usage : null,
      usageSuppressed: !usageShown,
      feedback: feedbackShown ? feedback : null,
      feedbackSuppressed: !feedbackShown,
      hoursSavedPerUserPerWeek: usageShown && feedbackShown && row.askers > 0 ? round(row.minutes / 60 / row.askers / weeks, 2) : null,
      documents: { ingested: row.ingested, withdrawn: row.withdrawn },
    };
  }

  /** The snapshot of the facts, computed again when facts were recorded since, at a pace bounded by its cost. */
  private async snapshot(repository: AggregatesRepository): Promise<Snapshot> {
    const current = this.current;
    if (current && Date.now() - current.computedAt < Math.min(MAX_SNAPSHOT_AGE_MS, 10 * current.durationMs)) return current;
    this.computing ??= (async () => {
      const version = await repository.version();
      if (current && current.version === version.version) return current;
      const started = Date.now();
      const rows = await repository.atoms(version.cutoff);
      const populations = { usage: [] as SuppressionAtom[], feedback: [] as SuppressionAtom[] };
      const numbers = new Map<string, number>();
      for (const row of rows) {
        const users = row.users.map((hash) => {
          let number = numbers.get(hash);
          if (number === undefined) numbers.set(hash, (number = numbers.size));
          return number;
        });
        populations[row.population].push({ day: row.day, academie: row.academie, theme: row.theme, users });
      }
      const snapshot: Snapshot = {
        cutoff: version.cutoff,
        version: version.version,
        computedAt: Date.now(),
        durationMs: Date.now() - started,
        populations: { usage: computeSuppression(populations.usage, ANALYTICS_MIN_USERS), feedback: computeSuppression(populations.feedback, ANALYTICS_MIN_USERS) },
      };
      this.logger.log(`Suppression decided over ${rows.length} day cells in ${snapshot.durationMs} ms`);
      return snapshot;
    })().finally(() => (this.computing = undefined));
    const snapshot = await this.computing;
    this.current = snapshot;
    return snapshot;
  }

  private required(): AggregatesRepository {
    if (!this.repository) throw new ServiceError('UNAVAILABLE', 'Base de données des statistiques indisponible : réessayez plus tard.');
    return this.repository;
  }
}

/** Per académie level, the themes most often unanswered, from the cells shown only. */
function topUnanswered(cells: readonly AggregateCell[]): UnansweredTheme[] {
  const totals = new Map<string, UnansweredTheme>();
  for (const cell of cells) {
    if (!cell.usage) continue;
    const key = `${cell.academie}|${cell.theme}`;
    const total = totals.get(key) ?? { academie: cell.academie, theme: cell.theme, unanswered: 0, answers: 0 };
    totals.set(key, { ...total, unanswered: total.unanswered + cell.usage.unanswered, answers: total.answers + cell.usage.answers - cell.usage.refused });
  }
  const byAcademie = new Map<string, UnansweredTheme[]>();
  for (const total of totals.values()) {
    if (total.unanswered === 0) continue;
    byAcademie.set(total.academie, [...(byAcademie.get(total.academie) ?? []), total]);
  }
  return [...byAcademie.entries()]
    .sort(([a], [b]) => compareLevel(a, b))
    .flatMap(([, themes]) => themes.sort((a, b) => b.unanswered - a.unanswered || compare(a.theme, b.theme)).slice(0, TOP_UNANSWERED));
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? round(part / whole, 4) : null;
}

function round(value: number | null, digits: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `*` (every académie, every theme) first, then codes in order. */
function compareLevel(a: string, b: string): number {
  if (a === b) return 0;
  if (a === ANALYTICS_ALL) return -1;
  if (b === ANALYTICS_ALL) return 1;
  return compare(a, b);
}
