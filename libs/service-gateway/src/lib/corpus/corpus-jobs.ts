import { Injectable } from '@nestjs/common';
import type { CorpusJob, IngestFilesResponse, IngestionFileOutcome, IngestionProgressEvent } from '@mileva/contracts';

/** Jobs remembered at most; the oldest finished ones go first. */
export const CORPUS_JOBS_MAX = 500;
/** How long a finished job stays readable. */
export const CORPUS_JOB_KEPT_MS = 60 * 60 * 1000;

interface JobRecord {
  job: CorpusJob;
  /** When it finished (epoch ms), for expiry. */
  finishedAt?: number;
}

/**
 * Ingestion jobs as the portal follows them, in this gateway's memory. A job is recorded when the
 * gateway starts it, then fed by the corpus services' progress events (which every gateway
 * instance receives, so any of them can answer) and settled by the job's reply or failure.
 * Jobs started elsewhere (command line, seeding) are recorded from their events too.
 */
@Injectable()
export class CorpusJobStore {
  private readonly jobs = new Map<string, JobRecord>();

  constructor(private readonly now: () => number = Date.now) {}

  start(job: Pick<CorpusJob, 'id' | 'corpus' | 'kind' | 'replaces' | 'total'>): CorpusJob {
    this.prune();
    const record: JobRecord = {
      job: { ...job, state: 'running', done: 0, chunks: 0, files: [], startedAt: new Date(this.now()).toISOString() },
    };
    this.jobs.set(job.id, record);
    return record.job;
  }

  get(id: string): CorpusJob | undefined {
    this.prune();
    return this.jobs.get(id)?.job;
  }

  /** A progress event of a corpus service: how many files are done, and what became of the last one. */
  progress(event: IngestionProgressEvent): void {
    let record = this.jobs.get(event.jobId);
    if (!record) {
      this.prune();
      record = { job: { id: event.jobId, corpus: event.corpus, kind: 'upload', state: 'running', total: event.total, done: 0, chunks: 0, files: [], startedAt: new Date(this.now()).toISOString() } };
      this.jobs.set(event.jobId, record);
    }
    // A job belongs to one corpus: an event naming another one is not this job's.
    if (record.job.corpus !== event.corpus || record.job.state !== 'running') return;
    const files = event.outcome ? withOutcome(record.job.files, event.outcome) : record.job.files;
    record.job = { ...record.job, total: event.total, done: Math.max(record.job.done, event.done), chunks: Math.max(record.job.chunks, event.chunks), files };
    if (event.finished) this.settle(record, { state: 'finished' });
  }

  /** The job's reply: the authoritative outcome of every file. */
  finish(id: string, response: IngestFilesResponse): void {
    const record = this.jobs.get(id);
    if (!record) return;
    record.job = { ...record.job, total: Math.max(record.job.total, response.outcomes.length), done: response.outcomes.length, chunks: response.chunks, files: response.outcomes };
    this.settle(record, { state: 'finished' });
  }

  /** The job could not run or its service did not answer: `message` says why, in French. */
  fail(id: string, message: string): void {
    const record = this.jobs.get(id);
    if (!record || record.job.state !== 'running') return;
    this.settle(record, { state: 'failed', error: message });
  }

  private settle(record: JobRecord, change: Pick<CorpusJob, 'state'> & { error?: string }): void {
    const finishedAt = this.now();
    record.finishedAt = finishedAt;
    record.job = { ...record.job, ...change, finishedAt: new Date(finishedAt).toISOString() };
  }

  /** Forgets expired jobs, then the oldest finished ones (or the oldest at all) beyond the cap. */
  private prune(): void {
    const now = this.now();
    for (const [id, record] of this.jobs) {
      if (record.finishedAt !== undefined && now - record.finishedAt > CORPUS_JOB_KEPT_MS) this.jobs.delete(id);
    }
    while (this.jobs.size >= CORPUS_JOBS_MAX) {
      const oldestFinished = [...this.jobs].find(([, record]) => record.finishedAt !== undefined)?.[0];
      this.jobs.delete(oldestFinished ?? this.jobs.keys().next().value ?? '');
    }
  }
}

function withOutcome(files: readonly IngestionFileOutcome[], outcome: IngestionFileOutcome): IngestionFileOutcome[] {
  return [...files, outcome];
}
