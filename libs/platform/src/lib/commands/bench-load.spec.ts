import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { driveLoad, formatLoadBenchmark, loadOptionsFromFlags, processMemory, validateLoadOptions, type LoadBenchmark } from './bench-load.command';
import { UsageError } from './ingest.command';

/** A stand-in for the gateway: answers a draft after 20 ms, 503 for a question about a breakdown, never for a stalled one. */
async function startGateway(): Promise<{ url: string; received: { question: string; at: number; authorization?: string }[]; close: () => Promise<void> }> {
  const received: { question: string; at: number; authorization?: string }[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const { question } = JSON.parse(body) as { question: string };
      received.push({ question, at: Date.now(), authorization: request.headers.authorization });
      if (question.includes('stalled')) return;
      setTimeout(() => {
        if (question.includes('panne')) {
          response.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'UNAVAILABLE', message: 'indisponible' }));
        } else {
          response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ answer: `Réponse à ${question}` }));
        }
      }, 20);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/questions`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('driveLoad', () => {
  it('should keep every user asking, thinking between questions, and time each answer', async () => {
    const gateway = await startGateway();
    try {
      const result = await driveLoad({ url: gateway.url, headers: { authorization: 'Dev gestionnaire@lyon' }, questions: ['congé', 'mutation'], users: 4, durationMs: 1500, thinkMs: 100, seed: 3 });
      expect(result.errorKinds).toEqual({});
      expect(result.durations.length).toBe(gateway.received.length);
      // Every user asks at least once; none asks faster than an answer (20 ms) plus the shortest thought (50 ms).
      expect(result.durations.length).toBeGreaterThanOrEqual(4);
      expect(result.durations.length).toBeLessThanOrEqual(4 * (1500 / (20 + 50)) + 4);
      expect(Math.min(...result.durations)).toBeGreaterThanOrEqual(19);
      expect(gateway.received.every((entry) => entry.authorization === 'Dev gestionnaire@lyon')).toBe(true);
      expect(new Set(gateway.received.map((entry) => entry.question))).toEqual(new Set(['congé', 'mutation']));
    } finally {
      await gateway.close();
    }
  });

  it('should count refused and unanswered questions as failures, by kind, and not time them', async () => {
    const gateway = await startGateway();
    try {
      const refused = await driveLoad({ url: gateway.url, headers: {}, questions: ['panne du service'], users: 2, durationMs: 200, thinkMs: 0, seed: 1 });
      expect(refused.durations).toEqual([]);
      expect(Object.keys(refused.errorKinds)).toEqual(['HTTP 503']);
      expect(refused.errorKinds['HTTP 503']).toBeGreaterThanOrEqual(2);
      const stalled = await driveLoad({ url: gateway.url, headers: {}, questions: ['stalled'], users: 2, durationMs: 100, thinkMs: 0, seed: 1, timeoutMs: 150 });
      expect(stalled.durations).toEqual([]);
      // Each user's question stays unanswered until its timeout, past the end of the run: counted once.
      expect(stalled.errorKinds).toEqual({ 'délai dépassé': 2 });
    } finally {
      await gateway.close();
    }
  });
});

describe('load benchmark options', () => {
  it('should read the flags and refuse values that make no sense, naming the flag', () => {
    expect(loadOptionsFromFlags({ users: '10, 20', seconds: '5', think: '0' })).toMatchObject({ users: [10, 20], seconds: 5, thinkMs: 0 });
    expect(() => validateLoadOptions({ users: [0], seconds: 5, thinkMs: 0 })).toThrow(/--users/);
    expect(() => validateLoadOptions({ users: [10], seconds: 0, thinkMs: 0 })).toThrow(UsageError);
    expect(() => validateLoadOptions({ users: [10], seconds: 5, thinkMs: -1 })).toThrow(/--think/);
    expect(() => validateLoadOptions({ users: [50, 200], seconds: 60, thinkMs: 5000 })).not.toThrow();
  });

  it('should read the memory of a running process', () => {
    const memory = processMemory(process.pid) ?? { rssMiB: 0, peakMiB: -1 };
    expect(memory.rssMiB).toBeGreaterThan(10);
    expect(memory.peakMiB).toBeGreaterThanOrEqual(memory.rssMiB);
    expect(processMemory(undefined)).toBeUndefined();
  });

  it('should say whether the targets are met', () => {
    const run = (users: number, p95: number, errors: number): LoadBenchmark['runs'][number] => ({
      users,
      seconds: 60,
      completed: 100,
      errors,
      errorKinds: errors ? { 'délai dépassé': errors } : ({} as Record<string, number>),
      questionsPerSecond: 1.7,
      latency: { p50: p95 / 2, p95, p99: p95, mean: p95 / 2 },
      serverRssMiB: 900,
      serverPeakRssMiB: 1000,
    });
    const result: LoadBenchmark = {
      setup: 'standalone',
      machine: '2 cœurs',
      cores: 2,
      memoryGiB: 24,
      node: '24',
      loadAverage: { start: 0.5, end: 1.5 },
      corpus: { folder: '/docs', questions: 300 },
      thinkMs: 5000,
      runs: [run(50, 180, 0), run(200, 900, 3)],
      driverPeakRssMiB: 200,
      targets: { p95At50UsersMs: 180, p95Met: true, errorsAt200Users: 3, errorFreeMet: false },
    };
    const text = formatLoadBenchmark(result);
    expect(text).toContain('Cible p95 ≤ 250 ms à 50 utilisateurs : atteinte (180 ms)');
    expect(text).toContain('Cible 0 échec à 200 utilisateurs : non atteinte (3 échecs)');
    expect(text).toContain('délai dépassé : 3');
  });
});
