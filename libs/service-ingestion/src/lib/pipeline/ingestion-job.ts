import {
  INGESTION_CONTRACT_VERSION,
  type IngestionFailure,
  type IngestionFileOutcome,
  type IngestionProgressEvent,
  type IngestionSummary,
  type IngestOptions,
} from '@mileva/contracts';
import { randomUUID } from 'node:crypto';
import type { DocumentIngester, FileOutcome } from './document-ingester';
import type { SourceFile } from './source-file';

export type ProgressListener = (event: IngestionProgressEvent) => void | Promise<void>;

/** What a job ends with: the summary, and what became of each file handled. */
export type IngestionJobResult = IngestionSummary & {
  readonly jobId: string;
  readonly aborted: boolean;
  readonly outcomes: readonly IngestionFileOutcome[];
};

/** A file's outcome as reported in progress events and results. */
export function describeOutcome(file: string, outcome: FileOutcome): IngestionFileOutcome {
  if (outcome.status === 'failed') return { file, status: 'failed', chunks: 0, code: outcome.failure.code, message: outcome.failure.message };
  return { file, status: outcome.status, documentId: outcome.documentId, version: outcome.version, chunks: outcome.chunks };
}

/**
 * Runs the ingestion of many files as one job: one file after the other, a bad file never stops
 * the others, progress reported after each file, and a summary at the end. An aborted job stops
 * between two files.
 */
export async function runIngestionJob(
  ingester: DocumentIngester,
  files: readonly SourceFile[],
  options: IngestOptions,
  onProgress?: ProgressListener,
  signal?: AbortSignal,
  jobId: string = randomUUID(),
): Promise<IngestionJobResult> {
  const started = performance.now();
  const failed: IngestionFailure[] = [];
  const outcomes: IngestionFileOutcome[] = [];
  let ingested = 0;
  let updated = 0;
  let unchanged = 0;
  let chunks = 0;
  let pages = 0;
  const report = async (done: number, outcome: IngestionFileOutcome | undefined, finished: boolean): Promise<void> => {
    await onProgress?.({
      v: INGESTION_CONTRACT_VERSION,
      jobId,
      corpus: options.corpus,
      done,
      total: files.length,
      pages,
      chunks,
      failures: failed.length,
      ...(outcome ? { file: outcome.file, outcome } : {}),
      finished,
    });
  };
  await report(0, undefined, files.length === 0);
  let aborted = false;
  for (const [index, file] of files.entries()) {
    // Stops between files: the file in progress is either fully stored or not at all.
    if (signal?.aborted) {
      aborted = true;
      break;
    }
    const outcome = await ingester.ingest(file, options);
    switch (outcome.status) {
      case 'ingested':
        ingested++;
        break;
      case 'updated':
        updated++;
        break;
      case 'unchanged':
        unchanged++;
        break;
      case 'failed':
        failed.push(outcome.failure);
        break;
    }
    if (outcome.status !== 'failed') {
      chunks += outcome.chunks;
      pages += outcome.pages;
    }
    const described = describeOutcome(file.name, outcome);
    outcomes.push(described);
    await report(index + 1, described, index === files.length - 1);
  }
  return {
    jobId,
    aborted,
    outcomes,
    ingested,
    updated,
    unchanged,
    failed,
    documents: ingested + updated,
    chunks,
    pages,
    seconds: Math.round((performance.now() - started) / 10) / 100,
  };
}
