import type { IngestionSummary } from '@mileva/contracts';
import { loadConfig, type MilevaConfig } from '@mileva/runtime';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { runIngestCommand } from './ingest.command';

export interface IngestBenchmark {
  readonly folder: string;
  readonly documents: number;
  readonly failed: number;
  readonly pages: number;
  readonly chunks: number;
  readonly seconds: number;
  readonly documentsPerSecond: number;
  readonly pagesPerSecond: number;
  readonly chunksPerSecond: number;
  /** Peak resident memory of the process during the run, in MiB. */
  readonly peakRssMiB: number;
  readonly machine: string;
  readonly embeddings: string;
}

/**
 * Ingests a folder into a fresh, temporary embedded database and measures throughput and memory.
 * Nothing of the configured database is touched.
 */
export async function benchmarkIngestion(folder: string, base: MilevaConfig = loadConfig({ MILEVA_LOG_LEVEL: 'warn', ...process.env })): Promise<IngestBenchmark> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mileva-bench-ingest-'));
  try {
    const config: MilevaConfig = { ...base, database: { ...base.database, url: undefined, dataDir } };
    const summary: IngestionSummary = await runIngestCommand(config, { paths: [folder], corpus: 'national', kind: 'documents' });
    const per = (count: number): number => Math.round((count / Math.max(summary.seconds, 0.001)) * 10) / 10;
    return {
      folder,
      documents: summary.documents,
      failed: summary.failed.length,
      pages: summary.pages,
      chunks: summary.chunks,
      seconds: summary.seconds,
      documentsPerSecond: per(summary.documents),
      pagesPerSecond: per(summary.pages),
      chunksPerSecond: per(summary.chunks),
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      machine: `${cpus().length} cœurs, ${Math.round(totalmem() / 1024 ** 3)} Gio, Node ${process.versions.node}`,
      embeddings: base.embeddings.provider === 'hash' ? `hash (${base.embeddings.dimension} dimensions)` : `${base.embeddings.model}`,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The benchmark as a French table for the terminal. */
export function formatIngestBenchmark(result: IngestBenchmark): string {
  const rows: [string, string][] = [
    ['dossier', result.folder],
    ['machine', result.machine],
    ['vectorisation', result.embeddings],
    ['documents', `${result.documents} (${result.failed} en échec)`],
    ['pages (PDF)', String(result.pages)],
    ['passages', String(result.chunks)],
    ['durée', `${result.seconds} s`],
    ['documents/s', String(result.documentsPerSecond)],
    ['pages/s', String(result.pagesPerSecond)],
    ['passages/s', String(result.chunksPerSecond)],
    ['mémoire maximale', `${result.peakRssMiB} Mio`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}
