import { openDatabase } from '@mileva/persistence';
import { freePort } from '@mileva/runtime/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildQuestions, headingSubjects, mulberry32 } from './bench-e2e.command';
import { latencyFigures, round2, type LatencyFigures } from './bench-search.command';
import { UsageError } from './ingest.command';
import { DEFAULT_PHRASE_SOURCE_DIR, workspaceRoot } from './synthetic-corpus';

/** Concurrent users of each run, by default. */
export const DEFAULT_LOAD_USERS: readonly number[] = [50, 200];
export const DEFAULT_LOAD_SECONDS = 60;
/** Mean wait of a user between receiving a draft and asking the next question. */
export const DEFAULT_THINK_MS = 5_000;
/** Target: the 95th percentile of a question's latency at 50 users, standalone, extractive drafts. */
export const LOAD_P95_TARGET_MS = 250;
/** Target users at which no question may fail. */
export const LOAD_ERROR_FREE_USERS = 200;
/** Longest a user waits for a draft before counting the question as failed. */
const CLIENT_TIMEOUT_MS = 30_000;
/** Untimed questions before the runs (caches, JIT, connections). */
const WARM_UP_QUESTIONS = 10;
const SERVER_START_TIMEOUT_MS = 180_000;
const SEED = 20_261;
/** The users are gestionnaires of this académie: its corpus is searched with the national one. */
const LOAD_USER = 'Dev gestionnaire@lyon';

export interface LoadBenchmarkOptions {
  readonly users?: readonly number[];
  readonly seconds?: number;
  readonly thinkMs?: number;
  /** Documents ingested into the national corpus of the temporary database. */
  readonly docs?: string;
  /** Entry script of the `mileva` command the server and the ingestion run with (this process's by default). */
  readonly cliPath?: string;
  readonly onProgress?: (line: string) => void;
}

export interface LoadRun {
  readonly users: number;
  readonly seconds: number;
  /** Questions answered (HTTP 200 with a draft). */
  readonly completed: number;
  readonly errors: number;
  /** Failures by kind (`HTTP 503`, `délai dépassé`, `réseau`). */
  readonly errorKinds: Readonly<Record<string, number>>;
  readonly questionsPerSecond: number;
  readonly latency: LatencyFigures;
  /** Resident memory of the server process at the end of the run, and its peak so far, in MiB. */
  readonly serverRssMiB: number | null;
  readonly serverPeakRssMiB: number | null;
}

export interface LoadBenchmark {
  readonly setup: 'standalone';
  readonly machine: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly loadAverage: { readonly start: number; readonly end: number };
  readonly corpus: { readonly folder: string; readonly questions: number };
  readonly thinkMs: number;
  readonly runs: readonly LoadRun[];
  /** Peak resident memory of the process that drove the load, in MiB. */
  readonly driverPeakRssMiB: number;
  readonly targets: { readonly p95At50UsersMs: number | null; readonly p95Met: boolean | null; readonly errorsAt200Users: number | null; readonly errorFreeMet: boolean | null };
}

export interface LoadDriveOptions {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Request bodies are `{ question }`, drawn from these; an answer is a 200 with a draft (`answer`). */
  readonly questions: readonly string[];
  readonly users: number;
  readonly durationMs: number;
  /** Mean think time: each wait is drawn uniformly between half and one and a half of it. */
  readonly thinkMs: number;
  readonly seed?: number;
  readonly timeoutMs?: number;
}

export interface LoadDriveResult {
  /** Latency of each answered question, in milliseconds. */
  readonly durations: number[];
  readonly errorKinds: Record<string, number>;
  readonly elapsedMs: number;
}

/**
 * Drives `users` virtual users for `durationMs`: each asks a question, waits for the whole answer,
 * thinks, and asks again. Users start spread over one think time so that they do not all ask at
 * once. Questions in flight at the end are waited for and counted.
 */
