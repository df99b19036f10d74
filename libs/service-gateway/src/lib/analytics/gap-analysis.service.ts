import { HttpException, HttpStatus, Inject, Injectable, Optional } from '@nestjs/common';
import { ANALYTICS_NO_THEME, type GapCluster, type GapReport, type GapTheme } from '@mileva/contracts';
import type { EmbeddingProvider } from '@mileva/embeddings';
import type { Database } from '@mileva/persistence';
import { MILEVA_DATABASE, MILEVA_EMBEDDINGS } from '@mileva/runtime';
import { GapRepository, type GapRow } from './gap.repository';
import { clusterByMeaning } from './question-clusters';

/** Questions grouped at most (the most recent ones). */
export const GAP_QUESTIONS_MAX = 500;
/** Period looked at when none is given. */
const DEFAULT_DAYS = 90;
const EXAMPLES = 3;
/**
 * Similarity from which two questions are grouped. Hashed n-grams give paraphrases sharing their
 * words 0.5–0.8 and unrelated questions under 0.2; model embeddings sit higher across the board.
 */
const THRESHOLD_HASHED = 0.35;
const THRESHOLD_MODEL = 0.75;

export interface GapQuery {
  readonly from?: string;
  readonly to?: string;
  readonly theme?: string;
}

/**
 * What the documents of an académie miss, for its experts: the questions the documents did not
 * answer or that users rated « pas de source », by theme and grouped by meaning with the
 * configured embedding provider. Everything is read from the académie's stored conversations
 * (pseudonymized), so it goes with them at the end of their retention.
 */
@Injectable()
export class GapAnalysisService {
  private readonly repository: GapRepository | undefined;

  constructor(
    @Inject(MILEVA_EMBEDDINGS) private readonly embeddings: EmbeddingProvider,
    @Optional() @Inject(MILEVA_DATABASE) database?: Database,
  ) {
    this.repository = database ? new GapRepository(database) : undefined;
  }

  async report(academie: string, query: GapQuery, now = new Date()): Promise<GapReport> {
    if (!this.repository) throw new HttpException({ code: 'UNAVAILABLE', message: 'Base de données indisponible : réessayez plus tard.' }, HttpStatus.SERVICE_UNAVAILABLE);
    const to = query.to ?? now.toISOString().slice(0, 10);
    const from = query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
    const rows = await this.repository.gaps(academie, new Date(`${from}T00:00:00Z`), new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000), query.theme, GAP_QUESTIONS_MAX);
    const vectors = rows.length > 0 ? await this.embeddings.embed(rows.map((row) => row.question), 'query') : [];
    // Oldest first, so that groups start from the questions asked first.
    const items = rows.map((row, index) => ({ item: row, vector: vectors[index] })).reverse();
    const threshold = this.embeddings.id.startsWith('hash-') ? THRESHOLD_HASHED : THRESHOLD_MODEL;
    const clusters = clusterByMeaning(items, threshold).map(({ members, representative }): GapCluster => {
      const recent = [...members].sort((a, b) => b.askedAt.getTime() - a.askedAt.getTime());
      return {
        theme: mostCommon(members.map((row) => row.theme)),
        questions: members.length,
        users: new Set(members.map((row) => row.userHash)).size,
        unanswerable: members.filter((row) => row.unanswerable).length,
        noSource: members.filter((row) => row.noSource).length,
        representative: representative.question,
        examples: unique(recent.filter((row) => row !== representative).map((row) => row.question), representative.question).slice(0, EXAMPLES),
        firstAskedAt: recent[recent.length - 1].askedAt.toISOString(),
        lastAskedAt: recent[0].askedAt.toISOString(),
      };
    });
    return { academie, from, to, questions: rows.length, themes: themesOf(rows), clusters, embeddings: this.embeddings.id };
  }
}

function themesOf(rows: readonly GapRow[]): GapTheme[] {
  const themes = new Map<string, GapTheme>();
  for (const row of rows) {
    const theme = themes.get(row.theme) ?? { theme: row.theme, questions: 0, unanswerable: 0, noSource: 0 };
    themes.set(row.theme, {
      theme: row.theme,
      questions: theme.questions + 1,
      unanswerable: theme.unanswerable + (row.unanswerable ? 1 : 0),
      noSource: theme.noSource + (row.noSource ? 1 : 0),
    });
  }
  return [...themes.values()].sort((a, b) => b.questions - a.questions || (a.theme < b.theme ? -1 : 1));
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] === ANALYTICS_NO_THEME ? 1 : b[0] === ANALYTICS_NO_THEME ? -1 : a[0] < b[0] ? -1 : 1))[0][0];
}

/** Texts once each, without `except`. */
function unique(texts: readonly string[], except: string): string[] {
  return [...new Set(texts)].filter((text) => text !== except);
}
