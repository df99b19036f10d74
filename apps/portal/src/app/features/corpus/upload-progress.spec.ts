import { HttpErrorResponse } from '@angular/common/http';
import { firstValueFrom, from, Observable, of, Subject, throwError, toArray } from 'rxjs';
import { ApiError } from '../../core/api-error';
import { CorpusJob } from '../../core/api.model';
import { UploadEvent } from '../../core/corpus-api';
import { describeOutcome, followUpload, progressOf, summarize, UploadState } from './upload-progress';

const RUNNING: CorpusJob = { id: 'j-1', corpus: 'lyon', kind: 'upload', state: 'running', total: 3, done: 0, chunks: 0, files: [], startedAt: '2025-09-01T08:00:00.000Z' };

function job(change: Partial<CorpusJob>): CorpusJob {
  return { ...RUNNING, ...change };
}

/** A job endpoint answering each poll with the next of `answers`. */
function polls(answers: CorpusJob[]): { jobOf: (id: string) => Observable<CorpusJob>; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    jobOf: (id) => {
      asked.push(id);
      return of(answers[Math.min(asked.length - 1, answers.length - 1)]);
    },
  };
}

async function statesOf(upload: Observable<UploadEvent>, jobOf: (id: string) => Observable<CorpusJob>): Promise<UploadState[]> {
  return firstValueFrom(followUpload(upload, jobOf, 1).pipe(toArray()));
}

describe('followUpload', () => {
  it('should report the bytes sent, then poll the job until it finishes', async () => {
    const done = job({ state: 'finished', done: 3, files: [{ file: 'a.md', status: 'ingested', chunks: 2, version: 1 }] });
    const server = polls([job({ done: 1 }), job({ done: 2 }), done]);
    const states = await statesOf(
      from<UploadEvent[]>([
        { type: 'sending', loaded: 0, total: 200 },
        { type: 'sending', loaded: 200, total: 200 },
        { type: 'started', job: RUNNING },
      ]),
      server.jobOf,
    );

    expect(states.map((state) => [state.phase, progressOf(state)?.percent ?? null])).toEqual([
      ['sending', 0],
      ['sending', 100],
      ['processing', 0],
      ['processing', 33],
      ['processing', 67],
      ['finished', 100],
    ]);
    expect(server.asked).toEqual(['j-1', 'j-1', 'j-1']);
  });

  it('should not poll a job already over when the gateway answers', async () => {
    const server = polls([]);
    const states = await statesOf(of<UploadEvent>({ type: 'started', job: job({ state: 'finished', done: 3 }) }), server.jobOf);

    expect(states.map((state) => state.phase)).toEqual(['finished']);
    expect(server.asked).toEqual([]);
  });

  it('should end failed with the gateway’s French message when the upload is refused', async () => {
    const refusal = new HttpErrorResponse({
      status: 413,
      error: { code: 'TOO_LARGE', message: 'rapport.pdf dépasse la taille maximale de 50 Mo (MILEVA_INGEST_MAX_FILE_MB).' },
    });
    const states = await statesOf(throwError(() => refusal), polls([]).jobOf);

    expect(states).toEqual([{ phase: 'failed', error: expect.objectContaining({ status: 413, message: expect.stringContaining('rapport.pdf dépasse') }) }]);
  });

  it('should end failed with the job’s reason when the corpus service could not run it', async () => {
    const server = polls([job({ state: 'failed', error: 'Aucun service ne répond.' })]);
    const states = await statesOf(of<UploadEvent>({ type: 'started', job: RUNNING }), server.jobOf);

    expect(states.at(-1)).toMatchObject({ phase: 'failed', error: { message: 'Aucun service ne répond.' } });
  });

  it('should stop polling when nobody follows the upload any more', async () => {
    const events = new Subject<UploadEvent>();
    const server = polls([RUNNING]);
    const seen: UploadState[] = [];
    const subscription = followUpload(events, server.jobOf, 1).subscribe((state) => seen.push(state));
    events.next({ type: 'started', job: RUNNING });
    await new Promise((resolve) => setTimeout(resolve, 20));
    subscription.unsubscribe();
    const asked = server.asked.length;
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(asked).toBeGreaterThan(0);
    expect(server.asked.length).toBe(asked);
  });
});

describe('progress wording', () => {
  it('should say what the bar measures', () => {
    expect(progressOf({ phase: 'sending', loaded: 512, total: 1024 })).toEqual({ percent: 50, label: 'Envoi des fichiers : 50 %' });
    expect(progressOf({ phase: 'processing', job: job({ done: 1 }) })).toEqual({ percent: 33, label: 'Traitement des fichiers : 1 sur 3 (33 %)' });
    expect(progressOf({ phase: 'finished', job: job({ state: 'finished', done: 3 }) })).toEqual({ percent: 100, label: 'Traitement terminé : 3 sur 3 (100 %)' });
    expect(progressOf({ phase: 'idle' })).toBeNull();
    expect(progressOf({ phase: 'failed', error: new ApiError(0, 'UNAVAILABLE', 'Aucun service ne répond.') })).toBeNull();
  });

  it('should describe each file’s outcome and the whole job', () => {
    const finished = job({
      state: 'finished',
      done: 3,
      files: [
        { file: 'a.md', status: 'ingested', version: 1, chunks: 12, documentId: 'd-1' },
        { file: 'b.md', status: 'ingested', version: 1, chunks: 1, documentId: 'd-2' },
        { file: 'c.odt', status: 'failed', chunks: 0, code: 'UNSUPPORTED_FORMAT', message: 'c.odt : format non pris en charge.' },
      ],
    });
    expect(finished.files.map(describeOutcome)).toEqual(['ajouté, version 1, 12 passages', 'ajouté, version 1, 1 passage', 'échec : c.odt : format non pris en charge.']);
    expect(summarize(finished)).toBe('3 fichiers traités : 2 ajoutés, 1 en échec.');
    expect(describeOutcome({ file: 'a.md', status: 'unchanged', version: 2, chunks: 0 })).toBe('inchangé (déjà à jour), version 2');
  });
});
