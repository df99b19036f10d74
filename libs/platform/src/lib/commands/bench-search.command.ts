import type { SearchMode } from '@mileva/contracts';
import { openDatabase, type Database } from '@mileva/persistence';
import { LocalTransport, loadConfig, MILEVA_DATABASE, type MilevaConfig } from '@mileva/runtime';
import { RetrievalService, SearchRepository } from '@mileva/service-retrieval';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { startPlatform, type RunningPlatform } from '../platform';
import { UsageError } from './ingest.command';
import { buildSyntheticCorpus, syntheticQueries } from './synthetic-corpus';

export type SearchBenchmarkIndex = 'exact' | 'hnsw' | 'both';
export type VectorAccess = 'exact' | 'hnsw';

export const DEFAULT_SEARCH_BENCHMARK_SIZES: readonly number[] = [10_000, 100_000];
export const DEFAULT_SEARCH_BENCHMARK_QUERIES = 200;

/** Corpus code of the synthetic corpus. */
const BENCH_CORPUS = 'bench';
/** Passages asked per search, as the portal asks. */
const K = 10;
/** Modes measured, in this order. */
const MODES: readonly SearchMode[] = ['hybrid', 'text', 'vector'];
/** Untimed searches before the timed ones of each mode. */
const WARM_UP_QUERIES = 3;
/** Candidate list of the HNSW search: the retrieval service asks 100 candidates per ranking. */
const HNSW_EF_SEARCH = 100;
/** Dimension of the hashed embeddings when the configured provider is not the hashed one. */
const DEFAULT_DIMENSION = 512;
const SEED = 20_251;
/** Largest corpus accepted: beyond, the embedded database runs out of memory. */
const MAX_SIZE = 1_000_000;

export interface SearchBenchmarkOptions {
  /** Corpus sizes in chunks (default 10,000 and 100,000). */
  readonly sizes?: readonly number[];
  /** Timed queries per mode (default 200). */
  readonly queries?: number;
  /** Vector access measured: exact scan, HNSW index, or both (default). */
  readonly index?: SearchBenchmarkIndex;
  /** Seed of the corpus and the queries. */
  readonly seed?: number;
  /** Progress lines, in French, for stderr. */
  readonly onProgress?: (line: string) => void;
}

/** Latency of the searches of one mode, in milliseconds. */
export interface LatencyFigures {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly mean: number;
}

export interface ModeMeasure {
  readonly mode: SearchMode;
  /** Timed searches. */
  readonly queries: number;
  readonly latencyMs: LatencyFigures;
  /** Mean passages returned per search (at most `k`). */
  readonly meanHits: number;
}

export interface AccessMeasure {
  readonly index: VectorAccess;
  /** Time to build the HNSW index on the filled table, in seconds (HNSW only). */
  readonly buildSeconds?: number;
  /** The planner uses the HNSW index for the vector ranking (HNSW only; from `EXPLAIN`). */
  readonly indexUsed?: boolean;
  readonly modes: readonly ModeMeasure[];
  /**
   * Share of the exact top-10 passages that the HNSW search also returns, in vector mode, averaged
   * over the queries (HNSW, when the exact scan was measured too).
   */
  readonly recallAt10?: number;
}

export interface SizeMeasure {
  readonly chunks: number;
  readonly documents: number;
  /** Building the synthetic corpus (texts, embeddings, INSERTs, ANALYZE), in seconds. */
  readonly insertSeconds: number;
  /** Part of it computing embeddings, in seconds. */
  readonly embeddingSeconds: number;
  readonly chunksPerSecond: number;
  /** Preparing the corpus for search (word statistics and in-memory full-text index) and the warm-up searches, in seconds; not in the figures. */
  readonly prepareSeconds: number;
  readonly runs: readonly AccessMeasure[];
  /** Peak resident memory of the process since it started, after this size, in MiB. */
  readonly peakRssMiB: number;
}