export async function driveLoad(options: LoadDriveOptions): Promise<LoadDriveResult> {
  const random = mulberry32(options.seed ?? SEED);
  const durations: number[] = [];
  const errorKinds: Record<string, number> = {};
  const started = performance.now();
  const deadline = started + options.durationMs;
  const think = () => (options.thinkMs > 0 ? options.thinkMs * (0.5 + random()) : 0);
  const fail = (kind: string) => (errorKinds[kind] = (errorKinds[kind] ?? 0) + 1);

  const user = async (): Promise<void> => {
    await sleep(random() * options.thinkMs);
    while (performance.now() < deadline) {
      const question = options.questions[Math.floor(random() * options.questions.length)];
      const sent = performance.now();
      try {
        const response = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
          body: JSON.stringify({ question }),
          signal: AbortSignal.timeout(options.timeoutMs ?? CLIENT_TIMEOUT_MS),
        });
        const body: unknown = await response.json().catch(() => undefined);
        if (response.ok && typeof body === 'object' && body !== null && typeof (body as { answer?: unknown }).answer === 'string') durations.push(performance.now() - sent);
        else fail(`HTTP ${response.status}`);
      } catch (error) {
        // An aborted fetch rejects with a DOMException, which is not an Error instance.
        const name = (error as { name?: unknown } | undefined)?.name;
        fail(name === 'TimeoutError' || name === 'AbortError' ? 'délai dépassé' : 'réseau');
      }
      const wait = think();
      if (performance.now() + wait >= deadline) break;
      await sleep(wait);
    }
  };
  await Promise.all(Array.from({ length: options.users }, () => user()));
  return { durations, errorKinds, elapsedMs: performance.now() - started };
}

/**
 * `mileva bench load`: ingests the documents into a temporary database, starts the standalone
 * platform as its own process on a free port (extractive drafts, hashed embeddings, no seed), and
 * drives it with virtual users asking questions built from the documents' titles and headings
 * through `POST /api/v1/questions`. Reports, per number of users, throughput, latency
 * percentiles, failures and the server's memory.
 */
