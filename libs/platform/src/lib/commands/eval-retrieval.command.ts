import { corpusSubject, Subjects, type IngestionFailure, type SearchMode, type SearchRequest, type SearchResponse } from '@mileva/contracts';
import { LocalTransport, ServiceClient, type MilevaConfig } from '@mileva/runtime';
import { expandPaths, IngestionService } from '@mileva/service-ingestion';
import { RetrievalService } from '@mileva/service-retrieval';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlatform } from '../platform';
import { readEvalQuestions, type EvalQuestion } from './eval-questions';
import { UsageError } from './ingest.command';
import { firstRelevantRank, matchesRelevant, rankDocuments, round3, scoreOutcomes, type QuestionOutcome, type RankedDocument } from './retrieval-metrics';

/** Passages asked per search: the most the contract allows, so that documents can be ranked down to 10 and beyond. */
const PASSAGES_PER_SEARCH = 50;
const DEFAULT_K = 10;
const EVAL_CORPUS = 'national';

export type RetrievalEvalStage = 'ingest' | 'search';

export interface RetrievalEvalModes {
  /** Mode evaluated (default `hybrid`). */
  readonly evaluated?: SearchMode;
  /** Mode of the baseline, with `baseline: true` (default `bm25`: plain Okapi BM25 over the unstemmed words of passage bodies). */
  readonly baseline?: SearchMode;
}

export interface RetrievalEvalOptions {
  /** JSONL file of questions (see {@link readEvalQuestions}). */
  readonly questions: string;
  /** Folder of documents to search, ingested into a temporary corpus. */
  readonly docs: string;
  /** Cut of the reported recall@k and MRR@k, from 1 to 50 (recall@1/5/10 and MRR@10 are always reported). */
  readonly k: number;
  /** Also run every question with the baseline mode, for comparison. */
  readonly baseline: boolean;
  readonly modes?: RetrievalEvalModes;
  /** Targets for CI (see {@link checkThresholds}). */
  readonly minRecall5?: number;
  readonly minMrr10?: number;
  /** Minimum of MRR@10 minus the baseline's MRR@10 (needs `baseline`). */
  readonly minMrrGain?: number;
  readonly minUnanswerableFlagged?: number;
  readonly maxAnswerableFlagged?: number;
  /** Folder where the temporary database is created (default: the system's temporary folder). */
  readonly tempDir?: string;
}

export interface RetrievalEvalScores {
  readonly mode: SearchMode;
  /** Answerable questions (the averages are over them). */
  readonly n: number;
  readonly recall1: number;
  readonly recall5: number;
  readonly recall10: number;
  readonly mrr10: number;
  /** Cut asked with `k`, and the recall and MRR at it. */
  readonly k: number;
  readonly recallK: number;
  readonly mrrK: number;
  /** Questions without a relevant document, and how many of them the search flagged as not answerable. */
  readonly unanswerable: { readonly n: number; readonly flagged: number };
  /** Answerable questions the search wrongly flagged as not answerable. */
  readonly answerableFlagged: number;
  /** Mean wall time of one search, in milliseconds. */
  readonly ms_per_query: number;
}

export interface QuestionEvalResult {
  readonly id: string;
  readonly query: string;
  readonly style?: string;
  readonly relevant: readonly string[];
  /** Rank of the first relevant document among the documents returned, or null. */
  readonly rank: number | null;
  readonly answerable: boolean;
  readonly ms: number;
  /** Source files of the first documents returned. */
  readonly top: readonly string[];
  readonly baselineRank?: number | null;
  readonly baselineAnswerable?: boolean;
}

export interface RetrievalEvalResult extends RetrievalEvalScores {
  readonly baseline?: RetrievalEvalScores;
  /** The temporary corpus searched. */
  readonly corpus: { readonly documents: number; readonly chunks: number; readonly failed: readonly IngestionFailure[] };
  readonly embeddings: string;
  /** Relevant file names that match no document of the corpus: those questions cannot be found. */
  readonly unknownRelevant: readonly string[];
  readonly perQuestion: readonly QuestionEvalResult[];
}

