import { LocalTransport, loadConfig } from '@mileva/runtime';
import { RetrievalService } from '@mileva/service-retrieval';
import type { IngestionSummary } from '@mileva/contracts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlatform, type RunningPlatform } from './platform';

jest.setTimeout(300_000);

describe('seeded national corpus', () => {
  let dir: string;
  let platform: RunningPlatform | undefined;

  afterAll(async () => {
    await platform?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should be prepared for search once seeded, before any question', async () => {
    dir = mkdtempSync(join(tmpdir(), 'mileva-seed-'));
    const config = loadConfig({ MILEVA_PORT: '0', MILEVA_LOG_LEVEL: 'silent', MILEVA_PORTAL_DIR: join(dir, 'none'), MILEVA_DATA_DIR: join(dir, 'data') });
    let seeded: (summary: IngestionSummary | undefined) => void = () => undefined;
    const done = new Promise<IngestionSummary | undefined>((resolve) => (seeded = resolve));
    platform = await startPlatform({ config, services: ['ingestion', 'anonymization', 'retrieval'], transport: new LocalTransport(), seed: { onDone: (summary) => seeded(summary) } });
    const summary = await done;
    expect(summary?.chunks).toBeGreaterThan(0);
    const retrieval = platform.app.get(RetrievalService);
    // The preparation runs in the background after the seed: wait for it, without asking anything.
    const deadline = Date.now() + 120_000;
    while (!(await retrieval.isPrepared('national')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await retrieval.isPrepared('national')).toBe(true);
  });
});
