/** What ranking needs of a search hit. */
export interface RankableHit {
  readonly documentId: string;
  readonly sourceUri: string;
}

/** A document in a ranking, in the order its first passage came. */
export interface RankedDocument {
  readonly documentId: string;
  readonly sourceUri: string;
}

/** One question of an evaluation and what the search returned for it. */
export interface QuestionOutcome {
  /** Relevant file names, most relevant first; empty for a question the corpus cannot answer. */
  readonly relevant: readonly string[];
  /** Documents returned, best first (see {@link rankDocuments}). */
  readonly ranking: readonly RankedDocument[];
  /** Whether the search said the corpus likely answers the question. */
  readonly answerable: boolean;
}

/** Scores of a set of outcomes; averages are over answerable questions only. */
export interface RetrievalScores {
  /** Answerable questions (at least one relevant document). */
  readonly n: number;
  readonly recall1: number;
  readonly recall5: number;
  readonly recall10: number;
  readonly mrr10: number;
  /** Recall and MRR at the cut asked for. */
  readonly k: number;
  readonly recallK: number;
  readonly mrrK: number;
  /** Questions without a relevant document, and how many of them the search flagged as not answerable. */
  readonly unanswerable: { readonly n: number; readonly flagged: number };
  /** Answerable questions the search wrongly flagged as not answerable. */
  readonly answerableFlagged: number;
}

/**
 * Turns passages into a document ranking: one entry per document, in the order of its first
 * passage (several passages of one document count once, at the rank of the best).
 */
export function rankDocuments(hits: readonly RankableHit[]): RankedDocument[] {
  const seen = new Set<string>();
  const ranking: RankedDocument[] = [];
  for (const hit of hits) {
    if (seen.has(hit.documentId)) continue;
    seen.add(hit.documentId);
    ranking.push({ documentId: hit.documentId, sourceUri: hit.sourceUri });
  }
  return ranking;
}

/**
 * Whether a document's source matches a relevant file name. Only the file names are compared
 * (folders are ignored), exactly or once their extension is removed: a fiche kept as both
 * `.md` and `.xml` is the same fiche, and a match on either copy counts.
 */
export function matchesRelevant(sourceUri: string, relevant: string): boolean {
  const document = fileName(sourceUri);
  const expected = fileName(relevant);
  return document === expected || stem(document) === stem(expected);
}

/** 1-based rank of the first relevant document within the first `k`, or undefined. */
export function firstRelevantRank(ranking: readonly RankedDocument[], relevant: readonly string[], k = ranking.length): number | undefined {
  const index = ranking.slice(0, k).findIndex((document) => relevant.some((name) => matchesRelevant(document.sourceUri, name)));
  return index < 0 ? undefined : index + 1;
}

/** Share of answerable questions with at least one relevant document in the first `k` (0 when there is none). */
export function recallAtK(outcomes: readonly QuestionOutcome[], k: number): number {
  return mean(answerable(outcomes).map((outcome) => (firstRelevantRank(outcome.ranking, outcome.relevant, k) === undefined ? 0 : 1)));
}

/** Mean reciprocal rank of the first relevant document within the first `k` (0 beyond), over answerable questions. */
export function mrrAtK(outcomes: readonly QuestionOutcome[], k: number): number {
  return mean(
    answerable(outcomes).map((outcome) => {
      const rank = firstRelevantRank(outcome.ranking, outcome.relevant, k);
      return rank === undefined ? 0 : 1 / rank;
    }),
  );
}

/** Unanswerable questions, and how many the search flagged as such. */
export function unanswerableCounts(outcomes: readonly QuestionOutcome[]): { n: number; flagged: number } {
  const unanswerable = outcomes.filter((outcome) => outcome.relevant.length === 0);
  return { n: unanswerable.length, flagged: unanswerable.filter((outcome) => !outcome.answerable).length };
}

/** Answerable questions the search wrongly flagged as not answerable. */
export function answerableFlaggedCount(outcomes: readonly QuestionOutcome[]): number {
  return answerable(outcomes).filter((outcome) => !outcome.answerable).length;
}

/** Every score at once, rounded to 3 decimals. */
export function scoreOutcomes(outcomes: readonly QuestionOutcome[], k = 10): RetrievalScores {
  return {
    n: answerable(outcomes).length,
    recall1: round3(recallAtK(outcomes, 1)),
    recall5: round3(recallAtK(outcomes, 5)),
    recall10: round3(recallAtK(outcomes, 10)),
    mrr10: round3(mrrAtK(outcomes, 10)),
    k,
    recallK: round3(recallAtK(outcomes, k)),
    mrrK: round3(mrrAtK(outcomes, k)),
    unanswerable: unanswerableCounts(outcomes),
    answerableFlagged: answerableFlaggedCount(outcomes),
  };
}

export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function answerable(outcomes: readonly QuestionOutcome[]): QuestionOutcome[] {
  return outcomes.filter((outcome) => outcome.relevant.length > 0);
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function fileName(path: string): string {
  return (path.split(/[/\\]/).pop() ?? path).trim().normalize('NFC');
}

function stem(name: string): string {
  return name.replace(/\.[^.]+$/, '');
}