export interface SearchBenchmark {
  readonly database: 'embedded' | 'postgres';
  readonly machine: string;
  readonly node: string;
  readonly cores: number;
  readonly memoryGiB: number;
  /** Load average of the machine over the last minute, when the benchmark started and when it ended: other work skews the figures. */
  readonly loadAverage: { readonly start: number; readonly end: number };
  readonly embeddings: string;
  readonly queries: number;
  readonly k: number;
  /** Versions of Postgres and pgvector. */
  readonly server: { readonly postgres: string; readonly pgvector: string };
  /** HNSW settings of the session during the HNSW searches. */
  readonly hnsw: { readonly efSearch: number; readonly iterativeScan: string | null };
  readonly maintenanceWorkMem: string;
  readonly sizes: readonly SizeMeasure[];
  /** Peak resident memory of the process, in MiB. */
  readonly peakRssMiB: number;
}

/** Raw command-line flags of `mileva bench search`, as commander gives them. */
export interface SearchBenchmarkFlags {
  readonly sizes?: string;
  readonly queries?: string;
  readonly index?: string;
}

/**
 * Measures search latency against corpus size, with an exact vector scan and with an HNSW index.
 * For each size: a fresh database (a temporary embedded one; with `MILEVA_DATABASE_URL`, a
 * temporary schema of that Postgres, dropped at the end), filled with a synthetic corpus; the same
 * queries are run through {@link RetrievalService.search} in hybrid, text and vector modes, first
 * with the exact scan, then after building the HNSW index. Warm-up searches are not timed.
 */
