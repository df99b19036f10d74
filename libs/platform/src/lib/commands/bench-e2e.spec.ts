import { loadConfig } from '@mileva/runtime';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_IN_BENCH_DOCUMENTS } from './bench-e2e-documents';
import {
  benchmarkEndToEnd,
  buildQuestions,
  DEFAULT_E2E_QUESTIONS,
  DEFAULT_PROVIDER_DELAY_MS,
  endToEndBenchmarkOptionsFromFlags,
  formatEndToEndBenchmark,
  ORCHESTRATION_OVERHEAD_TARGET_MS,
  overheadMeasure,
  type EndToEndBenchmark,
  type ProviderRunTimes,
} from './bench-e2e.command';
import type { LatencyFigures } from './bench-search.command';
import { UsageError } from './ingest.command';

jest.setTimeout(240_000);

const QUESTIONS = 6;
const PROVIDER_DELAY_MS = 30;

function expectOrdered(figures: LatencyFigures): void {
  expect(figures.p50).toBeGreaterThanOrEqual(0);
  expect(figures.p50).toBeLessThanOrEqual(figures.p95);
  expect(figures.p95).toBeLessThanOrEqual(figures.p99);
  expect(figures.mean).toBeLessThanOrEqual(figures.p99);
}

describe('benchmarkEndToEnd on the built-in documents', () => {
  let workDir: string;
  let result: EndToEndBenchmark;
  const progress: string[] = [];
  const configuredDataDir = (): string => join(workDir, 'configured-data');

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'mileva-bench-e2e-spec-'));
    result = await benchmarkEndToEnd(loadConfig({ MILEVA_LOG_LEVEL: 'silent', MILEVA_DATA_DIR: configuredDataDir() }), {
      builtInDocuments: true,
      questions: QUESTIONS,
      warmUp: 1,
      providerDelayMs: PROVIDER_DELAY_MS,
      tempDir: workDir,
      onProgress: (line) => progress.push(line),
    });
  });

  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('should ingest the built-in documents and ask questions built from their titles and headings', () => {
    expect(result.corpus).toMatchObject({ folder: null, documents: BUILT_IN_BENCH_DOCUMENTS.length, failed: 0 });
    expect(result.corpus.chunks).toBeGreaterThanOrEqual(BUILT_IN_BENCH_DOCUMENTS.length);
    expect(result.corpus.ingestSeconds).toBeGreaterThan(0);
    // Six titles and their section headings of at least two words.
    expect(result.distinctQuestions).toBeGreaterThan(BUILT_IN_BENCH_DOCUMENTS.length);
    expect(result).toMatchObject({ database: 'embedded', academie: 'lyon', warmUp: 1, embeddings: 'hash (512 dimensions)' });
  });

  it('should time every extractive question, most of them answered from the documents', () => {
    const { extractive } = result;
    expect(extractive.questions).toBe(QUESTIONS);
    // The database was empty when the platform started: no vector index yet.
    expect(extractive.vectorAccess).toBe('exact');
    expect(extractive.refused).toBe(0);
    expect(extractive.answerable).toBeGreaterThan(0);
    expect(extractive.totalMs.p50).toBeGreaterThan(0);
    expect(extractive.firstTokenMs.p50).toBeGreaterThan(0);
    expect(extractive.split.searchMs.p50).toBeGreaterThan(0);
    expect(extractive.split.generationMs.p50).toBeGreaterThan(0);
    for (const figures of [extractive.totalMs, extractive.firstTokenMs, ...Object.values(extractive.split)]) expectOrdered(figures);
    // The first token comes before the draft, question by question, so at every percentile.
    expect(extractive.firstTokenMs.p99).toBeLessThanOrEqual(extractive.totalMs.p99);
    // The bus round trips hold the services' own times.
    expect(extractive.split.retrievalMs.p50).toBeLessThanOrEqual(extractive.split.searchMs.p99);
    expect(extractive.split.draftingMs.p50).toBeLessThanOrEqual(extractive.split.generationMs.p99);
  });

  it('should split each extractive question into consecutive parts that add up to its latency', () => {
    const { totalMs, split } = result.extractive;
    const parts = split.prepareMs.mean + split.searchMs.mean + split.handOffMs.mean + split.generationMs.mean + split.deliveryMs.mean;
    // Means add up; each is rounded to 0.1 ms.
    expect(Math.abs(parts - totalMs.mean)).toBeLessThanOrEqual(0.5);
  });

  it('should measure the overhead over the first token of the local provider, from its timings', () => {
    const { overhead } = result;
    // The embedded database never builds the index by itself: both paths scan the vectors.
    expect(overhead).toMatchObject({ vectorAccess: 'exact', provider: 'openai', providerDelayMs: PROVIDER_DELAY_MS, targetMs: ORCHESTRATION_OVERHEAD_TARGET_MS });
    expect(overhead.questions + overhead.skipped).toBe(QUESTIONS);
    expect(overhead.questions).toBeGreaterThan(0);
    // The provider held its first token back for the delay configured (Date.now(): a millisecond of rounding).
    expect(overhead.providerFirstTokenMs.p50).toBeGreaterThanOrEqual(PROVIDER_DELAY_MS - 1);
    expect(overhead.overheadMs.p50).toBeGreaterThan(0);
    for (const figures of [overhead.firstTokenMs, overhead.providerFirstTokenMs, overhead.overheadMs, overhead.overheadWithoutSearchMs, ...Object.values(overhead.parts)]) {
      expectOrdered(figures);
    }
    expect(Math.abs(overhead.overheadMs.mean - overhead.parts.searchMs.mean - overhead.overheadWithoutSearchMs.mean)).toBeLessThanOrEqual(0.2);
    // What the subscriber waited is the provider's time plus the overhead: the means add up.
    expect(Math.abs(overhead.firstTokenMs.mean - overhead.providerFirstTokenMs.mean - overhead.overheadMs.mean)).toBeLessThanOrEqual(0.2);
    const parts = overhead.parts;
    const sum = parts.prepareMs.mean + parts.searchMs.mean + parts.handOffMs.mean + parts.toProviderMs.mean + parts.backMs.mean;
    expect(Math.abs(sum - overhead.overheadMs.mean)).toBeLessThanOrEqual(0.5);
    expect(overhead.withinTarget).toBe(overhead.overheadMs.p95 <= ORCHESTRATION_OVERHEAD_TARGET_MS);
  });

  it('should describe the machine and the memory, report progress and leave no database behind', () => {
    expect(result.cores).toBeGreaterThan(0);
    expect(result.memoryGiB).toBeGreaterThanOrEqual(0);
    expect(result.machine).toContain(`Node ${process.versions.node}`);
    expect(result.loadAverage.start).toBeGreaterThanOrEqual(0);
    expect(result.peakRssMiB).toBeGreaterThan(0);
    expect(progress.some((line) => line.startsWith('Ingestion'))).toBe(true);
    expect(progress.some((line) => line.startsWith('Chemin extractif'))).toBe(true);
    expect(progress.some((line) => line.startsWith('Surcoût d’orchestration'))).toBe(true);
    expect(readdirSync(workDir).filter((name) => name.startsWith('mileva-bench-e2e-'))).toEqual([]);
    expect(existsSync(configuredDataDir())).toBe(false);
  });

  it('should print French tables with decimal commas, the target and the memory', () => {
    const text = formatEndToEndBenchmark(result);
    expect(text).toContain('Banc d’essai de bout en bout : base embarquée (PGlite)');
    expect(text).toContain(`Machine : ${result.machine}`);
    expect(text).toContain('documents intégrés');
    expect(text).toMatch(/Chemin extractif \(sans modèle\) : 6 questions/);
    expect(text).toMatch(/^mesure\s+p50 ms\s+p95 ms\s+p99 ms\s+moyenne ms$/m);
    expect(text).toMatch(/^de bout en bout \(question → brouillon\)\s+\d+,\d\s+\d+,\d\s+\d+,\d\s+\d+,\d$/m);
    expect(text).toMatch(/^surcoût d’orchestration\s+\d+,\d/m);
    expect(text).toMatch(/^surcoût hors recherche\s+\d+,\d/m);
    expect(text).toContain('openai simulé par un serveur local compatible OpenAI');
    expect(text).toContain('vecteurs parcourus sans index');
    expect(text).toContain(`premier mot ${PROVIDER_DELAY_MS} ms après la requête`);
    expect(text).toMatch(/Objectif : surcoût ≤ 50 ms au p95 — (atteint|non atteint) \(p95 \d+,\d ms\)\./);
    expect(text).toContain(`Mémoire maximale : ${result.peakRssMiB.toLocaleString('fr-FR')} Mio.`);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

describe('overheadMeasure', () => {
  const run = (startedAt: number, receivedAt: number, providerFirstToken: number, firstTokenAt: number, provider = 'openai'): ProviderRunTimes => ({
    startedAt,
    firstTokenAt,
    draft: { provider: provider as ProviderRunTimes['draft']['provider'] },
    stamps: { searchRequestAt: startedAt + 2, searchDoneAt: startedAt + 10, draftRequestAt: startedAt + 11 },
    providerRequest: { receivedAt, firstTokenAt: providerFirstToken },
  });

  it('should subtract the provider’s own time to first token from what the subscriber waited', () => {
    // Waited 230 ms, of which the provider took 200: 30 ms of overhead; then 250 − 200 = 50.
    const measure = overheadMeasure([run(1_000, 1_015, 1_215, 1_230), run(2_000, 2_020, 2_220, 2_250)], 200);
    expect(measure.questions).toBe(2);
    expect(measure.skipped).toBe(0);
    expect(measure.providerFirstTokenMs).toEqual({ p50: 200, p95: 200, p99: 200, mean: 200 });
    expect(measure.firstTokenMs).toEqual({ p50: 230, p95: 250, p99: 250, mean: 240 });
    expect(measure.overheadMs).toEqual({ p50: 30, p95: 50, p99: 50, mean: 40 });
    // The search took 8 ms of each.
    expect(measure.overheadWithoutSearchMs).toEqual({ p50: 22, p95: 42, p99: 42, mean: 32 });
    expect(measure.parts.prepareMs.mean).toBe(2);
    expect(measure.parts.searchMs.mean).toBe(8);
    expect(measure.parts.handOffMs.mean).toBe(1);
    expect(measure.parts.toProviderMs).toMatchObject({ p50: 4, p95: 9 });
    expect(measure.parts.backMs).toMatchObject({ p50: 15, p95: 30 });
    expect(measure.withinTarget).toBe(true);
  });

  it('should leave out questions the provider did not write and say the target is missed above 50 ms', () => {
    const extractive = run(1_000, 1_015, 1_215, 1_230, 'extractive');
    const noToken = { ...run(2_000, 2_015, 2_215, 2_230), providerRequest: { receivedAt: 2_015, firstTokenAt: undefined } };
    const slow = run(3_000, 3_080, 3_280, 3_300);
    const measure = overheadMeasure([extractive, noToken, slow], 200);
    expect(measure.questions).toBe(1);
    expect(measure.skipped).toBe(2);
    expect(measure.overheadMs.p95).toBe(100);
    expect(measure.withinTarget).toBe(false);
  });
});

describe('buildQuestions', () => {
  const subjects = ['Congé parental', 'Temps partiel de droit', 'Rendez-vous de carrière', 'Mutation inter-académique'];

  it('should ask one question per subject, the same for the same seed', () => {
    const questions = buildQuestions(subjects, 7);
    expect(questions).toHaveLength(subjects.length);
    for (const subject of subjects) expect(questions.filter((question) => question.includes(`« ${subject} »`))).toHaveLength(1);
    expect(questions.every((question) => question.endsWith('?'))).toBe(true);
    expect(buildQuestions(subjects, 7)).toEqual(questions);
    expect(new Set([1, 2, 3, 4, 5].map((seed) => buildQuestions(subjects, seed).join('|'))).size).toBeGreaterThan(1);
  });
});

describe('endToEndBenchmarkOptionsFromFlags', () => {
  it('should default to 100 questions and a provider waiting 200 ms', () => {
    expect(endToEndBenchmarkOptionsFromFlags({})).toEqual({ questions: DEFAULT_E2E_QUESTIONS, providerDelayMs: DEFAULT_PROVIDER_DELAY_MS });
    expect(endToEndBenchmarkOptionsFromFlags({ docs: './documents', questions: '1_000', providerDelay: '500' })).toEqual({ docs: './documents', questions: 1_000, providerDelayMs: 500 });
  });

  it('should reject bad values naming the flag', () => {
    expect(() => endToEndBenchmarkOptionsFromFlags({ questions: '0' })).toThrow(UsageError);
    expect(() => endToEndBenchmarkOptionsFromFlags({ questions: 'beaucoup' })).toThrow(/--questions/);
    expect(() => endToEndBenchmarkOptionsFromFlags({ providerDelay: '-5' })).toThrow(/--provider-delay/);
  });

  it('should reject a documents folder that does not exist before starting anything', async () => {
    await expect(benchmarkEndToEnd(loadConfig({ MILEVA_LOG_LEVEL: 'silent' }), { docs: '/nonexistent/documents', questions: 1 })).rejects.toThrow(/--docs : dossier introuvable/);
  });
});
