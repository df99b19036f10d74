import { corpusSubject, Subjects, type DraftEvent, type SearchResponse } from '@mileva/contracts';
import { startFakeOpenAiServer, type FakeLlmRequest, type FakeLlmServer } from '@mileva/llm/testing';
import type { Database } from '@mileva/persistence';
import { LocalTransport, loadConfig, MILEVA_DATABASE, type GenerationSettings, type MilevaConfig, type ObservedMessage } from '@mileva/runtime';
import { AskService, type AskedDraft } from '@mileva/service-gateway';
import { SearchRepository } from '@mileva/service-retrieval';
import { bytesSource, expandPaths, IngestionService, type SourceFile } from '@mileva/service-ingestion';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { startPlatform, type RunningPlatform } from '../platform';
import { BUILT_IN_BENCH_DOCUMENTS } from './bench-e2e-documents';
import { latencyFigures, type LatencyFigures } from './bench-search.command';
import { UsageError } from './ingest.command';
import { DEFAULT_PHRASE_SOURCE_DIR, workspaceRoot } from './synthetic-corpus';

export const DEFAULT_E2E_QUESTIONS = 100;
/** Wait of the local provider between receiving a request and writing its first token. */
export const DEFAULT_PROVIDER_DELAY_MS = 200;
/** Target of the orchestration overhead over the provider's first token, at the 95th percentile. */
export const ORCHESTRATION_OVERHEAD_TARGET_MS = 50;
/** Untimed questions before the timed ones of each path (caches, JIT, the provider's connection). */
const DEFAULT_WARM_UP = 5;
const SEED = 20_251;
/** The questions are asked as a user of this académie: its corpus is searched with the national one. */
const BENCH_ACADEMIE = 'lyon';
const BENCH_USER = 'bench';
const MAX_QUESTIONS = 100_000;
const MAX_PROVIDER_DELAY_MS = 60_000;
/** Model the local provider names. */
const FAKE_MODEL = 'fake-model';
/** The local provider's answer: a short reply, one word per token, after the first-token wait. */
const FAKE_ANSWER =
  'Madame, Monsieur,\n\nLes conditions applicables figurent dans les passages cités [1]. Les pièces justificatives sont transmises au service gestionnaire [1].\n\nCordialement,';

/** Question phrasings; `{}` is a title or a heading of the corpus. */
const QUESTION_TEMPLATES: readonly string[] = [
  'Quelles sont les conditions de « {} » ?',
  'Que prévoient les textes pour « {} » ?',
  'Un agent me demande des précisions sur « {} » : que lui répondre ?',
  'Quelles règles s’appliquent à « {} » ?',
  'Comment fonctionne « {} » pour un enseignant ?',
];
/** Headings that say nothing of the content: not turned into questions. */
const GENERIC_HEADING = /^(article|annexe|sommaire|table des mati|r[ée]f[ée]rences?|textes? de r[ée]f[ée]rence|pour en savoir plus|voir aussi|liens?|contacts?|introduction|pr[ée]ambule|objet)\b/i;

export interface EndToEndBenchmarkOptions {
  /**
   * Folder of documents ingested into the temporary database. Default: `../shared/corpus/docs`
   * from the workspace root, or the built-in documents when that folder is absent.
   */
  readonly docs?: string;
  /** Ingest the built-in documents whatever folder exists. */
  readonly builtInDocuments?: boolean;
  /** Timed questions of each path (default 100). */
  readonly questions?: number;
  /** Untimed questions before the timed ones of each path (default 5). */
  readonly warmUp?: number;
  /** Wait of the local provider before its first token, in milliseconds (default 200). */
  readonly providerDelayMs?: number;
  /** Seed of the questions. */
  readonly seed?: number;
  /** Folder of the temporary database (default: the system's temporary folder). */
  readonly tempDir?: string;
  /** Progress lines, in French, for stderr. */
  readonly onProgress?: (line: string) => void;
}

/** Raw command-line flags of `mileva bench e2e`, as commander gives them. */
export interface EndToEndBenchmarkFlags {
  readonly docs?: string;
  readonly questions?: string;
  readonly providerDelay?: string;
}

/** Where the time of an extractive question goes, each part measured on the in-process bus. */
export interface ExtractiveSplit {
  /** `ask()` → first search request on the bus: académie settings, excluded-use check, pseudonymization. */
  readonly prepareMs: LatencyFigures;
  /** First search request → last search reply: both corpora searched in parallel, bus hops included. */
  readonly searchMs: LatencyFigures;
  /** The retrieval service's own time: the `ms` of the slowest corpus's search response. */
  readonly retrievalMs: LatencyFigures;
  /** Last search reply → draft request on the bus: fusion of the corpora, draft request. */
  readonly handOffMs: LatencyFigures;
  /** Draft request → draft event on the bus: generation, bus hops included. */
  readonly generationMs: LatencyFigures;
  /** The generation service's own time: the `ms` of the draft it sends. */
  readonly draftingMs: LatencyFigures;
  /** Draft event on the bus → draft at the subscriber: re-filling for the asking user. */
  readonly deliveryMs: LatencyFigures;
}