export async function benchmarkSearch(
  base: MilevaConfig = loadConfig({ MILEVA_LOG_LEVEL: 'warn', ...process.env }),
  options: SearchBenchmarkOptions = {},
): Promise<SearchBenchmark> {
  const sizes = options.sizes ?? DEFAULT_SEARCH_BENCHMARK_SIZES;
  const queryCount = options.queries ?? DEFAULT_SEARCH_BENCHMARK_QUERIES;
  const index = options.index ?? 'both';
  validateSearchBenchmarkOptions({ sizes, queries: queryCount, index });
  const progress = options.onProgress ?? (() => undefined);
  const startLoad = loadavg()[0];
  const seed = options.seed ?? SEED;
  const dimension = base.embeddings.provider === 'hash' ? base.embeddings.dimension : DEFAULT_DIMENSION;
  const accesses: readonly VectorAccess[] = index === 'both' ? ['exact', 'hnsw'] : [index];
  const queries = syntheticQueries(queryCount + WARM_UP_QUERIES, seed);
  const warmUp = queries.slice(0, WARM_UP_QUERIES);
  const timed = queries.slice(WARM_UP_QUERIES);

  const measures: SizeMeasure[] = [];
  let iterativeScan: string | null = null;
  let maintenanceWorkMem = '';
  let server = { postgres: '', pgvector: '' };
  for (const size of sizes) {
    await withBenchDatabase(base, dimension, async (platform, dataSource) => {
      progress(`${formatCount(size)} passages : construction du corpus synthétique…`);
      const corpus = await buildSyntheticCorpus(dataSource, {
        chunks: size,
        corpus: BENCH_CORPUS,
        dimension,
        seed,
        onProgress: (done, total) => progress(`${formatCount(size)} passages : ${formatCount(done)}/${formatCount(total)} insérés`),
      });
      progress(`${formatCount(size)} passages : corpus construit en ${seconds(corpus.seconds)}`);
      maintenanceWorkMem = await show(dataSource, 'maintenance_work_mem');
      server = await versions(dataSource);
      const retrieval = platform.app.get(RetrievalService);
      progress(`${formatCount(size)} passages : préparation de la recherche (statistiques, index plein texte)…`);
      const prepareStarted = performance.now();
      await retrieval.prepare(BENCH_CORPUS);
      for (const query of warmUp) await retrieval.search(BENCH_CORPUS, { query, k: K });
      const prepareSeconds = round2((performance.now() - prepareStarted) / 1000);

      const runs: AccessMeasure[] = [];
      let exactVectorHits: string[][] | undefined;
      for (const access of accesses) {
        let buildSeconds: number | undefined;
        if (access === 'hnsw') {
          progress(`${formatCount(size)} passages : construction de l’index HNSW…`);
          const started = performance.now();
          await new SearchRepository(dataSource).ensureVectorIndex(dimension);
          buildSeconds = round2((performance.now() - started) / 1000);
          progress(`${formatCount(size)} passages : index HNSW construit en ${seconds(buildSeconds)}`);
          iterativeScan = await applyHnswSettings(dataSource);
        }
        const { modes, vectorHits } = await measureModes(retrieval, { warmUp, timed, access, size, progress, before: access === 'hnsw' ? () => applyHnswSettings(dataSource) : undefined });
        const indexUsed = access === 'hnsw' ? await new SearchRepository(dataSource).vectorSearchUsesIndex({ corpus: BENCH_CORPUS, date: new Date().toISOString().slice(0, 10) }, corpus.embeddingModel, dimension) : undefined;
        const recallAt10 = access === 'hnsw' && exactVectorHits ? overlap(exactVectorHits, vectorHits) : undefined;
        if (access === 'exact') exactVectorHits = vectorHits;
        runs.push({ index: access, ...(buildSeconds === undefined ? {} : { buildSeconds }), ...(indexUsed === undefined ? {} : { indexUsed }), modes, ...(recallAt10 === undefined ? {} : { recallAt10 }) });
      }
      measures.push({
        chunks: corpus.chunks,
        documents: corpus.documents,
        insertSeconds: corpus.seconds,
        embeddingSeconds: corpus.embeddingSeconds,
        chunksPerSecond: Math.round(corpus.chunks / Math.max(corpus.seconds, 0.001)),
        prepareSeconds,
        runs,
        peakRssMiB: peakRssMiB(),
      });
    });
  }

  const cores = cpus().length;
  const memoryGiB = Math.round(totalmem() / 1024 ** 3);
  return {
    database: base.database.url ? 'postgres' : 'embedded',
    machine: `${cores} cœurs (${cpus()[0]?.model.trim() ?? 'processeur inconnu'}), ${memoryGiB} Gio, Node ${process.versions.node}`,
    node: process.versions.node,
    cores,
    memoryGiB,
    loadAverage: { start: round2(startLoad), end: round2(loadavg()[0]) },
    embeddings: `hash (${dimension} dimensions)`,
    queries: queryCount,
    k: K,
    server,
    hnsw: { efSearch: HNSW_EF_SEARCH, iterativeScan },
    maintenanceWorkMem,
    sizes: measures,
    peakRssMiB: peakRssMiB(),
  };
}

/** Runs the warm-up then the timed queries in each mode; returns the figures and the chunk ids of the vector searches. */
async function measureModes(
  retrieval: RetrievalService,
  run: {
    readonly warmUp: readonly string[];
    readonly timed: readonly string[];
    readonly access: VectorAccess;
    readonly size: number;
    readonly progress: (line: string) => void;
    /** Called before each mode (session settings). */
    readonly before?: () => Promise<unknown>;
  },
): Promise<{ modes: ModeMeasure[]; vectorHits: string[][] }> {
  const label = `${formatCount(run.size)} passages : ${ACCESS_LABELS[run.access]}`;
  const modes: ModeMeasure[] = [];
  let vectorHits: string[][] = [];
  for (const mode of MODES) {
    run.progress(`${label}, mode ${MODE_LABELS[mode]}…`);
    await run.before?.();
    for (const query of run.warmUp) await retrieval.search(BENCH_CORPUS, { query, k: K, mode });
    const durations: number[] = [];
    const hits: string[][] = [];
    for (const query of run.timed) {
      const started = performance.now();
      const response = await retrieval.search(BENCH_CORPUS, { query, k: K, mode });
      durations.push(performance.now() - started);
      hits.push(response.hits.map((hit) => hit.chunkId));
    }
    if (mode === 'vector') vectorHits = hits;
    const latencyMs = latencyFigures(durations);
    modes.push({ mode, queries: durations.length, latencyMs, meanHits: round2(mean(hits.map((list) => list.length))) });
    run.progress(`${label}, mode ${MODE_LABELS[mode]} : p50 ${latencyMs.p50.toLocaleString('fr-FR')} ms, p95 ${latencyMs.p95.toLocaleString('fr-FR')} ms`);
  }
  return { modes, vectorHits };
}

