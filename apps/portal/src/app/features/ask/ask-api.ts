import { HttpClient } from '@angular/common/http';
import { inject, Injectable, InjectionToken } from '@angular/core';
import { Observable } from 'rxjs';
import { ApiError, apiErrorOf, isApiErrorBody, UNREACHABLE_MESSAGE } from '../../core/api-error';
import { AskedDraft, FeedbackRequest, QuestionRequest } from '../../core/api.model';
import { SessionStore } from '../../core/session-store';
import { readSse } from '../../core/sse';

export const QUESTIONS_URL = '/api/v1/questions';

export function feedbackUrl(messageId: string): string {
  return `/api/v1/messages/${encodeURIComponent(messageId)}/feedback`;
}

/** What the draft stream delivers: tokens of the draft as they are written, then the checked draft. */
export type AskEvent = { readonly type: 'token'; readonly text: string } | { readonly type: 'draft'; readonly draft: AskedDraft };

export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

/** `fetch`, replaceable in tests (HttpClient cannot read a POST answer as a stream of events). */
export const FETCH = new InjectionToken<FetchFn>('FETCH', {
  providedIn: 'root',
  factory: () => (input, init) => globalThis.fetch(input, init),
});

export const INTERRUPTED_MESSAGE =
  'La rédaction du brouillon s’est interrompue avant la fin. Réessayez ; si le problème persiste, prévenez le référent MILEVA.';

@Injectable({ providedIn: 'root' })
export class AskApi {
  private readonly fetch = inject(FETCH);
  private readonly http = inject(HttpClient);
  private readonly session = inject(SessionStore);

  /**
   * Asks for a draft as server-sent events. Fails with an {@link ApiError}: the gateway's `error` event or error
   * body, a network failure, or a stream that ended without its draft. Unsubscribing aborts the request.
   */
  ask(request: QuestionRequest): Observable<AskEvent> {
    return new Observable<AskEvent>((subscriber) => {
      const abort = new AbortController();
      const run = async (): Promise<void> => {
        let response: Response;
        try {
          response = await this.fetch(QUESTIONS_URL, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
            body: JSON.stringify(request),
            credentials: 'same-origin',
            signal: abort.signal,
          });
        } catch {
          throw new ApiError(0, 'UNAVAILABLE', UNREACHABLE_MESSAGE);
        }
        if (!response.ok) {
          if (response.status === 401) this.session.expire();
          throw apiErrorOf(response.status, await response.json().catch(() => undefined));
        }
        const contentType = response.headers.get('content-type') ?? '';
        if (!contentType.includes('text/event-stream') || !response.body) {
          // The gateway answers JSON when the Accept header did not reach it (a proxy may drop it).
          const draft = (await response.json().catch(() => undefined)) as AskedDraft | undefined;
          if (!draft || typeof draft.answer !== 'string') throw new ApiError(response.status, 'INTERNAL', INTERRUPTED_MESSAGE);
          subscriber.next({ type: 'draft', draft });
          return;
        }
        let drafted = false;
        try {
          for await (const message of readSse(response.body)) {
            if (abort.signal.aborted) return;
            const data = parseJson(message.data);
            if (message.event === 'token' && typeof (data as { text?: unknown })?.text === 'string') {
              subscriber.next({ type: 'token', text: (data as { text: string }).text });
            } else if (message.event === 'draft' && typeof (data as { answer?: unknown })?.answer === 'string') {
              drafted = true;
              subscriber.next({ type: 'draft', draft: data as AskedDraft });
            } else if (message.event === 'error') {
              throw isApiErrorBody(data) ? apiErrorOf(response.status, data) : new ApiError(response.status, 'INTERNAL', INTERRUPTED_MESSAGE);
            }
          }
        } catch (error) {
          // A connection lost in the middle of the stream: the draft is incomplete.
          throw error instanceof ApiError ? error : new ApiError(response.status, 'INTERNAL', INTERRUPTED_MESSAGE);
        }
        if (!drafted) throw new ApiError(response.status, 'INTERNAL', INTERRUPTED_MESSAGE);
      };
      run().then(
        () => subscriber.complete(),
        (error: unknown) => {
          if (abort.signal.aborted) return;
          subscriber.error(error instanceof ApiError ? error : new ApiError(0, 'UNAVAILABLE', UNREACHABLE_MESSAGE));
        },
      );
      return () => abort.abort();
    });
  }

  /** Records (or replaces) the user's feedback on a draft; answers the feedback id. */
  sendFeedback(messageId: string, feedback: FeedbackRequest): Observable<{ id: string }> {
    return this.http.post<{ id: string }>(feedbackUrl(messageId), feedback);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