/** Scores as printed by `mileva eval retrieval --json`. */
export interface RetrievalEvalScoresJson {
  readonly n: number;
  readonly recall1: number;
  readonly recall5: number;
  readonly recall10: number;
  readonly mrr10: number;
  readonly unanswerable: { readonly n: number; readonly flagged: number };
  readonly ms_per_query: number;
  readonly answerable_flagged: number;
  /** Also `recall<k>` and `mrr<k>` for a cut other than 10 (e.g. `recall20`, `mrr20`). */
  readonly [cut: `recall${number}` | `mrr${number}`]: number;
}

export type RetrievalEvalJson = RetrievalEvalScoresJson & { readonly baseline?: RetrievalEvalScoresJson };

/** Raw command-line flags of `mileva eval retrieval`, as commander gives them. */
export interface RetrievalEvalFlags {
  readonly questions?: string;
  readonly docs?: string;
  readonly k?: string;
  readonly baseline?: boolean;
  readonly minRecall5?: string;
  readonly minMrr10?: string;
  readonly minMrrGain?: string;
  readonly minUnanswerableFlagged?: string;
  readonly maxAnswerableFlagged?: string;
}

/**
 * Measures retrieval on an evaluation set: ingests `docs` into a fresh temporary embedded
 * database (removed at the end; the configured database is never touched) with the configured
 * embeddings, runs every question (`k: 50` passages, ranked into documents) and scores the
 * rankings. One untimed search warms the service up before the timed ones.
 */