export async function benchmarkLoad(options: LoadBenchmarkOptions = {}): Promise<LoadBenchmark> {
  const users = options.users ?? DEFAULT_LOAD_USERS;
  const seconds = options.seconds ?? DEFAULT_LOAD_SECONDS;
  const thinkMs = options.thinkMs ?? DEFAULT_THINK_MS;
  validateLoadOptions({ users, seconds, thinkMs });
  const progress = options.onProgress ?? (() => undefined);
  const cliPath = options.cliPath ?? process.argv[1];
  if (!cliPath || !existsSync(cliPath)) throw new UsageError('Commande mileva introuvable pour démarrer le serveur : lancez le banc d’essai avec « npx mileva bench load ».');
  const folder = resolve(options.docs ?? join(workspaceRoot(), DEFAULT_PHRASE_SOURCE_DIR));
  if (!existsSync(folder)) throw new UsageError(`Dossier de documents introuvable : ${folder} (option --docs).`);
  const startLoad = loadavg()[0];

  const dataDir = await mkdtemp(join(tmpdir(), 'mileva-bench-load-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    MILEVA_DATA_DIR: dataDir,
    MILEVA_PORT: String(port),
    MILEVA_HOST: '127.0.0.1',
    MILEVA_SEED: 'false',
    MILEVA_LLM_PROVIDER: 'extractive',
    MILEVA_EMBEDDINGS_PROVIDER: 'hash',
    MILEVA_LOG_LEVEL: 'warn',
  };
  // The standalone platform on its own embedded database, whatever this shell points at.
  delete env['MILEVA_DATABASE_URL'];
  delete env['MILEVA_NATS_URL'];
  let server: ChildProcess | undefined;
  try {
    progress(`Ingestion de ${folder}…`);
    await runToEnd(process.execPath, [cliPath, 'ingest', folder, '--corpus', 'national', '--json'], env);
    const database = await openDatabase({ dataDir, poolSize: 1 });
    let questions: string[];
    try {
      questions = buildQuestions(await headingSubjects(database), SEED);
    } finally {
      await database.close();
    }
    if (questions.length === 0) throw new UsageError(`Aucun titre exploitable dans ${folder} pour construire des questions.`);

    progress(`Démarrage du serveur autonome sur le port ${port}…`);
    server = spawn(process.execPath, [cliPath, 'start'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    const serverErrors: string[] = [];
    server.stderr?.on('data', (chunk: Buffer) => serverErrors.push(chunk.toString()));
    const base = `http://127.0.0.1:${port}`;
    await waitUntilReady(`${base}/api/health/ready`, server, () => serverErrors.join('').slice(-2000));
    const url = `${base}/api/v1/questions`;
    const headers = { authorization: LOAD_USER };
    progress('Questions de mise en route…');
    for (const question of questions.slice(0, WARM_UP_QUESTIONS)) {
      await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ question }) }).then((response) => response.arrayBuffer());
    }

    const runs: LoadRun[] = [];
    for (const count of users) {
      progress(`${count} utilisateurs pendant ${seconds} s…`);
      const result = await driveLoad({ url, headers, questions, users: count, durationMs: seconds * 1000, thinkMs, seed: SEED + count });
      const memory = processMemory(server.pid);
      const errors = Object.values(result.errorKinds).reduce((sum, n) => sum + n, 0);
      const run: LoadRun = {
        users: count,
        seconds,
        completed: result.durations.length,
        errors,
        errorKinds: result.errorKinds,
        questionsPerSecond: Math.round((result.durations.length / (result.elapsedMs / 1000)) * 10) / 10,
        latency: latencyFigures(result.durations),
        serverRssMiB: memory?.rssMiB ?? null,
        serverPeakRssMiB: memory?.peakMiB ?? null,
      };
      runs.push(run);
      progress(`${count} utilisateurs : ${run.completed} réponses, ${run.errors} échec(s), p95 ${run.latency.p95} ms`);
    }

    const at50 = runs.find((run) => run.users === 50);
    const at200 = runs.find((run) => run.users === LOAD_ERROR_FREE_USERS);
    const cores = cpus().length;
    const memoryGiB = Math.round(totalmem() / 1024 ** 3);
    return {
      setup: 'standalone',
      machine: `${cores} cœurs (${cpus()[0]?.model.trim() ?? 'processeur inconnu'}), ${memoryGiB} Gio, Node ${process.versions.node}`,
      cores,
      memoryGiB,
      node: process.versions.node,
      loadAverage: { start: round2(startLoad), end: round2(loadavg()[0]) },
      corpus: { folder, questions: questions.length },
      thinkMs,
      runs,
      driverPeakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      targets: {
        p95At50UsersMs: at50 ? at50.latency.p95 : null,
        p95Met: at50 ? at50.latency.p95 <= LOAD_P95_TARGET_MS : null,
        errorsAt200Users: at200 ? at200.errors : null,
        errorFreeMet: at200 ? at200.errors === 0 : null,
      },
    };
  } finally {
    if (server) await stop(server);
    await rm(dataDir, { recursive: true, force: true });
  }
}

export function validateLoadOptions(options: { readonly users: readonly number[]; readonly seconds: number; readonly thinkMs: number }): void {
  if (options.users.length === 0 || options.users.some((n) => !Number.isInteger(n) || n < 1 || n > 5_000)) {
    throw new UsageError('--users attend des nombres entiers d’utilisateurs entre 1 et 5 000, séparés par des virgules (ex. 50,200).');
  }
  if (!Number.isFinite(options.seconds) || options.seconds < 1 || options.seconds > 3_600) throw new UsageError('--seconds attend une durée entre 1 et 3 600 secondes.');
  if (!Number.isFinite(options.thinkMs) || options.thinkMs < 0 || options.thinkMs > 600_000) throw new UsageError('--think attend une durée entre 0 et 600 000 millisecondes.');
}

