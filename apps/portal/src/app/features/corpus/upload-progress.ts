import { InjectionToken } from '@angular/core';
import { catchError, concat, exhaustMap, map, Observable, of, switchMap, takeWhile, timer } from 'rxjs';
import { ApiError, toApiError } from '../../core/api-error';
import { CorpusJob, IngestionFileOutcome } from '../../core/api.model';
import { UploadEvent } from '../../core/corpus-api';

/** How often a running job is asked for its progress. */
export const JOB_POLL_MS = 700;
export const JOB_POLL_INTERVAL = new InjectionToken<number>('JOB_POLL_INTERVAL', { providedIn: 'root', factory: () => JOB_POLL_MS });

/** Where an upload stands, from the first byte sent to the last file handled. */
export type UploadState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'sending'; readonly loaded: number; readonly total: number }
  | { readonly phase: 'processing'; readonly job: CorpusJob }
  | { readonly phase: 'finished'; readonly job: CorpusJob }
  | { readonly phase: 'failed'; readonly error: ApiError; readonly job?: CorpusJob };

/**
 * Follows an upload: the bytes sent, then the job the gateway started, asked every `pollMs` until it is no longer
 * running. Ends with `finished` or `failed` (the gateway's French message).
 */
export function followUpload(upload: Observable<UploadEvent>, jobOf: (id: string) => Observable<CorpusJob>, pollMs = JOB_POLL_MS): Observable<UploadState> {
  return upload.pipe(
    switchMap((event): Observable<UploadState> => {
      if (event.type === 'sending') return of({ phase: 'sending', loaded: event.loaded, total: event.total });
      return concat(
        of(stateOfJob(event.job)),
        event.job.state === 'running'
          ? timer(pollMs, pollMs).pipe(
              // One request at a time: a slow answer is waited for, never cancelled by the next tick.
              exhaustMap(() => jobOf(event.job.id)),
              map(stateOfJob),
              takeWhile((state) => state.phase === 'processing', true),
            )
          : of<UploadState>(),
      );
    }),
    takeWhile((state) => state.phase === 'sending' || state.phase === 'processing', true),
    catchError((error: unknown) => of<UploadState>({ phase: 'failed', error: toApiError(error) })),
  );
}

function stateOfJob(job: CorpusJob): UploadState {
  if (job.state === 'running') return { phase: 'processing', job };
  if (job.state === 'finished') return { phase: 'finished', job };
  return { phase: 'failed', job, error: new ApiError(0, 'UNAVAILABLE', job.error ?? 'Le traitement n’a pas abouti. Réessayez.') };
}

/**
 * The bar's value (0–100) and what it says, from the first byte sent until the job is over, where it stays full
 * (a small file is often handled between two polls: without it, the bar would vanish before reaching its end);
 * null before an upload and after a failure.
 */
export function progressOf(state: UploadState): { readonly percent: number; readonly label: string } | null {
  if (state.phase === 'sending') {
    const percent = state.total > 0 ? Math.min(100, Math.round((state.loaded / state.total) * 100)) : 0;
    return { percent, label: `Envoi des fichiers : ${percent} %` };
  }
  if (state.phase === 'processing') {
    const { done, total } = state.job;
    const percent = total > 0 ? Math.round((done / total) * 100) : 0;
    return { percent, label: `Traitement des fichiers : ${done} sur ${total} (${percent} %)` };
  }
  if (state.phase === 'finished') {
    const { done, total } = state.job;
    return { percent: 100, label: `Traitement terminé : ${done} sur ${total} (100 %)` };
  }
  return null;
}

const OUTCOME_LABELS: Readonly<Record<IngestionFileOutcome['status'], string>> = {
  ingested: 'ajouté',
  updated: 'nouvelle version',
  unchanged: 'inchangé (déjà à jour)',
  failed: 'échec',
};

/** « ajouté, version 1, 12 passages », « échec : <message> ». */
export function describeOutcome(outcome: IngestionFileOutcome): string {
  if (outcome.status === 'failed') return `${OUTCOME_LABELS.failed} : ${outcome.message ?? 'fichier non traité.'}`;
  const details = [outcome.version ? `version ${outcome.version}` : null, outcome.status === 'unchanged' ? null : `${outcome.chunks} passage${outcome.chunks > 1 ? 's' : ''}`].filter(
    (detail): detail is string => detail !== null,
  );
  return [OUTCOME_LABELS[outcome.status], ...details].join(', ');
}

/** « 3 fichiers traités : 2 ajoutés, 1 en échec. » */
export function summarize(job: CorpusJob): string {
  const count = (status: IngestionFileOutcome['status']) => job.files.filter((file) => file.status === status).length;
  const parts = [
    [count('ingested'), 'ajouté'],
    [count('updated'), 'remplacé par une nouvelle version'],
    [count('unchanged'), 'inchangé'],
    [count('failed'), 'en échec'],
  ]
    .filter(([n]) => Number(n) > 0)
    .map(([n, label]) => `${n} ${plural(Number(n), String(label))}`);
  return `${job.files.length} fichier${job.files.length > 1 ? 's' : ''} traité${job.files.length > 1 ? 's' : ''} : ${parts.join(', ') || 'aucun'}.`;
}

function plural(n: number, label: string): string {
  if (n < 2 || label === 'en échec') return label;
  return label.replace(/^(\S+)/, '$1s');
}