export async function runRetrievalEval(
  config: MilevaConfig,
  options: RetrievalEvalOptions,
  onProgress?: (done: number, total: number, stage: RetrievalEvalStage) => void,
): Promise<RetrievalEvalResult> {
  validateRetrievalEvalOptions(options);
  const questions = await readEvalQuestions(options.questions);
  const docsInfo = await stat(options.docs).catch(() => undefined);
  if (!docsInfo) throw new UsageError(`Dossier de documents introuvable : ${options.docs}`);
  const files = await expandPaths([options.docs]);
  if (files.length === 0) throw new UsageError(`Aucun document dans ${options.docs}.`);
  const evaluatedMode = options.modes?.evaluated ?? 'hybrid';
  const baselineMode = options.modes?.baseline ?? 'bm25';

  const dataDir = await mkdtemp(join(options.tempDir ?? tmpdir(), 'mileva-eval-retrieval-'));
  try {
    const platform = await startPlatform({
      config: { ...config, healthPort: 0, database: { ...config.database, url: undefined, dataDir } },
      services: ['ingestion', 'anonymization', 'retrieval'],
      transport: new LocalTransport(),
    });
    try {
      const { jobId: _jobId, aborted: _aborted, ...summary } = await platform.app
        .get(IngestionService)
        .runJob(files, { corpus: EVAL_CORPUS }, (event) => onProgress?.(event.done, event.total, 'ingest'));
      const failedNames = new Set(summary.failed.map((failure) => failure.file));
      const ingested = files.map((file) => file.sourceUri).filter((uri) => !failedNames.has(uri));
      if (ingested.length === 0) {
        const reasons = summary.failed.slice(0, 5).map((failure) => `${failure.file} : ${failure.message}`);
        throw new UsageError(`Aucun document de ${options.docs} n’a pu être ingéré.${reasons.length > 0 ? `\n${reasons.join('\n')}` : ''}`);
      }

      const client = platform.app.get(ServiceClient);
      const subject = corpusSubject(Subjects.retrieval.search, EVAL_CORPUS);
      const search = async (query: string, mode: SearchMode): Promise<{ ranking: RankedDocument[]; answerable: boolean; ms: number }> => {
        const started = performance.now();
        const response = await client.request<SearchResponse, SearchRequest>(subject, { v: 1, query, k: PASSAGES_PER_SEARCH, mode });
        return { ranking: rankDocuments(response.hits), answerable: response.answerable, ms: performance.now() - started };
      };

      // The corpus as a running service has it: word statistics and full-text index built.
      await platform.app.get(RetrievalService).prepare(EVAL_CORPUS);
      await search(questions[0].query, evaluatedMode);
      const evaluated: SearchRun[] = [];
      const baseline: SearchRun[] = [];
      for (const [index, question] of questions.entries()) {
        evaluated.push({ question, ...(await search(question.query, evaluatedMode)) });
        if (options.baseline) baseline.push({ question, ...(await search(question.query, baselineMode)) });
        onProgress?.(index + 1, questions.length, 'search');
      }

      return {
        ...scoreRuns(evaluated, evaluatedMode, options.k),
        ...(options.baseline ? { baseline: scoreRuns(baseline, baselineMode, options.k) } : {}),
        corpus: { documents: summary.documents, chunks: summary.chunks, failed: summary.failed },
        embeddings: config.embeddings.provider === 'hash' ? `hash (${config.embeddings.dimension} dimensions)` : config.embeddings.model,
        unknownRelevant: unknownRelevant(questions, ingested),
        perQuestion: evaluated.map((run, index) => questionResult(run, options.baseline ? baseline[index] : undefined)),
      };
    } finally {
      await platform.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

interface SearchRun {
  readonly question: EvalQuestion;
  readonly ranking: readonly RankedDocument[];
  readonly answerable: boolean;
  readonly ms: number;
}

function scoreRuns(runs: readonly SearchRun[], mode: SearchMode, k: number): RetrievalEvalScores {
  const outcomes: QuestionOutcome[] = runs.map((run) => ({ relevant: run.question.relevant, ranking: run.ranking, answerable: run.answerable }));
  const totalMs = runs.reduce((sum, run) => sum + run.ms, 0);
  return { mode, ...scoreOutcomes(outcomes, k), ms_per_query: round3(runs.length === 0 ? 0 : totalMs / runs.length) };
}

function questionResult(run: SearchRun, baseline: SearchRun | undefined): QuestionEvalResult {
  const { question } = run;
  return {
    id: question.id,
    query: question.query,
    ...(question.style === undefined ? {} : { style: question.style }),
    relevant: question.relevant,
    rank: question.relevant.length === 0 ? null : (firstRelevantRank(run.ranking, question.relevant) ?? null),
    answerable: run.answerable,
    ms: round3(run.ms),
    top: run.ranking.slice(0, 5).map((document) => document.sourceUri),
    ...(baseline
      ? { baselineRank: question.relevant.length === 0 ? null : (firstRelevantRank(baseline.ranking, question.relevant) ?? null), baselineAnswerable: baseline.answerable }
      : {}),
  };
}

function unknownRelevant(questions: readonly EvalQuestion[], ingested: readonly string[]): string[] {
  const names = new Set(questions.flatMap((question) => question.relevant));
  return [...names].filter((name) => !ingested.some((uri) => matchesRelevant(uri, name))).sort();
}

/** Checks the options; a problem is a {@link UsageError} naming the flag. */
export function validateRetrievalEvalOptions(options: RetrievalEvalOptions): void {
  if (!options.questions) throw new UsageError('--questions : indiquez le fichier JSONL des questions.');
  if (!options.docs) throw new UsageError('--docs : indiquez le dossier des documents à interroger.');
  if (!Number.isInteger(options.k) || options.k < 1 || options.k > PASSAGES_PER_SEARCH) {
    throw new UsageError(`--k : entier de 1 à ${PASSAGES_PER_SEARCH} attendu (reçu : ${options.k}).`);
  }
  const inRange = (flag: string, value: number | undefined, min: number, max: number): void => {
    if (value !== undefined && !(Number.isFinite(value) && value >= min && value <= max)) {
      throw new UsageError(`${flag} : nombre de ${min} à ${max} attendu (reçu : ${value}).`);
    }
  };
  inRange('--min-recall5', options.minRecall5, 0, 1);
  inRange('--min-mrr10', options.minMrr10, 0, 1);
  inRange('--min-mrr-gain', options.minMrrGain, -1, 1);
  for (const [flag, value] of [
    ['--min-unanswerable-flagged', options.minUnanswerableFlagged],
    ['--max-answerable-flagged', options.maxAnswerableFlagged],
  ] as const) {
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) throw new UsageError(`${flag} : nombre entier positif ou nul attendu (reçu : ${value}).`);
  }
  if (options.minMrrGain !== undefined && !options.baseline) {
    throw new UsageError('--min-mrr-gain compare à la référence : ajoutez --baseline.');
  }
}

/** Turns the command-line flags into options; a bad value is a {@link UsageError} naming the flag. */
export function retrievalEvalOptionsFromFlags(flags: RetrievalEvalFlags): RetrievalEvalOptions {
  const number = (flag: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    const parsed = value.trim() === '' ? Number.NaN : Number(value.replace(',', '.'));
    if (!Number.isFinite(parsed)) throw new UsageError(`${flag} : nombre attendu (reçu : ${value}).`);
    return parsed;
  };
  const options: RetrievalEvalOptions = {
    questions: flags.questions ?? '',
    docs: flags.docs ?? '',
    k: number('--k', flags.k) ?? DEFAULT_K,
    baseline: flags.baseline ?? false,
    minRecall5: number('--min-recall5', flags.minRecall5),
    minMrr10: number('--min-mrr10', flags.minMrr10),
    minMrrGain: number('--min-mrr-gain', flags.minMrrGain),
    minUnanswerableFlagged: number('--min-unanswerable-flagged', flags.minUnanswerableFlagged),
    maxAnswerableFlagged: number('--max-answerable-flagged', flags.maxAnswerableFlagged),
  };
  validateRetrievalEvalOptions(options);
  return options;
}

/** The object `mileva eval retrieval --json` prints. */
export function retrievalEvalJson(result: RetrievalEvalResult): RetrievalEvalJson {
  const { answerable_flagged, ...scores } = scoresJson(result);
  return { ...scores, ...(result.baseline ? { baseline: scoresJson(result.baseline) } : {}), answerable_flagged };
}

function scoresJson(scores: RetrievalEvalScores): RetrievalEvalScoresJson {
  return {
    n: scores.n,
    recall1: scores.recall1,
    recall5: scores.recall5,
    recall10: scores.recall10,
    mrr10: scores.mrr10,
    ...(scores.k === DEFAULT_K ? {} : { [`recall${scores.k}`]: scores.recallK, [`mrr${scores.k}`]: scores.mrrK }),
    unanswerable: { n: scores.unanswerable.n, flagged: scores.unanswerable.flagged },
    ms_per_query: scores.ms_per_query,
    answerable_flagged: scores.answerableFlagged,
  };
}

const MODE_LABELS: Readonly<Record<SearchMode, string>> = {
  hybrid: 'hybride',
  text: 'plein texte enrichi',
  vector: 'vecteurs seuls',
  bm25: 'BM25 simple (mots du texte)',
};

/** The evaluation as a French table for the terminal; with a baseline, its column and the difference and ratio. */
export function formatRetrievalEval(result: RetrievalEvalResult): string {
  const { baseline } = result;
  const figure = (value: number): string => value.toFixed(3);
  const rows: { label: string; value: (scores: RetrievalEvalScores) => number; format: (value: number) => string }[] = [
    { label: 'rappel@1', value: (scores) => scores.recall1, format: figure },
    { label: 'rappel@5', value: (scores) => scores.recall5, format: figure },
    { label: 'rappel@10', value: (scores) => scores.recall10, format: figure },
    ...(result.k === 1 || result.k === 5 || result.k === 10 ? [] : [{ label: `rappel@${result.k}`, value: (scores: RetrievalEvalScores) => scores.recallK, format: figure }]),
    { label: 'MRR@10', value: (scores) => scores.mrr10, format: figure },
    ...(result.k === 10 ? [] : [{ label: `MRR@${result.k}`, value: (scores: RetrievalEvalScores) => scores.mrrK, format: figure }]),
    { label: `sans réponse détectées (sur ${result.unanswerable.n})`, value: (scores) => scores.unanswerable.flagged, format: String },
    { label: 'avec réponse signalées sans réponse', value: (scores) => scores.answerableFlagged, format: String },
    { label: 'ms par requête', value: (scores) => scores.ms_per_query, format: (value) => value.toFixed(1) },
  ];
  const header = ['mesure', MODE_LABELS[result.mode], ...(baseline ? [MODE_LABELS[baseline.mode], 'écart', 'ratio'] : [])];
  const table = [
    header,
    ...rows.map((row) => {
      const value = row.value(result);
      if (!baseline) return [row.label, row.format(value)];
      const reference = row.value(baseline);
      const difference = round3(value - reference);
      return [row.label, row.format(value), row.format(reference), `${difference >= 0 ? '+' : '−'}${row.format(Math.abs(difference))}`, reference > 0 ? `×${(value / reference).toFixed(2)}` : '—'];
    }),
  ];
  const widths = header.map((_, column) => Math.max(...table.map((cells) => cells[column].length)));
  const lines = [
    `Évaluation de la recherche : ${result.n} question(s) avec réponse, ${result.unanswerable.n} sans réponse`,
    `Corpus temporaire : ${result.corpus.documents} document(s), ${result.corpus.chunks} passage(s), ${result.corpus.failed.length} en échec ; vectorisation : ${result.embeddings}`,
    '',
    ...table.map((cells) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()),
  ];
  if (result.corpus.failed.length > 0) {
    lines.push('', 'Documents en échec :', ...result.corpus.failed.map((failure) => `  ✗ ${failure.file} [${failure.code}] ${failure.message}`));
  }
  if (result.unknownRelevant.length > 0) {
    lines.push('', `Attention : ${result.unknownRelevant.length} document(s) attendu(s) absent(s) du corpus (les questions concernées ne peuvent pas être trouvées) :`);
    lines.push(...result.unknownRelevant.map((name) => `  ${name}`));
  }
  return lines.join('\n');
}

/** Targets not met, as French messages (empty when every target asked for is met). */
export function checkThresholds(result: RetrievalEvalResult, options: RetrievalEvalOptions): string[] {
  const messages: string[] = [];
  const figure = (value: number): string => value.toFixed(3);
  const signed = (value: number): string => `${value >= 0 ? '+' : '−'}${figure(Math.abs(value))}`;
  if (options.minRecall5 !== undefined && result.recall5 < options.minRecall5) {
    messages.push(`rappel@5 : ${figure(result.recall5)}, sous le minimum demandé (${figure(options.minRecall5)}).`);
  }
  if (options.minMrr10 !== undefined && result.mrr10 < options.minMrr10) {
    messages.push(`MRR@10 : ${figure(result.mrr10)}, sous le minimum demandé (${figure(options.minMrr10)}).`);
  }
  if (options.minMrrGain !== undefined) {
    if (!result.baseline) {
      messages.push('gain de MRR@10 sur la référence non mesuré : relancez avec --baseline.');
    } else {
      const gain = round3(result.mrr10 - result.baseline.mrr10);
      if (gain < options.minMrrGain) {
        messages.push(`gain de MRR@10 sur ${MODE_LABELS[result.baseline.mode]} : ${signed(gain)}, sous le minimum demandé (${signed(options.minMrrGain)}).`);
      }
    }
  }
  if (options.minUnanswerableFlagged !== undefined && result.unanswerable.flagged < options.minUnanswerableFlagged) {
    messages.push(
      `questions sans réponse détectées : ${result.unanswerable.flagged} sur ${result.unanswerable.n}, sous le minimum demandé (${options.minUnanswerableFlagged}).`,
    );
  }
  if (options.maxAnswerableFlagged !== undefined && result.answerableFlagged > options.maxAnswerableFlagged) {
    messages.push(`questions avec réponse signalées sans réponse : ${result.answerableFlagged}, au-dessus du maximum autorisé (${options.maxAnswerableFlagged}).`);
  }
  return messages;
}

/**
 * Progress for a terminal or a log: a line on `write` every 10 % of each stage
 * (ingestion, then searches), and at the end of each.
 */
export function createRetrievalEvalProgress(write: (line: string) => void): (done: number, total: number, stage: RetrievalEvalStage) => void {
  const lastPercent: Record<RetrievalEvalStage, number> = { ingest: -1, search: -1 };
  return (done, total, stage) => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (percent < lastPercent[stage] + 10 && done < total) return;
    if (percent === lastPercent[stage]) return;
    lastPercent[stage] = percent;
    write(stage === 'ingest' ? `Ingestion : ${done}/${total} document(s) (${percent} %)` : `Recherche : ${done}/${total} question(s) (${percent} %)`);
  };
}
