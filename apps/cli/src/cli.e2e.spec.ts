import type { PlatformHealth } from '@mileva/contracts';
import { freePort } from '@mileva/runtime/testing';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

jest.setTimeout(120_000);

const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'apps', 'cli', 'main.js');

function run(args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Started {
  readonly child: ChildProcessWithoutNullStreams;
  readonly url: string;
  readonly stderr: () => string;
}

async function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [cli, 'start'], { cwd: root, env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready within 60 s:\n${stderr}`)), 60_000);
    child.stderr.on('data', () => {
      const match = /ouvrez (http:\/\/\S+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${stderr}`)));
  });
  return { child, url, stderr: () => stderr };
}

async function waitFor<T>(probe: () => T | null | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function stop(started: Started): Promise<number | null> {
  return new Promise((resolve) => {
    started.child.once('exit', (code) => resolve(code));
    started.child.kill('SIGINT');
  });
}

describe('mileva command', () => {
  beforeAll(() => {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: build the cli project first (nx build cli)`);
  });

  it('should list its subcommands in French', () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    for (const command of ['start', 'ingest', 'ask', 'eval', 'bench', 'index']) {
      expect(help.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    }
    expect(help.stdout).toContain('MILEVA_DATABASE_URL');
  });

  it.each([
    [{ MILEVA_DATABASE_URL: 'mysql://mileva@db/mileva' }, 'MILEVA_DATABASE_URL'],
    [{ MILEVA_NATS_URL: 'nats://127.0.0.1:1' }, 'MILEVA_NATS_URL'],
    [{ MILEVA_PORT: 'trois-mille' }, 'MILEVA_PORT'],
  ])('should stop on bad configuration %p with one line naming %s', (env, variable) => {
    const result = run(['start'], { MILEVA_DATA_DIR: join(tmpdir(), 'mileva-unused'), MILEVA_LOG_LEVEL: 'silent', ...env });
    expect(result.status).toBe(78);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(variable);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  describe('standalone start', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mileva-cli-'));
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    it('should serve every service and the portal, seed the national corpus, stop on Ctrl-C and start again on the same data', async () => {
      const env = { MILEVA_PORT: String(await freePort()), MILEVA_HOST: '127.0.0.1', MILEVA_DATA_DIR: dataDir, MILEVA_LOG_LEVEL: 'warn' };
      for (let round = 0; round < 2; round++) {
        const started = await start(env);
        if (round === 0) {
          // A fresh store is seeded in the background with the public fiches, progress shown.
          await waitFor(() => /Corpus national amorcé : (\d+) fiches/.exec(started.stderr()), 90_000);
          expect(Number(/Corpus national amorcé : (\d+) fiches/.exec(started.stderr())?.[1])).toBeGreaterThan(150);
          expect(started.stderr()).toMatch(/Amorçage du corpus national/);
        } else {
          await new Promise((resolve) => setTimeout(resolve, 2_000));
          expect(started.stderr()).not.toMatch(/Amorçage/);
        }
        const response = await fetch(`${started.url}/api/health`);
        const health = (await response.json()) as PlatformHealth;
        expect(response.status).toBe(200);
        expect(health.mode).toBe('standalone');
        expect(health.services.map((service) => `${service.service}:${service.status}`).sort()).toEqual(
          ['analytics:up', 'anonymization:up', 'gateway:up', 'generation:up', 'ingestion:up', 'retrieval:up'],
        );
        // The built portal is served at the root, and client routes fall back to it.
        for (const path of ['/', '/etat']) {
          const page = await fetch(`${started.url}${path}`);
          expect(page.status).toBe(200);
          expect(await page.text()).toContain('<mlv-root');
        }
        const unknownApi = await fetch(`${started.url}/api/nothing-here`);
        expect(unknownApi.status).toBe(404);
        expect(await unknownApi.json()).toMatchObject({ code: 'NOT_FOUND', correlationId: expect.any(String) });
        await expect(stop(started)).resolves.toBe(0);
        expect(started.stderr()).not.toMatch(/^\s+at /m);
      }
    });

    it('should refuse a second process on the same data directory', async () => {
      const env = { MILEVA_PORT: String(await freePort()), MILEVA_HOST: '127.0.0.1', MILEVA_DATA_DIR: dataDir, MILEVA_LOG_LEVEL: 'warn', MILEVA_SEED: 'false' };
      const first = await start(env);
      const second = run(['start'], { ...env, MILEVA_PORT: String(await freePort()) });
      expect(second.status).toBe(78);
      expect(second.stderr).toContain('MILEVA_DATA_DIR');
      await expect(stop(first)).resolves.toBe(0);
    });
  });

  describe('ingest', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mileva-cli-ingest-db-'));
    const folder = mkdtempSync(join(tmpdir(), 'mileva-cli-ingest-files-'));
    const env = { MILEVA_DATA_DIR: dataDir };
    const corpusDocs = join(root, '..', 'shared', 'corpus', 'docs');

    beforeAll(() => {
      const names = readdirSync(corpusDocs).sort();
      for (const extension of ['.md', '.pdf', '.docx', '.xml']) {
        const name = names.find((candidate) => candidate.endsWith(extension));
        if (name) copyFileSync(join(corpusDocs, name), join(folder, name));
      }
      writeFileSync(join(folder, 'vide.pdf'), '');
    });
    afterAll(() => {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(folder, { recursive: true, force: true });
    });

    const ingestJson = (): Record<string, unknown> => {
      const result = run(['ingest', folder, '--corpus', 'national', '--json'], env);
      expect(result.status).toBe(0);
      const lines = result.stdout.trim().split('\n');
      expect(lines).toHaveLength(1);
      return JSON.parse(lines[0]) as Record<string, unknown>;
    };

    it('should print exactly one JSON summary, then find everything unchanged, then one update', () => {
      const first = ingestJson();
      expect(Object.keys(first)).toEqual(['ingested', 'updated', 'unchanged', 'failed', 'documents', 'chunks', 'pages', 'seconds']);
      expect(first).toMatchObject({ ingested: 4, updated: 0, unchanged: 0, documents: 4, failed: [{ file: 'vide.pdf', code: 'EMPTY_FILE', message: expect.any(String) }] });
      expect(first['chunks']).toEqual(expect.any(Number));
      const second = ingestJson();
      expect(second).toMatchObject({ ingested: 0, updated: 0, unchanged: 4, documents: 0, chunks: 0 });
      const markdown = readdirSync(folder).find((name) => name.endsWith('.md')) ?? '';
      writeFileSync(join(folder, markdown), `${readFileSync(join(folder, markdown), 'utf8')}\n\nParagraphe ajouté pour la version suivante.\n`);
      expect(ingestJson()).toMatchObject({ ingested: 0, updated: 1, unchanged: 3, documents: 1 });
    });

    it('should explain a bad corpus code or a missing path', () => {
      const badCorpus = run(['ingest', folder, '--corpus', 'atlantide'], env);
      expect(badCorpus.status).toBe(64);
      expect(badCorpus.stderr).toContain('atlantide');
      const missing = run(['ingest', join(folder, 'absent'), '--corpus', 'national'], env);
      expect(missing.status).toBe(64);
      expect(missing.stderr).toContain('Chemin introuvable');
    });

    it('should measure an ingestion in a temporary database', () => {
      const result = run(['bench', 'ingest', folder, '--json']);
      expect(result.status).toBe(0);
      const bench = JSON.parse(result.stdout) as Record<string, number>;
      expect(bench).toMatchObject({ documents: 4, failed: 1 });
      for (const key of ['documentsPerSecond', 'pagesPerSecond', 'chunksPerSecond', 'peakRssMiB']) {
        expect(bench[key]).toBeGreaterThan(0);
      }
    });
  });
});
