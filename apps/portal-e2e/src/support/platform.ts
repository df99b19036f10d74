import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The workspace root: the suite runs the built command and portal found there. */
export const ROOT = join(__dirname, '..', '..', '..', '..');
const CLI = join(ROOT, 'dist', 'apps', 'cli', 'main.js');
const PORTAL_INDEX = join(ROOT, 'dist', 'apps', 'portal', 'browser', 'index.html');
/** Public documents shipped beside the repository. */
export const CORPUS_DOCS = join(ROOT, '..', 'shared', 'corpus', 'docs');

/** Fails early, with the command to run, when the suite would test nothing or an old build. */
export function assertBuilt(): void {
  const missing = [CLI, PORTAL_INDEX].filter((path) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(`Missing ${missing.join(', ')}: build first with \`npx nx run-many -t build -p cli portal\`.`);
  }
  if (!existsSync(CORPUS_DOCS)) throw new Error(`${CORPUS_DOCS} not found: the suite ingests documents from shared/corpus/docs.`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The caller's environment without any MILEVA_* variable (a developer's database or NATS must not leak in). */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('MILEVA_') && name !== 'NODE_OPTIONS') env[name] = value;
  }
  return { ...env, NODE_ENV: 'development', MILEVA_LOG_LEVEL: 'warn', ...extra };
}

export interface IngestReport {
  readonly ingested: number;
  readonly failed: readonly { file: string; code: string; message: string }[];
  readonly documents: number;
  readonly chunks: number;
}

/**
 * Copies `files` of the shared corpus into a folder and ingests them into the national corpus of `dataDir`
 * with `mileva ingest --json` (the platform must not be running: the embedded database takes one process).
 */
export async function ingest(dataDir: string, files: readonly string[], timeoutMs: number): Promise<IngestReport> {
  const folder = mkdtempSync(join(tmpdir(), 'mileva-e2e-docs-'));
  try {
    for (const file of files) copyFileSync(join(CORPUS_DOCS, file), join(folder, file));
    const child = spawn(process.execPath, [CLI, 'ingest', folder, '--corpus', 'national', '--json'], {
      cwd: ROOT,
      env: cleanEnv({ MILEVA_DATA_DIR: dataDir }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`mileva ingest did not finish within ${timeoutMs / 1000} s:\n${stderr}`));
      }, timeoutMs);
      child.once('error', reject);
      child.once('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    if (code !== 0) throw new Error(`mileva ingest exited with ${code}:\n${stderr}`);
    return JSON.parse(stdout) as IngestReport;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export interface RunningPlatform {
  readonly url: string;
  /** What the platform wrote on its error output (JSON logs, start-up lines), for failure messages. */
  readonly output: () => string;
  /** Stops it (Ctrl-C, then SIGKILL after `graceMs`); resolves once the process has exited. */
  readonly stop: (graceMs?: number) => Promise<void>;
}

function stopProcess(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGINT');
  });
}

async function waitForHealth(url: string, deadline: number): Promise<void> {
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(10_000) });
      if (response.ok) return;
      last = `HTTP ${response.status}: ${await response.text()}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the platform did not report every service up in time (${last})`);
}

/**
 * Starts `mileva start` (every service in one process, embedded database in `dataDir`, no seeding) on a free
 * port of 127.0.0.1, and resolves once it says it is ready and its health is up. The process is killed when it
 * does not get there within `timeoutMs`.
 */
export async function startPlatform(dataDir: string, timeoutMs: number): Promise<RunningPlatform> {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'start'], {
    cwd: ROOT,
    env: cleanEnv({ MILEVA_DATA_DIR: dataDir, MILEVA_PORT: String(port), MILEVA_HOST: '127.0.0.1', MILEVA_SEED: 'false' }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = (graceMs = 30_000) => stopProcess(child, graceMs);
  const deadline = Date.now() + timeoutMs;
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the platform was not ready within ${timeoutMs / 1000} s`)), timeoutMs);
      const onData = () => {
        const match = /ouvrez (http:\/\/\S+)/.exec(output);
        if (!match) return;
        clearTimeout(timer);
        child.stderr.off('data', onData);
        resolve(match[1]);
      };
      child.stderr.on('data', onData);
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`the platform exited with ${code}`)));
    });
    await waitForHealth(url, deadline);
    return { url, output: () => output, stop };
  } catch (error) {
    await stop(5_000);
    throw new Error(`${(error as Error).message}\n${output}`);
  }
}