/**
 * Runs `work` on a fresh database hosting the retrieval service: a temporary embedded database, or
 * a temporary schema of the configured Postgres (first on the `search_path`, so the migrations
 * create the tables there); removed afterwards. One connection, so that session settings hold.
 */
async function withBenchDatabase(base: MilevaConfig, dimension: number, work: (platform: RunningPlatform, dataSource: DataSource) => Promise<void>): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'mileva-bench-search-'));
  const schema = `mileva_bench_${process.pid}_${Date.now()}`;
  const url = base.database.url;
  try {
    if (url) await onPostgres(url, dataDir, `CREATE SCHEMA ${schema}`);
    const config: MilevaConfig = {
      ...base,
      healthPort: 0,
      embeddings: { provider: 'hash', dimension },
      ingestion: { ...base.ingestion, seed: false },
      database: { url: url ? withSearchPath(url, schema) : undefined, dataDir, poolSize: 1 },
    };
    const platform = await startPlatform({ config, services: ['retrieval'], transport: new LocalTransport() });
    try {
      const dataSource = platform.app.get<Database>(MILEVA_DATABASE).dataSource;
      // The retrieval service creates the HNSW index on the empty table at startup; the exact scan
      // is measured without it, and the index is built on the full corpus for the HNSW measure.
      await dataSource.query(`DROP INDEX IF EXISTS ${SearchRepository.vectorIndexName(dimension)}`);
      await work(platform, dataSource);
    } finally {
      await platform.close();
    }
  } finally {
    if (url) await onPostgres(url, dataDir, `DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function onPostgres(url: string, dataDir: string, statement: string): Promise<void> {
  const database = await openDatabase({ url, dataDir, poolSize: 1, runMigrations: false, applicationName: 'mileva-bench' });
  try {
    await database.dataSource.query(statement);
  } finally {
    await database.close();
  }
}

/** The URL with `schema` first on the `search_path` of every connection (libpq `options`). */
function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  const options = parsed.searchParams.get('options');
  parsed.searchParams.set('options', `${options ? `${options} ` : ''}-c search_path=${schema},public`);
  return parsed.toString();
}

/**
 * Candidate list of 100 (the candidates the service asks for) and, where pgvector has it (0.8+),
 * iterative scans, so that the corpus and validity filters applied after the index do not leave
 * fewer results than asked. Returns the iterative scan mode set, or null.
 */
async function applyHnswSettings(dataSource: DataSource): Promise<string | null> {
  await dataSource.query(`SET hnsw.ef_search = ${HNSW_EF_SEARCH}`);
  try {
    await dataSource.query(`SET hnsw.iterative_scan = relaxed_order`);
    return await show(dataSource, 'hnsw.iterative_scan');
  } catch {
    return null;
  }
}

async function versions(dataSource: DataSource): Promise<SearchBenchmark['server']> {
  const rows: { postgres: string; pgvector: string | null }[] = await dataSource.query(
    `SELECT current_setting('server_version') AS postgres, (SELECT extversion FROM pg_extension WHERE extname = 'vector') AS pgvector`,
  );
  return { postgres: rows[0]?.postgres ?? '', pgvector: rows[0]?.pgvector ?? '' };
}

async function show(dataSource: DataSource, setting: string): Promise<string> {
  const rows: { value: string }[] = await dataSource.query(`SELECT current_setting($1) AS value`, [setting]);
  return rows[0]?.value ?? '';
}

/** Nearest-rank percentiles and mean, in milliseconds rounded to 0.1. */
export function latencyFigures(durations: readonly number[]): LatencyFigures {
  if (durations.length === 0) return { p50: 0, p95: 0, p99: 0, mean: 0 };
  const sorted = [...durations].sort((a, b) => a - b);
  const percentile = (q: number): number => round1(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]);
  return { p50: percentile(0.5), p95: percentile(0.95), p99: percentile(0.99), mean: round1(mean(sorted)) };
}

/** Mean share of each reference list found in the other list of the same query (lists without reference are skipped). */
function overlap(reference: readonly (readonly string[])[], candidate: readonly (readonly string[])[]): number {
  const shares = reference
    .map((expected, index) => ({ expected, found: new Set(candidate[index] ?? []) }))
    .filter(({ expected }) => expected.length > 0)
    .map(({ expected, found }) => expected.filter((id) => found.has(id)).length / expected.length);
  return shares.length === 0 ? 0 : Math.round(mean(shares) * 1000) / 1000;
}

/** Checks the options; a problem is a {@link UsageError} naming the flag. */
export function validateSearchBenchmarkOptions(options: { readonly sizes: readonly number[]; readonly queries: number; readonly index: string }): void {
  if (options.sizes.length === 0) throw new UsageError('--sizes : indiquez au moins une taille de corpus (ex. 10000,100000).');
  for (const size of options.sizes) {
    if (!Number.isInteger(size) || size < 1 || size > MAX_SIZE) throw new UsageError(`--sizes : nombre entier de passages de 1 à ${formatCount(MAX_SIZE)} attendu (reçu : ${size}).`);
  }
  if (!Number.isInteger(options.queries) || options.queries < 1) throw new UsageError(`--queries : nombre entier de requêtes supérieur ou égal à 1 attendu (reçu : ${options.queries}).`);
  if (!['exact', 'hnsw', 'both'].includes(options.index)) throw new UsageError(`--index : « exact », « hnsw » ou « both » attendu (reçu : ${options.index}).`);
}

/** Turns the command-line flags into options; a bad value is a {@link UsageError} naming the flag. */
export function searchBenchmarkOptionsFromFlags(flags: SearchBenchmarkFlags): SearchBenchmarkOptions {
  const integer = (text: string): number => (/^\s*\d[\d_ ]*\s*$/.test(text) ? Number(text.replace(/[_\s]/g, '')) : Number.NaN);
  const sizes = flags.sizes === undefined ? DEFAULT_SEARCH_BENCHMARK_SIZES : flags.sizes.split(',').filter((part) => part.trim() !== '').map(integer);
  const queries = flags.queries === undefined ? DEFAULT_SEARCH_BENCHMARK_QUERIES : integer(flags.queries);
  const index = flags.index ?? 'both';
  validateSearchBenchmarkOptions({ sizes, queries, index });
  return { sizes, queries, index: index as SearchBenchmarkIndex };
}

const ACCESS_LABELS: Readonly<Record<VectorAccess, string>> = { exact: 'scan exact', hnsw: 'HNSW' };
const MODE_LABELS: Readonly<Record<SearchMode, string>> = { hybrid: 'hybride', text: 'texte', bm25: 'texte', vector: 'vecteurs' };

/** The benchmark as a French table for the terminal: one row per size, vector access and mode, then the verdict per size. */
export function formatSearchBenchmark(result: SearchBenchmark): string {
  const ms = (value: number): string => value.toLocaleString('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const header = ['passages', 'index', 'mode', 'p50 ms', 'p95 ms', 'p99 ms', 'moyenne ms', 'résultats', 'rappel@10'];
  const rows = result.sizes.flatMap((size) =>
    size.runs.flatMap((run) =>
      run.modes.map((measure) => [
        formatCount(size.chunks),
        ACCESS_LABELS[run.index],
        MODE_LABELS[measure.mode],
        ms(measure.latencyMs.p50),
        ms(measure.latencyMs.p95),
        ms(measure.latencyMs.p99),
        ms(measure.latencyMs.mean),
        measure.meanHits.toLocaleString('fr-FR'),
        measure.mode === 'vector' && run.recallAt10 !== undefined ? run.recallAt10.toLocaleString('fr-FR', { minimumFractionDigits: 3 }) : '—',
      ]),
    ),
  );
  const table = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...table.map((cells) => cells[column].length)));
  const numeric = new Set([0, 3, 4, 5, 6, 7, 8]);
  const line = (cells: readonly string[]): string => cells.map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
  const database = `${result.database === 'embedded' ? 'base embarquée (PGlite)' : 'Postgres (schéma temporaire)'} ${result.server.postgres}, pgvector ${result.server.pgvector}`;
  const hnsw = `ef_search ${result.hnsw.efSearch}${result.hnsw.iterativeScan ? `, iterative_scan ${result.hnsw.iterativeScan}` : ''}`;
  const lines = [
    `Banc d’essai de la recherche : ${database}, vectorisation ${result.embeddings}, ${result.queries} requête(s) mesurée(s) par mode, k = ${result.k}`,
    `Machine : ${result.machine}, charge ${result.loadAverage.start.toLocaleString('fr-FR')} au départ et ${result.loadAverage.end.toLocaleString('fr-FR')} à la fin ; HNSW : ${hnsw} ; maintenance_work_mem ${result.maintenanceWorkMem}`,
    '',
    line(header),
    ...rows.map(line),
    '',
  ];
  for (const size of result.sizes) {
    const hnswRun = size.runs.find((run) => run.index === 'hnsw');
    const parts = [
      `${formatCount(size.documents)} documents`,
      `corpus construit en ${seconds(size.insertSeconds)} (${formatCount(size.chunksPerSecond)} passages/s, dont vectorisation ${seconds(size.embeddingSeconds)})`,
      `préparation de la recherche (statistiques, index plein texte en mémoire) ${seconds(size.prepareSeconds)}`,
      ...(hnswRun?.buildSeconds !== undefined ? [`index HNSW construit en ${seconds(hnswRun.buildSeconds)}${hnswRun.indexUsed === false ? ' (non utilisé par le planificateur)' : ''}`] : []),
      `mémoire maximale ${formatCount(size.peakRssMiB)} Mio`,
    ];
    lines.push(`${formatCount(size.chunks)} passages : ${parts.join(' ; ')}.`);
  }
  const verdicts = result.sizes.map(verdict).filter((sentence): sentence is string => sentence !== undefined);
  if (verdicts.length > 0) lines.push('', ...verdicts);
  return lines.join('\n');
}

/** Which of the exact scan and HNSW answers faster at one size, on the median of hybrid searches. */
function verdict(size: SizeMeasure): string | undefined {
  const median = (index: VectorAccess, mode: SearchMode): number | undefined =>
    size.runs.find((run) => run.index === index)?.modes.find((measure) => measure.mode === mode)?.latencyMs.p50;
  const exact = median('exact', 'hybrid');
  const hnsw = median('hnsw', 'hybrid');
  if (exact === undefined || hnsw === undefined) return undefined;
  const ms = (value: number | undefined): string => `${(value ?? 0).toLocaleString('fr-FR')} ms`;
  const figures = `p50 hybride : ${ms(exact)} en scan exact contre ${ms(hnsw)} avec HNSW ; vecteurs seuls : ${ms(median('exact', 'vector'))} contre ${ms(median('hnsw', 'vector'))}`;
  const gap = Math.round((Math.abs(exact - hnsw) / Math.max(exact, hnsw, 0.001)) * 100);
  return `${exact <= hnsw ? 'Scan exact' : 'HNSW'} plus rapide à ${formatCount(size.chunks)} passages, de ${gap} % (${figures}).`;
}

function seconds(value: number): string {
  return `${value.toLocaleString('fr-FR', { maximumFractionDigits: value < 10 ? 2 : 1 })} s`;
}

function formatCount(value: number): string {
  return value.toLocaleString('fr-FR');
}

function peakRssMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A value rounded to two decimals. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