/**
 * Vector access of the searches: the retrieval service builds the HNSW index at startup when the
 * database already holds vectors (up to 10,000 on the embedded database), so the first path, which
 * starts on an empty database, scans every vector, and the second one uses the index on a small corpus.
 */
export type VectorAccessUsed = 'exact' | 'hnsw';

export interface ExtractiveMeasure {
  readonly vectorAccess: VectorAccessUsed;
  /** Timed questions. */
  readonly questions: number;
  /** Questions the documents answer (the others get the "not in the documents" draft). */
  readonly answerable: number;
  /** Questions refused as an excluded use (no search, no split). */
  readonly refused: number;
  /** `ask()` → draft event at the subscriber. */
  readonly totalMs: LatencyFigures;
  /** `ask()` → first token at the subscriber. */
  readonly firstTokenMs: LatencyFigures;
  readonly split: ExtractiveSplit;
}

/** The parts of the orchestration overhead, in milliseconds (`Date.now()`, to line up with the provider's timestamps). */
export interface OverheadParts {
  /** `ask()` → first search request: académie settings, excluded-use check, pseudonymization. */
  readonly prepareMs: LatencyFigures;
  /** Search of both corpora over the bus. */
  readonly searchMs: LatencyFigures;
  /** Fusion of the corpora and draft request, up to its publication on the bus. */
  readonly handOffMs: LatencyFigures;
  /** Draft request on the bus → request at the provider: bus hop, excluded-use check, prompt building, HTTP request of the SDK. */
  readonly toProviderMs: LatencyFigures;
  /** Provider's first token written → first token at the subscriber: SDK stream parsing, bus hop, re-filling. */
  readonly backMs: LatencyFigures;
}

export interface OverheadMeasure {
  readonly vectorAccess: VectorAccessUsed;
  readonly provider: 'openai';
  /** What served as the provider. */
  readonly server: string;
  readonly model: string;
  /** Wait of the local provider before its first token. */
  readonly providerDelayMs: number;
  /** Timed questions whose draft the provider wrote. */
  readonly questions: number;
  /** Timed questions left out: the provider was not called (not answerable) or failed. */
  readonly skipped: number;
  /** `ask()` → first token at the subscriber. */
  readonly firstTokenMs: LatencyFigures;
  /** The provider's own time to first token: request received → first token written (`firstTokenAt - receivedAt`). */
  readonly providerFirstTokenMs: LatencyFigures;
  /** The difference, question by question: what MILEVA adds to the provider's first token. */
  readonly overheadMs: LatencyFigures;
  /** The overhead minus the search of the corpora, question by question: the orchestration proper (pseudonymization, bus hops, prompt, HTTP). */
  readonly overheadWithoutSearchMs: LatencyFigures;
  readonly parts: OverheadParts;
  readonly targetMs: number;
  /** The 95th percentile of the overhead is within the target. */
  readonly withinTarget: boolean;
}

export interface EndToEndBenchmark {
  readonly database: 'embedded';
  readonly machine: string;
  readonly node: string;
  readonly cores: number;
  readonly memoryGiB: number;
  /** Load average over the last minute, when the benchmark started and when it ended. */
  readonly loadAverage: { readonly start: number; readonly end: number };
  readonly embeddings: string;
  readonly corpus: {
    /** Folder ingested, or null for the built-in documents. */
    readonly folder: string | null;
    readonly documents: number;
    readonly failed: number;
    readonly chunks: number;
    readonly ingestSeconds: number;
  };
  /** Académie of the asking user: its corpus and the national one are searched. */
  readonly academie: string;
  /** Distinct questions built from the titles and headings (cycled when fewer than asked). */
  readonly distinctQuestions: number;
  readonly warmUp: number;
  readonly seed: number;
  readonly extractive: ExtractiveMeasure;
  readonly overhead: OverheadMeasure;
  /** Peak resident memory of the process, in MiB. */
  readonly peakRssMiB: number;
}