export function loadOptionsFromFlags(flags: { readonly users?: string; readonly seconds?: string; readonly think?: string; readonly docs?: string }): LoadBenchmarkOptions {
  return {
    users: flags.users ? flags.users.split(',').map((part) => Number(part.trim())) : undefined,
    seconds: flags.seconds === undefined ? undefined : Number(flags.seconds),
    thinkMs: flags.think === undefined ? undefined : Number(flags.think),
    docs: flags.docs,
  };
}

export function formatLoadBenchmark(result: LoadBenchmark): string {
  const number = (value: number) => value.toLocaleString('fr-FR');
  const lines = [
    `Banc d’essai de charge : mode autonome (un processus, base embarquée), brouillons extractifs, ${number(result.corpus.questions)} questions tirées des titres de ${result.corpus.folder}`,
    `Machine : ${result.machine}, charge ${number(result.loadAverage.start)} au départ et ${number(result.loadAverage.end)} à la fin ; réflexion moyenne entre deux questions ${number(result.thinkMs)} ms`,
    '',
    'utilisateurs  durée  réponses  questions/s  p50 ms  p95 ms  p99 ms  échecs  mémoire serveur (pic) Mio',
  ];
  for (const run of result.runs) {
    const kinds = Object.entries(run.errorKinds)
      .map(([kind, n]) => `${kind} : ${n}`)
      .join(', ');
    lines.push(
      [
        String(run.users).padStart(12),
        `${run.seconds} s`.padStart(6),
        number(run.completed).padStart(9),
        number(run.questionsPerSecond).padStart(12),
        number(run.latency.p50).padStart(7),
        number(run.latency.p95).padStart(7),
        number(run.latency.p99).padStart(7),
        `${run.errors}${kinds ? ` (${kinds})` : ''}`.padStart(7),
        `${run.serverRssMiB ?? '—'} (${run.serverPeakRssMiB ?? '—'})`.padStart(27),
      ].join(' '),
    );
  }
  lines.push('');
  if (result.targets.p95Met !== null) lines.push(`Cible p95 ≤ ${LOAD_P95_TARGET_MS} ms à 50 utilisateurs : ${result.targets.p95Met ? 'atteinte' : 'non atteinte'} (${number(result.targets.p95At50UsersMs ?? 0)} ms).`);
  if (result.targets.errorFreeMet !== null) lines.push(`Cible 0 échec à ${LOAD_ERROR_FREE_USERS} utilisateurs : ${result.targets.errorFreeMet ? 'atteinte' : `non atteinte (${result.targets.errorsAt200Users} échecs)`}.`);
  lines.push(`Mémoire maximale du processus de mesure : ${number(result.driverPeakRssMiB)} Mio.`);
  return lines.join('\n');
}

/** Resident memory of a process and its peak, from `/proc` (Linux), in MiB. */
export function processMemory(pid: number | undefined): { rssMiB: number; peakMiB: number } | undefined {
  if (!pid) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    const rss = field('VmRSS');
    const peak = field('VmHWM');
    if (!Number.isFinite(rss) || !Number.isFinite(peak)) return undefined;
    return { rssMiB: Math.round(rss / 1024), peakMiB: Math.round(peak / 1024) };
  } catch {
    return undefined;
  }
}

function runToEnd(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`« mileva ${args.slice(1, 2).join(' ')} » a échoué (code ${code}) : ${stderr.trim()}`))));
  });
}

async function waitUntilReady(url: string, server: ChildProcess, errors: () => string): Promise<void> {
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`Le serveur s’est arrêté au démarrage (code ${server.exitCode}) : ${errors()}`);
    const ready = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await sleep(500);
  }
  throw new Error(`Le serveur n’était pas prêt après ${SERVER_START_TIMEOUT_MS / 1000} s : ${errors()}`);
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolvePromise) => server.once('exit', () => resolvePromise()));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
