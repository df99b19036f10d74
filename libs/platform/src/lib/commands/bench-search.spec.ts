import { loadConfig } from '@mileva/runtime';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  benchmarkSearch,
  DEFAULT_SEARCH_BENCHMARK_QUERIES,
  DEFAULT_SEARCH_BENCHMARK_SIZES,
  formatSearchBenchmark,
  latencyFigures,
  searchBenchmarkOptionsFromFlags,
  type SearchBenchmark,
} from './bench-search.command';
import { UsageError } from './ingest.command';

jest.setTimeout(240_000);

describe('benchmarkSearch', () => {
  let workDir: string;
  const configuredDataDir = (): string => join(workDir, 'configured-data');
  const config = () => loadConfig({ MILEVA_LOG_LEVEL: 'silent', MILEVA_DATA_DIR: configuredDataDir() });

  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), 'mileva-bench-search-spec-'));
  });
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  describe('with the exact scan and HNSW on a tiny corpus', () => {
    let result: SearchBenchmark;
    const progress: string[] = [];

    beforeAll(async () => {
      result = await benchmarkSearch(config(), { sizes: [400], queries: 10, index: 'both', onProgress: (line) => progress.push(line) });
    });

    it('should measure every mode with and without the index, on the corpus size asked for', () => {
      expect(result.sizes).toHaveLength(1);
      const [size] = result.sizes;
      expect(size.chunks).toBe(400);
      expect(size.documents).toBeGreaterThan(10);
      expect(size.runs.map((run) => run.index)).toEqual(['exact', 'hnsw']);
      for (const run of size.runs) {
        expect(run.modes.map((measure) => measure.mode)).toEqual(['hybrid', 'text', 'vector']);
        for (const measure of run.modes) {
          expect(measure.queries).toBe(10);
          expect(measure.meanHits).toBeGreaterThan(0);
          expect(measure.meanHits).toBeLessThanOrEqual(10);
        }
      }
      expect(result).toMatchObject({ database: 'embedded', queries: 10, k: 10, embeddings: 'hash (512 dimensions)', hnsw: { efSearch: 100 } });
    });

    it('should report ordered percentiles', () => {
      for (const measure of result.sizes[0].runs.flatMap((run) => run.modes)) {
        const { p50, p95, p99, mean } = measure.latencyMs;
        expect(p50).toBeGreaterThan(0);
        expect(p50).toBeLessThanOrEqual(p95);
        expect(p95).toBeLessThanOrEqual(p99);
        expect(mean).toBeLessThanOrEqual(p99);
      }
    });

    it('should report the index build, the recall of HNSW against the exact scan, the memory and the machine', () => {
      const [exact, hnsw] = result.sizes[0].runs;
      expect(exact.buildSeconds).toBeUndefined();
      expect(exact.recallAt10).toBeUndefined();
      expect(hnsw.buildSeconds).toBeGreaterThanOrEqual(0);
      expect(typeof hnsw.indexUsed).toBe('boolean');
      expect(hnsw.recallAt10).toBeGreaterThanOrEqual(0);
      expect(hnsw.recallAt10).toBeLessThanOrEqual(1);
      expect(result.hnsw.iterativeScan).toBe('relaxed_order');
      expect(result.server.pgvector).toMatch(/^0\.8\./);
      expect(result.sizes[0].peakRssMiB).toBeGreaterThan(0);
      expect(result.cores).toBeGreaterThan(0);
      expect(result.machine).toContain(`Node ${process.versions.node}`);
    });

    it('should report progress and leave neither the temporary database nor the configured one behind', () => {
      expect(progress.some((line) => line.includes('construction de l’index HNSW'))).toBe(true);
      expect(existsSync(configuredDataDir())).toBe(false);
    });

    it('should print a French table with one row per access and mode, and which access is faster', () => {
      const text = formatSearchBenchmark(result);
      const rows = text.split('\n').filter((line) => /^\s*400\s+(scan exact|HNSW)\s/.test(line));
      expect(rows).toHaveLength(6);
      expect(rows[0]).toMatch(/scan exact\s+hybride/);
      expect(rows[5]).toMatch(/HNSW\s+vecteurs\s.*\d,\d{3}$/);
      expect(text).toMatch(/(Scan exact|HNSW) plus rapide à 400 passages, de \d+ % \(p50 hybride : /);
    });
  });

  it('should measure HNSW alone, without recall', async () => {
    const result = await benchmarkSearch(config(), { sizes: [60], queries: 2, index: 'hnsw' });
    expect(result.sizes[0].runs).toHaveLength(1);
    expect(result.sizes[0].runs[0]).toMatchObject({ index: 'hnsw' });
    expect(result.sizes[0].runs[0].recallAt10).toBeUndefined();
    expect(formatSearchBenchmark(result)).not.toContain('plus rapide');
  });

  it('should reject bad options before opening anything', async () => {
    await expect(benchmarkSearch(config(), { sizes: [0] })).rejects.toThrow(UsageError);
  });
});

describe('latencyFigures', () => {
  it('should give nearest-rank percentiles and the mean, rounded to 0.1 ms', () => {
    const durations = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(latencyFigures(durations)).toEqual({ p50: 50, p95: 95, p99: 99, mean: 50.5 });
    expect(latencyFigures([3.14159])).toEqual({ p50: 3.1, p95: 3.1, p99: 3.1, mean: 3.1 });
    expect(latencyFigures([])).toEqual({ p50: 0, p95: 0, p99: 0, mean: 0 });
  });
});

describe('searchBenchmarkOptionsFromFlags', () => {
  it('should default to 10,000 and 100,000 chunks, 200 queries and both accesses', () => {
    expect(searchBenchmarkOptionsFromFlags({})).toEqual({ sizes: DEFAULT_SEARCH_BENCHMARK_SIZES, queries: DEFAULT_SEARCH_BENCHMARK_QUERIES, index: 'both' });
    expect(DEFAULT_SEARCH_BENCHMARK_SIZES).toEqual([10_000, 100_000]);
  });

  it('should read sizes, queries and the index', () => {
    expect(searchBenchmarkOptionsFromFlags({ sizes: '1000, 30_000,', queries: '50', index: 'exact' })).toEqual({ sizes: [1000, 30_000], queries: 50, index: 'exact' });
  });

  it.each([
    [{ sizes: 'dix' }, '--sizes'],
    [{ sizes: '' }, '--sizes'],
    [{ sizes: '1e3' }, '--sizes'],
    [{ queries: '0' }, '--queries'],
    [{ queries: '2.5' }, '--queries'],
    [{ index: 'ivfflat' }, '--index'],
  ])('should reject %j naming %s', (flags, flag) => {
    expect(() => searchBenchmarkOptionsFromFlags(flags)).toThrow(UsageError);
    expect(() => searchBenchmarkOptionsFromFlags(flags)).toThrow(flag);
  });
});