/**
 * Measures the whole question path of the standalone platform (in-process bus, embedded database):
 * ingests the documents into a fresh temporary database (removed at the end), builds questions from
 * their titles and headings, then
 * 1. asks them one after the other through {@link AskService} with the extractive composer: latency
 *    to the draft and to the first token, and where it goes (search, generation…), from what
 *    crosses the bus;
 * 2. restarts the platform with `MILEVA_LLM_PROVIDER=openai` pointing at a local OpenAI-compatible
 *    server that waits `providerDelayMs` before its first token, asks the questions the documents
 *    answer, and subtracts, question by question, the server's own time to first token from the
 *    time until the first token reaches the subscriber: the orchestration overhead.
 * Untimed warm-up questions come first in each path.
 */
export async function benchmarkEndToEnd(
  base: MilevaConfig = loadConfig({ MILEVA_LOG_LEVEL: 'warn', ...process.env }),
  options: EndToEndBenchmarkOptions = {},
): Promise<EndToEndBenchmark> {
  const questionCount = options.questions ?? DEFAULT_E2E_QUESTIONS;
  const warmUp = options.warmUp ?? DEFAULT_WARM_UP;
  const providerDelayMs = options.providerDelayMs ?? DEFAULT_PROVIDER_DELAY_MS;
  validateEndToEndBenchmarkOptions({ questions: questionCount, warmUp, providerDelayMs });
  const seed = options.seed ?? SEED;
  const progress = options.onProgress ?? (() => undefined);
  const startLoad = loadavg()[0];
  const source = await documentSource(options);

  const dataDir = await mkdtemp(join(options.tempDir ?? tmpdir(), 'mileva-bench-e2e-'));
  try {
    const dimension = base.embeddings.provider === 'hash' ? base.embeddings.dimension : 512;
    const config: MilevaConfig = {
      ...base,
      healthPort: 0,
      http: { ...base.http, port: 0, host: '127.0.0.1' },
      embeddings: { provider: 'hash', dimension },
      ingestion: { ...base.ingestion, seed: false },
      database: { ...base.database, url: undefined, dataDir },
      generation: { provider: 'extractive', timeoutMs: base.generation.timeoutMs, maxRetries: base.generation.maxRetries, maxTokens: base.generation.maxTokens },
    };

    // 1. Ingestion, questions, extractive path.
    const first = await startBenchPlatform(config, ['gateway', 'retrieval', 'generation', 'anonymization', 'ingestion']);
    let corpus: EndToEndBenchmark['corpus'];
    let questions: string[];
    let extractiveRuns: QuestionRun[];
    let firstAccess: VectorAccessUsed;
    try {
      progress(`Ingestion de ${source.label}…`);
      const started = performance.now();
      const { jobId: _jobId, aborted: _aborted, ...summary } = await first.platform.app
        .get(IngestionService)
        .runJob(source.files, { corpus: 'national' }, (event) => {
          if (event.done === event.total || event.done % 25 === 0) progress(`Ingestion : ${event.done}/${event.total} documents`);
        });
      corpus = {
        folder: source.folder,
        documents: summary.documents,
        failed: summary.failed.length,
        chunks: summary.chunks,
        ingestSeconds: round2((performance.now() - started) / 1000),
      };
      if (summary.chunks === 0) throw new UsageError(`Aucun passage ingéré depuis ${source.label} : rien à interroger.`);
      const subjects = await headingSubjects(first.platform.app.get<Database>(MILEVA_DATABASE));
      if (subjects.length === 0) throw new UsageError(`Aucun titre exploitable dans ${source.label} pour construire des questions.`);
      questions = buildQuestions(subjects, seed);
      const ask = first.platform.app.get(AskService);
      const clock = () => performance.now();
      for (const question of cycle(questions, warmUp, questionCount)) await askOnce(ask, first.timeline, question, clock);
      extractiveRuns = [];
      for (const question of cycle(questions, questionCount, 0)) {
        extractiveRuns.push(await askOnce(ask, first.timeline, question, clock));
        if (extractiveRuns.length % 20 === 0 || extractiveRuns.length === questionCount) progress(`Chemin extractif : ${extractiveRuns.length}/${questionCount} questions`);
      }
      firstAccess = await vectorAccess(first.platform, dimension);
    } finally {
      await first.close();
    }
    const extractive = { vectorAccess: firstAccess, ...extractiveMeasure(extractiveRuns) };

    // 2. Orchestration overhead over a provider's first token.
    const answered = [...new Set(extractiveRuns.filter((run) => run.draft.answerable).map((run) => run.question))];
    if (answered.length === 0) throw new UsageError('Aucune question n’a trouvé de réponse dans les documents : le fournisseur de modèle ne serait jamais appelé.');
    const server = await startFakeOpenAiServer({
      respond: () => ({ kind: 'stream', text: FAKE_ANSWER, pauseAfter: 0, resume: sleep(providerDelayMs) }),
    });
    let overhead: OverheadMeasure;
    try {
      const generation = modelGeneration(server);
      progress('Redémarrage avec le fournisseur openai local…');
      const second = await startBenchPlatform({ ...config, generation }, ['gateway', 'retrieval', 'generation', 'anonymization']);
      try {
        progress(`Surcoût d’orchestration : fournisseur openai local, premier mot après ${providerDelayMs} ms`);
        const ask = second.platform.app.get(AskService);
        const clock = () => Date.now();
        for (const question of cycle(answered, warmUp, questionCount)) await askOnce(ask, second.timeline, question, clock);
        const runs: ProviderRun[] = [];
        for (const question of cycle(answered, questionCount, 0)) {
          const before = server.requests.length;
          const run = await askOnce(ask, second.timeline, question, clock);
          runs.push({ ...run, providerRequest: server.requests.length === before + 1 ? server.requests[before] : undefined });
          if (runs.length % 20 === 0 || runs.length === questionCount) progress(`Surcoût d’orchestration : ${runs.length}/${questionCount} questions`);
        }
        overhead = { vectorAccess: await vectorAccess(second.platform, dimension), ...overheadMeasure(runs, providerDelayMs) };
      } finally {
        await second.close();
      }
    } finally {
      await server.close();
    }

    const cores = cpus().length;
    const memoryGiB = Math.round(totalmem() / 1024 ** 3);
    return {
      database: 'embedded',
      machine: `${cores} cœurs (${cpus()[0]?.model.trim() ?? 'processeur inconnu'}), ${memoryGiB} Gio, Node ${process.versions.node}`,
      node: process.versions.node,
      cores,
      memoryGiB,
      loadAverage: { start: round2(startLoad), end: round2(loadavg()[0]) },
      embeddings: `hash (${dimension} dimensions)`,
      corpus,
      academie: BENCH_ACADEMIE,
      distinctQuestions: questions.length,
      warmUp,
      seed,
      extractive,
      overhead,
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Generation settings of `MILEVA_LLM_PROVIDER=openai` pointing at the local server, read as the configuration reads them. */
function modelGeneration(server: FakeLlmServer): GenerationSettings {
  return loadConfig({ MILEVA_LLM_PROVIDER: 'openai', MILEVA_LLM_URL: server.baseUrl, MILEVA_LLM_MODEL: FAKE_MODEL, MILEVA_LLM_API_KEY: 'bench' }).generation;
}

interface DocumentSource {
  readonly files: readonly SourceFile[];
  readonly folder: string | null;
  /** In French, for progress and errors. */
  readonly label: string;
}

async function documentSource(options: EndToEndBenchmarkOptions): Promise<DocumentSource> {
  const builtIn = (): DocumentSource => ({
    files: BUILT_IN_BENCH_DOCUMENTS.map((document) => bytesSource(document.name, new TextEncoder().encode(document.markdown))),
    folder: null,
    label: `${BUILT_IN_BENCH_DOCUMENTS.length} documents intégrés`,
  });
  if (options.builtInDocuments) return builtIn();
  if (options.docs === undefined) {
    const folder = resolve(workspaceRoot(), DEFAULT_PHRASE_SOURCE_DIR);
    if (!existsSync(folder)) return builtIn();
    return { files: await expandPaths([folder]), folder, label: folder };
  }
  const info = await stat(options.docs).catch(() => undefined);
  if (!info) throw new UsageError(`--docs : dossier introuvable : ${options.docs}`);
  const files = await expandPaths([options.docs]);
  if (files.length === 0) throw new UsageError(`--docs : aucun document dans ${options.docs}.`);
  return { files, folder: options.docs, label: options.docs };
}

interface BenchPlatform {
  readonly platform: RunningPlatform;
  readonly timeline: BusTimeline;
  close(): Promise<void>;
}

async function startBenchPlatform(config: MilevaConfig, services: Parameters<typeof startPlatform>[0]['services']): Promise<BenchPlatform> {
  const transport = new LocalTransport();
  const timeline = new BusTimeline([corpusSubject(Subjects.retrieval.search, 'national'), corpusSubject(Subjects.retrieval.search, BENCH_ACADEMIE)]);
  const stop = transport.bus.observe((message) => timeline.onMessage(message));
  const platform = await startPlatform({ config, services, transport });
  return {
    platform,
    timeline,
    close: async () => {
      stop();
      await platform.close();
    },
  };
}

/** What one question went through, on the clock of its path. */
interface Stamps {
  searchRequestAt?: number;
  searchDoneAt?: number;
  /** Slowest `ms` among the search responses. */
  retrievalMs?: number;
  draftRequestAt?: number;
  draftOnBusAt?: number;
  /** `ms` of the draft the generation service sent. */
  draftingMs?: number;
}

/**
 * Stamps the messages of the question being asked as they cross the in-process bus: search
 * requests and their replies, the draft request and the draft event. Observers are called
 * synchronously by the publisher, so a stamp is the time the message was published. Questions are
 * asked one at a time, so every message belongs to the current one.
 */
class BusTimeline {
  private current: Stamps | undefined;
  private clock: () => number = () => performance.now();
  private readonly searchSubjects: ReadonlySet<string>;
  /** Reply subjects of the requests of the current question, with what they answer. */
  private readonly inboxes = new Map<string, 'search' | 'draft'>();

  constructor(searchSubjects: readonly string[]) {
    this.searchSubjects = new Set(searchSubjects);
  }

  begin(clock: () => number): Stamps {
    this.clock = clock;
    this.inboxes.clear();
    this.current = {};
    return this.current;
  }

  onMessage(message: ObservedMessage): void {
    const stamps = this.current;
    if (!stamps) return;
    const at = this.clock();
    if (this.searchSubjects.has(message.subject)) {
      stamps.searchRequestAt ??= at;
      if (message.reply) this.inboxes.set(message.reply, 'search');
      return;
    }
    if (message.subject === Subjects.generation.draft) {
      stamps.draftRequestAt ??= at;
      if (message.reply) this.inboxes.set(message.reply, 'draft');
      return;
    }
    const kind = this.inboxes.get(message.subject);
    if (!kind) return;
    const packet = decodePacket(message.data);
    if (kind === 'search') {
      stamps.searchDoneAt = at;
      const ms = (packet?.response as SearchResponse | undefined)?.ms;
      if (typeof ms === 'number') stamps.retrievalMs = Math.max(stamps.retrievalMs ?? 0, ms);
      this.inboxes.delete(message.subject);
      return;
    }
    const event = packet?.response as DraftEvent | undefined;
    if (event?.type === 'draft') {
      stamps.draftOnBusAt = at;
      stamps.draftingMs = event.draft.ms;
    }
    if (packet?.isDisposed) this.inboxes.delete(message.subject);
  }
}

/** A reply packet of the NATS transport: `{ response, err, isDisposed, id }` as JSON. */
function decodePacket(data: Uint8Array): { readonly response?: unknown; readonly isDisposed?: boolean } | undefined {
  try {
    const packet: unknown = JSON.parse(new TextDecoder().decode(data));
    return typeof packet === 'object' && packet !== null ? packet : undefined;
  } catch {
    return undefined;
  }
}

interface QuestionRun {
  readonly question: string;
  readonly startedAt: number;
  readonly firstTokenAt: number | undefined;
  readonly draftAt: number;
  readonly draft: AskedDraft;
  readonly stamps: Stamps;
}

interface ProviderRun extends QuestionRun {
  /** The request the local provider received for this question. */
  readonly providerRequest: FakeLlmRequest | undefined;
}

/** Asks one question and waits for its draft, stamping the start, the first token and the draft with `clock`. */
async function askOnce(ask: AskService, timeline: BusTimeline, question: string, clock: () => number): Promise<QuestionRun> {
  const stamps = timeline.begin(clock);
  let firstTokenAt: number | undefined;
  let draftAt: number | undefined;
  let draft: AskedDraft | undefined;
  const startedAt = clock();
  await new Promise<void>((resolvePromise, reject) => {
    ask.ask({ text: question, userId: BENCH_USER, academie: BENCH_ACADEMIE, conversationId: randomUUID() }).subscribe({
      next: (event) => {
        if (event.type === 'token') {
          if (firstTokenAt === undefined && event.text !== '') firstTokenAt = clock();
        } else {
          draftAt = clock();
          draft = event.draft;
        }
      },
      error: reject,
      complete: resolvePromise,
    });
  });
  if (!draft || draftAt === undefined) throw new Error('aucun brouillon reçu du service de génération');
  return { question, startedAt, firstTokenAt, draftAt, draft, stamps };
}

async function vectorAccess(platform: RunningPlatform, dimension: number): Promise<VectorAccessUsed> {
  return (await new SearchRepository(platform.app.get<Database>(MILEVA_DATABASE).dataSource).hasVectorIndex(dimension)) ? 'hnsw' : 'exact';
}

function extractiveMeasure(runs: readonly QuestionRun[]): Omit<ExtractiveMeasure, 'vectorAccess'> {
  const searched = runs.filter((run) => run.stamps.searchRequestAt !== undefined && run.stamps.searchDoneAt !== undefined && run.stamps.draftRequestAt !== undefined && run.stamps.draftOnBusAt !== undefined);
  const part = (pick: (run: QuestionRun, stamps: Required<Stamps>) => number): LatencyFigures => latencyFigures(searched.map((run) => pick(run, run.stamps as Required<Stamps>)));
  return {
    questions: runs.length,
    answerable: runs.filter((run) => run.draft.answerable).length,
    refused: runs.length - searched.length,
    totalMs: latencyFigures(runs.map((run) => run.draftAt - run.startedAt)),
    firstTokenMs: latencyFigures(runs.flatMap((run) => (run.firstTokenAt === undefined ? [] : [run.firstTokenAt - run.startedAt]))),
    split: {
      prepareMs: part((run, stamps) => stamps.searchRequestAt - run.startedAt),
      searchMs: part((_run, stamps) => stamps.searchDoneAt - stamps.searchRequestAt),
      retrievalMs: latencyFigures(searched.flatMap((run) => (run.stamps.retrievalMs === undefined ? [] : [run.stamps.retrievalMs]))),
      handOffMs: part((_run, stamps) => stamps.draftRequestAt - stamps.searchDoneAt),
      generationMs: part((_run, stamps) => stamps.draftOnBusAt - stamps.draftRequestAt),
      draftingMs: latencyFigures(searched.flatMap((run) => (run.stamps.draftingMs === undefined ? [] : [run.stamps.draftingMs]))),
      deliveryMs: part((run, stamps) => run.draftAt - stamps.draftOnBusAt),
    },
  };
}

/**
 * The overhead of each question whose draft the provider wrote: time from `ask()` to the first
 * token at the subscriber, minus the provider's own time from receiving the request to writing its
 * first token. Every time is `Date.now()` (the provider's timestamps are), so each figure is exact
 * to a millisecond or two.
 */
export function overheadMeasure(runs: readonly ProviderRunTimes[], providerDelayMs: number): Omit<OverheadMeasure, 'vectorAccess'> {
  const timed = runs.filter(
    (run): run is ProviderRunTimes & { firstTokenAt: number; providerRequest: { receivedAt: number; firstTokenAt: number } } =>
      run.draft.provider === 'openai' && run.firstTokenAt !== undefined && run.providerRequest?.firstTokenAt !== undefined,
  );
  const complete = timed.filter((run) => run.stamps.searchRequestAt !== undefined && run.stamps.searchDoneAt !== undefined && run.stamps.draftRequestAt !== undefined);
  const part = (pick: (run: (typeof timed)[number], stamps: Required<Pick<Stamps, 'searchRequestAt' | 'searchDoneAt' | 'draftRequestAt'>>) => number): LatencyFigures =>
    latencyFigures(complete.map((run) => pick(run, run.stamps as Required<Pick<Stamps, 'searchRequestAt' | 'searchDoneAt' | 'draftRequestAt'>>)));
  const overheadOf = (run: (typeof timed)[number]): number => run.firstTokenAt - run.startedAt - (run.providerRequest.firstTokenAt - run.providerRequest.receivedAt);
  const overheadMs = latencyFigures(timed.map(overheadOf));
  return {
    provider: 'openai',
    server: 'serveur local compatible OpenAI',
    model: FAKE_MODEL,
    providerDelayMs,
    questions: timed.length,
    skipped: runs.length - timed.length,
    firstTokenMs: latencyFigures(timed.map((run) => run.firstTokenAt - run.startedAt)),
    providerFirstTokenMs: latencyFigures(timed.map((run) => run.providerRequest.firstTokenAt - run.providerRequest.receivedAt)),
    overheadMs,
    overheadWithoutSearchMs: latencyFigures(complete.map((run) => overheadOf(run) - ((run.stamps.searchDoneAt ?? 0) - (run.stamps.searchRequestAt ?? 0)))),
    parts: {
      prepareMs: part((run, stamps) => stamps.searchRequestAt - run.startedAt),
      searchMs: part((_run, stamps) => stamps.searchDoneAt - stamps.searchRequestAt),
      handOffMs: part((_run, stamps) => stamps.draftRequestAt - stamps.searchDoneAt),
      toProviderMs: part((run, stamps) => run.providerRequest.receivedAt - stamps.draftRequestAt),
      backMs: part((run) => run.firstTokenAt - run.providerRequest.firstTokenAt),
    },
    targetMs: ORCHESTRATION_OVERHEAD_TARGET_MS,
    withinTarget: timed.length > 0 && overheadMs.p95 <= ORCHESTRATION_OVERHEAD_TARGET_MS,
  };
}

/** What {@link overheadMeasure} reads of a question asked with the provider. */
export interface ProviderRunTimes {
  /** `Date.now()` when `ask()` was called. */
  readonly startedAt: number;
  /** `Date.now()` when the first token reached the subscriber. */
  readonly firstTokenAt: number | undefined;
  readonly draft: Pick<AskedDraft, 'provider'>;
  /** `Date.now()` when the search requests and the draft request crossed the bus. */
  readonly stamps: Pick<Stamps, 'searchRequestAt' | 'searchDoneAt' | 'draftRequestAt'>;
  /** The provider's timestamps for this question's request. */
  readonly providerRequest: Pick<FakeLlmRequest, 'receivedAt' | 'firstTokenAt'> | undefined;
}

/**
 * Titles and section headings of the active national documents, as the ingester stored them in
 * the heading paths of the chunks (whatever the format), without generic ones (« Références »,
 * « Article 3 »…) and single-word section headings, which say too little to ask about.
 */
export async function headingSubjects(database: Database): Promise<string[]> {
  const rows: { heading_path: string[] }[] = await database.dataSource.query(
    `SELECT DISTINCT c.heading_path FROM chunks c JOIN documents d ON d.id = c.document_id WHERE d.corpus = 'national' AND d.status = 'active'`,
  );
  const subjects = new Map<string, string>();
  for (const row of rows) {
    row.heading_path.forEach((heading, depth) => {
      const text = heading.replace(/\s+/g, ' ').replace(/[\s:;.,!?]+$/, '').trim();
      if (text.length < 4 || text.length > 90 || GENERIC_HEADING.test(text)) return;
      if (depth > 0 && text.split(' ').filter((word) => word.length >= 3).length < 2) return;
      const key = text.toLowerCase();
      if (!subjects.has(key)) subjects.set(key, text);
    });
  }
  return [...subjects.values()].sort((a, b) => a.localeCompare(b, 'fr'));
}

/** One question per subject, in a seeded order, each with a seeded phrasing. */
export function buildQuestions(subjects: readonly string[], seed: number): string[] {
  const random = mulberry32(seed);
  const shuffled = [...subjects];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  return shuffled.map((subject) => QUESTION_TEMPLATES[Math.floor(random() * QUESTION_TEMPLATES.length)].replace('{}', subject));
}

/** `count` questions starting at `offset`, going round the list as many times as needed. */
function cycle(questions: readonly string[], count: number, offset: number): string[] {
  return Array.from({ length: count }, (_, index) => questions[(offset + index) % questions.length]);
}

/** A small seeded pseudo-random generator (mulberry32), in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolvePromise) => setTimeout(resolvePromise, ms));
}

/** Checks the options; a problem is a {@link UsageError} naming the flag. */
export function validateEndToEndBenchmarkOptions(options: { readonly questions: number; readonly warmUp: number; readonly providerDelayMs: number }): void {
  if (!Number.isInteger(options.questions) || options.questions < 1 || options.questions > MAX_QUESTIONS) {
    throw new UsageError(`--questions : nombre entier de questions de 1 à ${MAX_QUESTIONS.toLocaleString('fr-FR')} attendu (reçu : ${options.questions}).`);
  }
  if (!Number.isInteger(options.warmUp) || options.warmUp < 0) throw new UsageError(`nombre entier de questions d’échauffement positif ou nul attendu (reçu : ${options.warmUp}).`);
  if (!Number.isInteger(options.providerDelayMs) || options.providerDelayMs < 0 || options.providerDelayMs > MAX_PROVIDER_DELAY_MS) {
    throw new UsageError(`--provider-delay : nombre entier de millisecondes de 0 à ${MAX_PROVIDER_DELAY_MS.toLocaleString('fr-FR')} attendu (reçu : ${options.providerDelayMs}).`);
  }
}

/** Turns the command-line flags into options; a bad value is a {@link UsageError} naming the flag. */
export function endToEndBenchmarkOptionsFromFlags(flags: EndToEndBenchmarkFlags): EndToEndBenchmarkOptions {
  const integer = (text: string): number => (/^\s*\d[\d_ ]*\s*$/.test(text) ? Number(text.replace(/[_\s]/g, '')) : Number.NaN);
  const questions = flags.questions === undefined ? DEFAULT_E2E_QUESTIONS : integer(flags.questions);
  const providerDelayMs = flags.providerDelay === undefined ? DEFAULT_PROVIDER_DELAY_MS : integer(flags.providerDelay);
  validateEndToEndBenchmarkOptions({ questions, warmUp: DEFAULT_WARM_UP, providerDelayMs });
  return { ...(flags.docs === undefined ? {} : { docs: flags.docs }), questions, providerDelayMs };
}

/** The benchmark as French tables for the terminal. */
export function formatEndToEndBenchmark(result: EndToEndBenchmark): string {
  const ms = (value: number): string => value.toLocaleString('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const header = ['mesure', 'p50 ms', 'p95 ms', 'p99 ms', 'moyenne ms'];
  const table = (rows: readonly (readonly [string, LatencyFigures])[]): string[] => {
    const cells = [header, ...rows.map(([label, figures]) => [label, ms(figures.p50), ms(figures.p95), ms(figures.p99), ms(figures.mean)])];
    const widths = header.map((_, column) => Math.max(...cells.map((line) => line[column].length)));
    return cells.map((line) => line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd());
  };
  const { corpus, extractive, overhead } = result;
  const corpusLabel = corpus.folder === null ? 'documents intégrés' : corpus.folder;
  const within = overhead.withinTarget ? 'atteint' : 'non atteint';
  return [
    `Banc d’essai de bout en bout : base embarquée (PGlite), vectorisation ${result.embeddings}, bus interne ; questions d’un gestionnaire de l’académie ${result.academie} (corpus national et académique interrogés)`,
    `Machine : ${result.machine}, charge ${result.loadAverage.start.toLocaleString('fr-FR')} au départ et ${result.loadAverage.end.toLocaleString('fr-FR')} à la fin`,
    `Corpus : ${corpusLabel} — ${formatCount(corpus.documents)} documents (${formatCount(corpus.failed)} en échec), ${formatCount(corpus.chunks)} passages, ingérés en ${seconds(corpus.ingestSeconds)} ; ${formatCount(result.distinctQuestions)} questions distinctes tirées des titres et intertitres, ${result.warmUp} question(s) d’échauffement par chemin`,
    '',
    `Chemin extractif (sans modèle) : ${formatCount(extractive.questions)} questions posées l’une après l’autre, ${formatCount(extractive.answerable)} avec réponse dans les documents${extractive.refused > 0 ? `, ${formatCount(extractive.refused)} refusée(s)` : ''} ; vecteurs ${ACCESS_LABELS[extractive.vectorAccess]}`,
    ...table([
      ['de bout en bout (question → brouillon)', extractive.totalMs],
      ['premier mot', extractive.firstTokenMs],
      ['  préparation (pseudonymisation…)', extractive.split.prepareMs],
      ['  recherche (2 corpus, bus compris)', extractive.split.searchMs],
      ['    dont service de recherche', extractive.split.retrievalMs],
      ['  transmission à la génération', extractive.split.handOffMs],
      ['  génération (bus compris)', extractive.split.generationMs],
      ['    dont service de génération', extractive.split.draftingMs],
      ['  remise (re-remplissage)', extractive.split.deliveryMs],
    ]),
    '',
    `Surcoût d’orchestration sur le premier mot du fournisseur : openai simulé par un ${overhead.server}, premier mot ${formatCount(overhead.providerDelayMs)} ms après la requête ; ${formatCount(overhead.questions)} questions${overhead.skipped > 0 ? `, ${formatCount(overhead.skipped)} écartée(s) (fournisseur non appelé ou en échec)` : ''} ; vecteurs ${ACCESS_LABELS[overhead.vectorAccess]}`,
    ...table([
      ['question → premier mot reçu', overhead.firstTokenMs],
      ['premier mot du fournisseur', overhead.providerFirstTokenMs],
      ['surcoût d’orchestration', overhead.overheadMs],
      ['surcoût hors recherche', overhead.overheadWithoutSearchMs],
      ['  préparation (pseudonymisation…)', overhead.parts.prepareMs],
      ['  recherche (2 corpus, bus compris)', overhead.parts.searchMs],
      ['  transmission à la génération', overhead.parts.handOffMs],
      ['  bus, consignes, requête HTTP', overhead.parts.toProviderMs],
      ['  premier mot → abonné', overhead.parts.backMs],
    ]),
    '',
    `Le surcoût est, question par question, le temps jusqu’au premier mot reçu moins celui du fournisseur (de l’arrivée de sa requête à l’écriture de son premier mot). Les parties ont chacune leurs centiles : elles ne s’additionnent pas.`,
    `Objectif : surcoût ≤ ${formatCount(overhead.targetMs)} ms au p95 — ${within} (p95 ${ms(overhead.overheadMs.p95)} ms).`,
    `Mémoire maximale : ${formatCount(result.peakRssMiB)} Mio.`,
  ].join('\n');
}

const ACCESS_LABELS: Readonly<Record<VectorAccessUsed, string>> = {
  exact: 'parcourus sans index',
  hnsw: 'par l’index HNSW',
};

function seconds(value: number): string {
  return `${value.toLocaleString('fr-FR', { maximumFractionDigits: value < 10 ? 2 : 1 })} s`;
}

function formatCount(value: number): string {
  return value.toLocaleString('fr-FR');
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
