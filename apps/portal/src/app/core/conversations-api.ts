import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { Conversation, ConversationSummary } from './api.model';

export const CONVERSATIONS_URL = '/api/v1/conversations';

/** The signed-in user's own conversations (the gateway scopes them to the user and the académie). */
@Injectable({ providedIn: 'root' })
export class ConversationsApi {
  private readonly http = inject(HttpClient);

  /** Newest first. */
  list(): Observable<readonly ConversationSummary[]> {
    return this.http
      .get<{ conversations: readonly ConversationSummary[] }>(CONVERSATIONS_URL)
      .pipe(map((body) => body.conversations ?? []));
  }

  get(id: string): Observable<Conversation> {
    return this.http.get<Conversation>(`${CONVERSATIONS_URL}/${encodeURIComponent(id)}`);
  }

  delete(id: string): Observable<void> {
    return this.http.delete<void>(`${CONVERSATIONS_URL}/${encodeURIComponent(id)}`);
  }
}
