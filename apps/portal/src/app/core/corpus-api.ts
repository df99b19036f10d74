import { HttpClient, HttpEventType, HttpParams, HttpRequest, type HttpEvent } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { filter, map, Observable } from 'rxjs';
import {
  AcademieSettings,
  AnswerEntry,
  AnswerList,
  AnswerReviewRequest,
  AnswersImportResult,
  CorpusDocumentList,
  CorpusJob,
  DocumentMetadataPatch,
  DocumentSummary,
} from './api.model';

export const CORPUS_URL = '/api/v1/corpus';
export const INSTRUCTIONS_URL = '/api/v1/instructions';

/** Theme and validity sent with files (`AAAA-MM-JJ` dates; empty means none). */
export interface UploadFields {
  readonly theme?: string;
  readonly validFrom?: string;
  readonly validTo?: string;
}

/** Where an upload is: bytes sent so far, then the job the gateway started. */
export type UploadEvent =
  | { readonly type: 'sending'; readonly loaded: number; readonly total: number }
  | { readonly type: 'started'; readonly job: CorpusJob };

/**
 * The corpus management API (experts and administrators). Every call acts on the corpus of the signed-in user;
 * an administrator may name another one with `corpus` (`national`, an académie code).
 */
@Injectable({ providedIn: 'root' })
export class CorpusApi {
  private readonly http = inject(HttpClient);

  documents(corpus: string | null, includeInactive: boolean): Observable<CorpusDocumentList> {
    let params = scope(corpus);
    if (includeInactive) params = params.set('includeInactive', 'true');
    return this.http.get<CorpusDocumentList>(`${CORPUS_URL}/documents`, { params });
  }

  /** Sends files as one job: upload progress first, then the job to follow with {@link job}. */
  upload(corpus: string | null, files: readonly File[], fields: UploadFields): Observable<UploadEvent> {
    const form = formOf('files', files, fields);
    return this.send(new HttpRequest('POST', `${CORPUS_URL}/documents`, form, { params: scope(corpus), reportProgress: true }));
  }

  /** Sends a file as the next version of a document. */
  replace(corpus: string | null, documentId: string, file: File, fields: UploadFields): Observable<UploadEvent> {
    const form = formOf('file', [file], fields);
    return this.send(new HttpRequest('PUT', `${CORPUS_URL}/documents/${encodeURIComponent(documentId)}`, form, { params: scope(corpus), reportProgress: true }));
  }

  job(id: string): Observable<CorpusJob> {
    return this.http.get<CorpusJob>(`${CORPUS_URL}/jobs/${encodeURIComponent(id)}`);
  }

  update(corpus: string | null, documentId: string, patch: DocumentMetadataPatch): Observable<DocumentSummary> {
    return this.http.patch<DocumentSummary>(`${CORPUS_URL}/documents/${encodeURIComponent(documentId)}`, patch, { params: scope(corpus) });
  }

  withdraw(corpus: string | null, documentId: string): Observable<void> {
    return this.http.delete<void>(`${CORPUS_URL}/documents/${encodeURIComponent(documentId)}`, { params: scope(corpus) });
  }

  answers(corpus: string | null, status: AnswerEntry['reviewStatus'] | null): Observable<AnswerList> {
    let params = scope(corpus);
    if (status) params = params.set('status', status);
    return this.http.get<AnswerList>(`${CORPUS_URL}/answers`, { params });
  }

  importAnswers(corpus: string | null, file: File): Observable<AnswersImportResult> {
    return this.http.post<AnswersImportResult>(`${CORPUS_URL}/answers/import`, formOf('file', [file], {}), { params: scope(corpus) });
  }

  review(corpus: string | null, entryId: string, review: AnswerReviewRequest): Observable<AnswerEntry> {
    return this.http.post<AnswerEntry>(`${CORPUS_URL}/answers/${encodeURIComponent(entryId)}/review`, review, { params: scope(corpus) });
  }

  settings(academie: string | null): Observable<AcademieSettings> {
    return this.http.get<AcademieSettings>(INSTRUCTIONS_URL, { params: academieScope(academie) });
  }

  saveSettings(academie: string | null, settings: AcademieSettings): Observable<AcademieSettings> {
    return this.http.put<AcademieSettings>(INSTRUCTIONS_URL, settings, { params: academieScope(academie) });
  }

  private send(request: HttpRequest<FormData>): Observable<UploadEvent> {
    return this.http.request<CorpusJob>(request).pipe(
      map((event: HttpEvent<CorpusJob>): UploadEvent | null => {
        if (event.type === HttpEventType.UploadProgress) return { type: 'sending', loaded: event.loaded, total: event.total ?? event.loaded };
        if (event.type === HttpEventType.Response && event.body) return { type: 'started', job: event.body };
        return null;
      }),
      filter((event): event is UploadEvent => event !== null),
    );
  }
}

function scope(corpus: string | null): HttpParams {
  return corpus ? new HttpParams().set('corpus', corpus) : new HttpParams();
}

function academieScope(academie: string | null): HttpParams {
  return academie ? new HttpParams().set('academie', academie) : new HttpParams();
}

function formOf(field: string, files: readonly File[], fields: UploadFields): FormData {
  const form = new FormData();
  for (const file of files) form.append(field, file, file.name);
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string' && value !== '') form.append(name, value);
  }
  return form;
}
