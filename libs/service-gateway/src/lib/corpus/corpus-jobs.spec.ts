import type { IngestFilesResponse, IngestionProgressEvent } from '@mileva/contracts';
import { CORPUS_JOB_KEPT_MS, CORPUS_JOBS_MAX, CorpusJobStore } from './corpus-jobs';

const DOCUMENT_ID = '0b6f4c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b';

function event(change: Partial<IngestionProgressEvent>): IngestionProgressEvent {
  return { v: 1, jobId: 'job-1', corpus: 'lyon', done: 0, total: 2, pages: 0, chunks: 0, failures: 0, finished: false, ...change };
}

describe(CorpusJobStore.name, () => {
  let now: number;
  let store: CorpusJobStore;

  beforeEach(() => {
    now = Date.UTC(2025, 8, 1, 8, 0, 0);
    store = new CorpusJobStore(() => now);
  });

  describe('progress', () => {
    it('should count the files done and keep each file’s outcome, until the last event finishes the job', () => {
      store.start({ id: 'job-1', corpus: 'lyon', kind: 'upload', total: 2 });
      store.progress(event({ done: 0 }));
      store.progress(event({ done: 1, chunks: 4, outcome: { file: 'a.md', status: 'ingested', documentId: DOCUMENT_ID, version: 1, chunks: 4 } }));
      expect(store.get('job-1')).toMatchObject({ state: 'running', done: 1, total: 2, chunks: 4, files: [{ file: 'a.md', status: 'ingested' }] });
      now += 1_000;
      store.progress(event({ done: 2, chunks: 4, failures: 1, finished: true, outcome: { file: 'b.md', status: 'failed', chunks: 0, code: 'EMPTY_FILE', message: 'b.md est vide.' } }));
      expect(store.get('job-1')).toMatchObject({
        state: 'finished',
        done: 2,
        files: [{ status: 'ingested' }, { status: 'failed', code: 'EMPTY_FILE' }],
        finishedAt: new Date(now).toISOString(),
      });
    });

    it('should ignore an event naming another corpus than the job’s, and events after the job settled', () => {
      store.start({ id: 'job-1', corpus: 'lyon', kind: 'upload', total: 2 });
      store.progress(event({ corpus: 'poitiers', done: 2, finished: true }));
      expect(store.get('job-1')).toMatchObject({ state: 'running', done: 0 });
      store.fail('job-1', 'Service indisponible.');
      store.progress(event({ done: 1, outcome: { file: 'a.md', status: 'ingested', chunks: 1 } }));
      expect(store.get('job-1')).toMatchObject({ state: 'failed', error: 'Service indisponible.', done: 0, files: [] });
    });

    it('should record a job started elsewhere from its events', () => {
      store.progress(event({ jobId: 'cli-job', corpus: 'national', done: 1, total: 3 }));
      expect(store.get('cli-job')).toMatchObject({ corpus: 'national', kind: 'upload', state: 'running', done: 1, total: 3 });
    });
  });

  describe('finish', () => {
    it('should take the reply’s outcomes as final, whatever events were missed', () => {
      store.start({ id: 'job-1', corpus: 'lyon', kind: 'replace', replaces: DOCUMENT_ID, total: 1 });
      const response: IngestFilesResponse = {
        jobId: 'job-1',
        outcomes: [{ file: 'a.md', status: 'updated', documentId: DOCUMENT_ID, version: 2, chunks: 3 }],
        ingested: 0,
        updated: 1,
        unchanged: 0,
        failed: [],
        documents: 1,
        chunks: 3,
        pages: 0,
        seconds: 0.2,
      };
      store.finish('job-1', response);
      expect(store.get('job-1')).toMatchObject({ state: 'finished', kind: 'replace', replaces: DOCUMENT_ID, done: 1, chunks: 3, files: response.outcomes });
    });
  });

  describe('memory', () => {
    it('should forget a finished job an hour after it finished, not a running one', () => {
      store.start({ id: 'done', corpus: 'lyon', kind: 'upload', total: 1 });
      store.start({ id: 'running', corpus: 'lyon', kind: 'upload', total: 1 });
      store.fail('done', 'Échec.');
      now += CORPUS_JOB_KEPT_MS + 1;
      expect(store.get('done')).toBeUndefined();
      expect(store.get('running')).toMatchObject({ state: 'running' });
    });

    it('should keep at most CORPUS_JOBS_MAX jobs, dropping finished ones first', () => {
      store.start({ id: 'first', corpus: 'lyon', kind: 'upload', total: 1 });
      store.start({ id: 'finished', corpus: 'lyon', kind: 'upload', total: 1 });
      store.fail('finished', 'Échec.');
      for (let index = 0; index < CORPUS_JOBS_MAX; index++) store.start({ id: `job-${index}`, corpus: 'lyon', kind: 'upload', total: 1 });
      expect(store.get('finished')).toBeUndefined();
      expect(store.get(`job-${CORPUS_JOBS_MAX - 1}`)).toBeDefined();
      expect(store.get('first')).toBeUndefined();
    });
  });
});
