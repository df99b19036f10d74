import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom, Observable, toArray } from 'rxjs';
import { ApiError } from '../../core/api-error';
import { SessionStore } from '../../core/session-store';
import { askedDraft } from '../../testing/drafts';
import { FakeFetch, settle } from '../../testing/fake-fetch';
import { AskApi, AskEvent, FETCH, INTERRUPTED_MESSAGE, QUESTIONS_URL } from './ask-api';

describe(AskApi.name, () => {
  let fetch: FakeFetch;
  let api: AskApi;

  beforeEach(() => {
    fetch = new FakeFetch();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: 'connexion', children: [] }]), { provide: FETCH, useValue: fetch.fn }],
    });
    api = TestBed.inject(AskApi);
  });

  /** Subscribes and records what arrives, so a test can check the events before the stream ends. */
  function record(events: Observable<AskEvent>) {
    const seen: AskEvent[] = [];
    let failure: unknown;
    let completed = false;
    const subscription = events.subscribe({
      next: (event) => seen.push(event),
      error: (error: unknown) => (failure = error),
      complete: () => (completed = true),
    });
    return { seen, subscription, failure: () => failure, completed: () => completed };
  }

  describe('ask', () => {
    it('should POST the question as JSON asking for server-sent events', async () => {
      const run = firstValueFrom(api.ask({ question: 'CLM stagiaire', conversationId: 'conv-1', theme: 'conges-maladie' }).pipe(toArray()));
      await settle();

      expect(fetch.calls).toHaveLength(1);
      const [call] = fetch.calls;
      expect(call.url).toBe(QUESTIONS_URL);
      expect(call.init.method).toBe('POST');
      expect(call.headers).toEqual({ 'Content-Type': 'application/json', Accept: 'text/event-stream' });
      expect(call.body).toEqual({ question: 'CLM stagiaire', conversationId: 'conv-1', theme: 'conges-maladie' });
      fetch.stream().send('draft', askedDraft()).end();
      await expect(run).resolves.toHaveLength(1);
    });

    it('should give each token as it arrives, then the draft, then complete', async () => {
      const run = record(api.ask({ question: 'CLM stagiaire' }));
      await settle();
      const stream = fetch.stream();

      stream.raw('event: token\ndata: {"text":"Bon');
      await settle();
      expect(run.seen).toEqual([]);

      stream.raw('jour"}\n\nevent: token\ndata: {"text":", "}\n\n');
      await settle();
      expect(run.seen).toEqual([
        { type: 'token', text: 'Bonjour' },
        { type: 'token', text: ', ' },
      ]);

      const draft = askedDraft();
      stream.send('draft', draft).end();
      await settle();
      expect(run.seen.at(-1)).toEqual({ type: 'draft', draft });
      expect(run.completed()).toBe(true);
    });

    it('should fail with the French message of an error event', async () => {
      const run = record(api.ask({ question: 'CLM stagiaire' }));
      await settle();

      fetch
        .stream()
        .send('token', { text: 'Bon' })
        .send('error', { code: 'TIMEOUT', message: 'Le service de rédaction n’a pas répondu à temps. Réessayez.' })
        .end();
      await settle();

      expect(run.seen).toEqual([{ type: 'token', text: 'Bon' }]);
      expect(run.failure()).toBeInstanceOf(ApiError);
      expect(run.failure()).toMatchObject({ code: 'TIMEOUT', message: 'Le service de rédaction n’a pas répondu à temps. Réessayez.' });
    });

    it('should fail with the gateway message and details of an HTTP error', async () => {
      const run = firstValueFrom(api.ask({ question: '' }));
      await settle();

      fetch.json(400, { code: 'BAD_REQUEST', message: 'Question refusée : corrigez-la puis renvoyez-la.', details: ['la question est vide'] });

      await expect(run).rejects.toMatchObject({
        status: 400,
        code: 'BAD_REQUEST',
        message: 'Question refusée : corrigez-la puis renvoyez-la.',
        details: ['la question est vide'],
      });
    });

    it('should say the server does not answer when the network fails', async () => {
      const run = firstValueFrom(api.ask({ question: 'CLM' }));
      await settle();

      fetch.fail();

      await expect(run).rejects.toMatchObject({ status: 0, message: 'Le serveur MILEVA ne répond pas. Vérifiez votre connexion puis réessayez.' });
    });

    it('should fail when the stream ends without its draft', async () => {
      const run = firstValueFrom(api.ask({ question: 'CLM' }).pipe(toArray()));
      await settle();

      fetch.stream().send('token', { text: 'Bonjour' }).end();

      await expect(run).rejects.toMatchObject({ message: INTERRUPTED_MESSAGE });
    });

    it('should forget the session and open the sign-in page on a 401', async () => {
      const session = TestBed.inject(SessionStore);
      const router = TestBed.inject(Router);
      const run = firstValueFrom(api.ask({ question: 'CLM' }));
      await settle();

      fetch.json(401, { code: 'UNAUTHENTICATED', message: 'Connexion requise.' });
      await expect(run).rejects.toMatchObject({ status: 401 });
      await settle();

      expect(session.user()).toBeNull();
      expect(session.notice()?.text).toBe('Votre session a expiré ou vous avez été déconnecté : reconnectez-vous pour continuer.');
      expect(router.url).toBe('/connexion?retour=%2F');
    });

    it('should read a JSON draft when the gateway did not stream', async () => {
      const run = firstValueFrom(api.ask({ question: 'CLM' }).pipe(toArray()));
      await settle();
      const draft = askedDraft();

      fetch.json(200, draft);

      await expect(run).resolves.toEqual([{ type: 'draft', draft }]);
    });

    it('should abort the request and stop reading when unsubscribed', async () => {
      const run = record(api.ask({ question: 'CLM' }));
      await settle();
      const stream = fetch.stream();
      stream.send('token', { text: 'Bon' });
      await settle();

      run.subscription.unsubscribe();
      await settle();

      expect(fetch.calls[0].init.signal?.aborted).toBe(true);
      expect(stream.cancelled).toBe(true);
      expect(run.failure()).toBeUndefined();
    });
  });
});
