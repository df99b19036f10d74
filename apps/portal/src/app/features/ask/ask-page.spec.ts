import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { THEMES } from '@mileva/rh-taxonomy';
import { Conversation } from '../../core/api.model';
import { AI_NOTICE, askedDraft, citation } from '../../testing/drafts';
import { FakeFetch, settle } from '../../testing/fake-fetch';
import { FETCH } from './ask-api';
import { AskPage } from './ask-page';

@Component({ selector: 'mlv-elsewhere', template: '' })
class Elsewhere {}

describe(AskPage.name, () => {
  let fetch: FakeFetch;
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    fetch = new FakeFetch();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: '', component: AskPage },
          { path: 'conversations/:id', component: AskPage },
          { path: 'conversations', component: Elsewhere },
          { path: 'connexion', component: Elsewhere },
        ]),
        { provide: FETCH, useValue: fetch.fn },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    http.verify();
    delete (navigator as { clipboard?: unknown }).clipboard;
  });

  async function open(url = '/'): Promise<void> {
    await harness.navigateByUrl(url);
    await stable();
  }

  async function stable(): Promise<void> {
    await settle();
    await harness.fixture.whenStable();
  }

  function page(): HTMLElement {
    return harness.routeNativeElement as HTMLElement;
  }

  function visible(element: Element | null | undefined): string {
    return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  /** Text as read aloud: separate elements read as separate words even when no space sits between them. */
  function words(element: Element | null | undefined): string {
    const parts: string[] = [];
    const walker = document.createTreeWalker(element ?? document.createElement('div'), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent ?? '');
    return parts.join(' ').replace(/\s+/g, ' ').trim();
  }

  function all(selector: string): HTMLElement[] {
    return Array.from(page().querySelectorAll<HTMLElement>(selector));
  }

  function field(): HTMLTextAreaElement {
    const textarea = page().querySelector<HTMLTextAreaElement>('textarea#question');
    if (!textarea) throw new Error('no question field');
    return textarea;
  }

  async function type(text: string): Promise<void> {
    field().value = text;
    field().dispatchEvent(new Event('input'));
    await stable();
  }

  async function send(): Promise<void> {
    page().querySelector<HTMLButtonElement>('form button[type="submit"]')?.click();
    await stable();
  }

  async function ask(text: string): Promise<void> {
    await type(text);
    await send();
  }

  function liveStatus(): string {
    return visible(page().querySelector('p.fr-sr-only[role="status"]'));
  }

  function sources(): HTMLElement[] {
    return all('mlv-sources-panel li');
  }

  describe('a new conversation', () => {
    it('should propose the themes of the taxonomy as entry points, one at a time', async () => {
      await open();
      const tags = all('button.fr-tag');

      expect(tags.map((tag) => visible(tag))).toEqual(THEMES.map((theme) => theme.label));
      expect(tags.every((tag) => tag.getAttribute('aria-pressed') === 'false')).toBe(true);

      tags[1].click();
      await stable();
      expect(all('button.fr-tag[aria-pressed="true"]').map((tag) => visible(tag))).toEqual([THEMES[1].label]);

      tags[1].click();
      await stable();
      expect(all('button.fr-tag[aria-pressed="true"]')).toEqual([]);
    });

    it('should label the question box and tell that sentences, keywords and acronyms work', async () => {
      await open();

      expect(visible(page().querySelector('label[for="question"]'))).toMatch(/^Question de l’agent Phrase complète, mots-clés ou sigles/);
      expect(field().getAttribute('aria-describedby')).toBe('question-aide question-rappel question-donnees');
      expect(visible(page().querySelector('#question-rappel'))).toContain('remplacées par des repères dès que la question arrive sur le serveur MILEVA');
    });

    it('should highlight the personal data of the question while it is typed, before anything is sent', async () => {
      await open();

      await type('Mme Dupont, 06 12 34 56 78, demande un CLM');

      expect(all('mlv-personal-data-preview mark').map((mark) => mark.firstChild?.textContent)).toEqual(['Dupont', '06 12 34 56 78']);
      expect(fetch.calls).toEqual([]);
    });

    it('should ask for the question instead of sending an empty one', async () => {
      await open();

      await ask('   ');

      expect(visible(page().querySelector('#question-erreur'))).toBe('Saisissez la question de l’agent.');
      expect(document.activeElement).toBe(field());
      expect(fetch.calls).toEqual([]);
    });
  });

  describe('asking', () => {
    it('should send the question with the chosen theme and stream the draft in with an accessible progress', async () => {
      await open();
      const theme = THEMES.find((candidate) => candidate.code === 'conges-maladie');
      all('button.fr-tag').find((tag) => visible(tag) === theme?.label)?.click();
      await ask('Un stagiaire peut-il avoir un CLM ?');

      expect(fetch.calls.map((call) => call.body)).toEqual([{ question: 'Un stagiaire peut-il avoir un CLM ?', theme: 'conges-maladie' }]);
      expect(field().value).toBe('');
      expect(liveStatus()).toBe('Rédaction du brouillon en cours…');
      expect(visible(page().querySelector('.mlv-exchange__question'))).toBe('Un stagiaire peut-il avoir un CLM ?');
      expect(visible(page().querySelector('.mlv-exchange__answer'))).toContain('Recherche dans les documents…');
      expect(page().querySelector('form button[type="submit"]')?.hasAttribute('disabled')).toBe(true);

      const stream = fetch.stream();
      stream.send('token', { text: 'Bonjour, le congé ' });
      await stable();
      stream.raw('event: token\ndata: {"text":"est accordé');
      await stable();
      stream.raw('"}\n\n');
      await stable();

      const answer = page().querySelector('.mlv-exchange__answer');
      expect(answer?.getAttribute('aria-busy')).toBe('true');
      expect(visible(answer?.querySelector('.mlv-exchange__text'))).toBe('Bonjour, le congé est accordé');
      expect(visible(answer)).toContain('Rédaction en cours…');

      stream.send('draft', askedDraft()).end();
      await stable();

      expect(answer?.getAttribute('aria-busy')).toBe('false');
      expect(liveStatus()).toBe('Brouillon prêt : 2 sources citées.');
      expect(all('.mlv-draft__text p').map((p) => visible(p))).toEqual([
        'Bonjour,',
        'Le congé est accordé sur avis du conseil médical [1]. La demande se fait auprès du rectorat [2].',
        'Cordialement,',
      ]);
      expect(page().querySelector('form button[type="submit"]')?.hasAttribute('disabled')).toBe(false);
    });

    it('should render citations as numbered links to the sources panel, and move focus to a source when followed', async () => {
      await open();
      await ask('CLM stagiaire');
      fetch.stream().send('draft', askedDraft()).end();
      await stable();

      const links = all('a.mlv-cite');
      expect(links.map((link) => [visible(link), link.getAttribute('href'), link.getAttribute('aria-label')])).toEqual([
        ['1', '#source-1', 'Source 1 : Guide des congés de maladie'],
        ['2', '#source-2', 'Source 2 : Circulaire académique'],
      ]);
      expect(visible(page().querySelector('.mlv-draft__text'))).toContain('conseil médical [1]. La demande');

      links[1].click();
      await stable();
      expect(document.activeElement?.id).toBe('source-2');
      expect(TestBed.inject(Router).url).toBe('/');
    });

    it('should show each cited passage with its document, section, page, validity, scope and a link when it has a web address', async () => {
      await open();
      await ask('CLM stagiaire');
      fetch.stream().send('draft', askedDraft()).end();
      await stable();

      const [first, second] = sources();
      expect(visible(page().querySelector('mlv-sources-panel h2'))).toBe('Sources du brouillon');
      expect(words(first)).toBe(
        '[1] Guide des congés de maladie National Section : Congé de longue maladie › Conditions Page 12 · Valable depuis le 1 septembre 2025 ' +
          'Le congé de longue maladie est accordé après avis du conseil médical. Ouvrir le document',
      );
      const link = first.querySelector('a');
      expect(link?.getAttribute('href')).toBe('https://www.example.gouv.fr/doc-1');
      expect(link?.getAttribute('target')).toBe('_blank');
      expect(link?.getAttribute('title')).toBe('Ouvrir le document « Guide des congés de maladie » - nouvelle fenêtre');
      expect(words(second)).toBe('[2] Circulaire académique Académie Passage cité numéro 2.');
      expect(second.querySelector('a')).toBeNull();
    });

    it('should clear the field even when the question is sent in the same task it was typed', async () => {
      await open();

      field().value = 'CLM stagiaire';
      field().dispatchEvent(new Event('input'));
      page().querySelector<HTMLButtonElement>('form button[type="submit"]')?.click();
      await stable();

      expect(fetch.calls.map((call) => call.body)).toEqual([{ question: 'CLM stagiaire' }]);
      expect(field().value).toBe('');
    });

    it('should not list the questions to ask the agent twice when the draft already holds them', async () => {
      await open();
      await ask('CLM stagiaire');
      fetch
        .stream()
        .send('draft', askedDraft({ answer: 'Bonjour,\n\nQuestions à poser à l’agent :\n- L’agent est-il titulaire ou contractuel ?' }))
        .end();
      await stable();

      const answer = page().querySelector('mlv-draft-answer');
      expect(visible(answer?.querySelector('.mlv-draft__text'))).toContain('- L’agent est-il titulaire ou contractuel ?');
      expect(Array.from(answer?.querySelectorAll('h4') ?? []).map((h4) => visible(h4))).not.toContain('Questions à poser à l’agent');
    });

    it('should list the questions to ask the agent and show the AI-use mention', async () => {
      await open();
      await ask('CLM stagiaire');
      fetch.stream().send('draft', askedDraft()).end();
      await stable();

      const answer = page().querySelector('mlv-draft-answer');
      expect(visible(answer)).toContain('Questions à poser à l’agent');
      expect(Array.from(answer?.querySelectorAll('ul:not(.fr-btns-group) li') ?? []).map((li) => visible(li))).toEqual([
        'L’agent est-il titulaire ou contractuel ?',
      ]);
      expect(visible(answer?.querySelector('.fr-highlight'))).toBe(`Mention d’usage de l’IA (reprise dans la copie) : « ${AI_NOTICE} »`);
    });

    it('should copy the draft with its AI-use mention', async () => {
      const writeText = jest.fn().mockResolvedValue(undefined);
      Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
      await open();
      await ask('CLM stagiaire');
      const draft = askedDraft({ answer: 'Bonjour,\n\nRéponse [1].' });
      fetch.stream().send('draft', draft).end();
      await stable();

      all('mlv-draft-answer button').find((button) => visible(button) === 'Copier le brouillon')?.click();
      await stable();

      expect(writeText).toHaveBeenCalledWith(`Bonjour,\n\nRéponse [1].\n\n---\n${AI_NOTICE}`);
      expect(visible(page().querySelector('mlv-draft-answer [role="status"]'))).toBe('Brouillon copié, avec la mention d’usage de l’IA.');
    });

    it('should continue the conversation with its id for the next question', async () => {
      await open();
      await ask('CLM stagiaire');
      fetch.stream().send('draft', askedDraft({ conversationId: 'conv-42' })).end();
      await stable();

      await ask('Et pour un contractuel ?');

      expect(fetch.calls.map((call) => call.body)).toEqual([
        { question: 'CLM stagiaire' },
        { question: 'Et pour un contractuel ?', conversationId: 'conv-42' },
      ]);
      expect(visible(page().querySelector('label[for="question"]'))).toMatch(/^Autre question dans cette conversation/);
      expect(all('.mlv-exchange h2').map((h2) => visible(h2))).toEqual(['Question 1', 'Question 2']);
    });

    it('should link each number of a grouped citation', async () => {
      await open();
      await ask('CLM stagiaire');
      fetch.stream().send('draft', askedDraft({ answer: 'Le congé est accordé [1, 2] ; voir aussi [3].' })).end();
      await stable();

      expect(visible(page().querySelector('.mlv-draft__text'))).toBe('Le congé est accordé [1, 2] ; voir aussi [3].');
      expect(all('a.mlv-cite').map((link) => link.getAttribute('href'))).toEqual(['#source-1', '#source-2']);
    });

    it('should show the sources of the draft whose citation was followed', async () => {
      await open();
      await ask('CLM stagiaire');
      fetch.stream().send('draft', askedDraft({ citations: [citation(1, { title: 'Premier document' })], answer: 'Un [1].' })).end();
      await stable();
      await ask('Et le CLD ?');
      fetch.stream().send('draft', askedDraft({ citations: [citation(1, { title: 'Second document' })], answer: 'Deux [1].' })).end();
      await stable();
      expect(visible(sources()[0])).toContain('Second document');
      expect(visible(page().querySelector('mlv-sources-panel h2'))).toBe('Sources du brouillon 2');

      all('a.mlv-cite')[0].click();
      await stable();

      expect(visible(sources()[0])).toContain('Premier document');
      expect(visible(page().querySelector('mlv-sources-panel h2'))).toBe('Sources du brouillon 1');
      expect(document.activeElement?.id).toBe('source-1');
    });
  });

  describe('errors', () => {
    it('should show the French message of an error event as a DSFR alert and give the question back', async () => {
      await open();
      await ask('CLM stagiaire');

      fetch
        .stream()
        .send('token', { text: 'Bon' })
        .send('error', { code: 'UNAVAILABLE', message: 'Le service de rédaction est indisponible. Réessayez dans quelques minutes.' })
        .end();
      await stable();

      const alert = page().querySelector('.fr-alert--error');
      expect(alert?.getAttribute('role')).toBe('alert');
      expect(words(alert)).toBe(
        'Le brouillon n’a pas pu être préparé Le service de rédaction est indisponible. Réessayez dans quelques minutes.',
      );
      expect(field().value).toBe('CLM stagiaire');
      expect(liveStatus()).toBe('');
    });

    it('should show the message and details of an HTTP error', async () => {
      await open();
      await ask('CLM stagiaire');

      fetch.json(400, { code: 'BAD_REQUEST', message: 'Question refusée : corrigez-la puis renvoyez-la.', details: ['la question dépasse 4 000 caractères'] });
      await stable();

      expect(words(page().querySelector('.fr-alert--error'))).toBe(
        'Le brouillon n’a pas pu être préparé Question refusée : corrigez-la puis renvoyez-la. la question dépasse 4 000 caractères',
      );
    });

    it('should stop a draft being written, abort the request and give the question back', async () => {
      await open();
      await ask('CLM stagiaire');
      const stream = fetch.stream().send('token', { text: 'Bon' });
      await stable();

      all('form button').find((button) => visible(button) === 'Arrêter la rédaction')?.click();
      await stable();

      expect(stream.cancelled).toBe(true);
      expect(fetch.calls[0].init.signal?.aborted).toBe(true);
      expect(visible(page().querySelector('.fr-alert--info'))).toBe('Rédaction arrêtée : la question est revenue dans le champ de saisie.');
      expect(field().value).toBe('CLM stagiaire');
    });
  });

  describe('"Nouvelle conversation"', () => {
    it('should clear the conversation, propose the themes again and start a new conversation at the next question', async () => {
      await open();
      await ask('CLM stagiaire');
      fetch.stream().send('draft', askedDraft({ conversationId: 'conv-42' })).end();
      await stable();

      all('button').find((button) => visible(button) === 'Nouvelle conversation')?.click();
      await stable();

      expect(all('.mlv-exchange')).toEqual([]);
      expect(all('button.fr-tag')).toHaveLength(THEMES.length);
      expect(sources()).toEqual([]);
      expect(document.activeElement).toBe(field());
      await ask('Congé parental');
      expect(fetch.calls.at(-1)?.body).toEqual({ question: 'Congé parental' });
    });
  });

  describe('a reopened conversation', () => {
    const CONVERSATION: Conversation = {
      id: 'conv-9',
      title: 'CLM d’un stagiaire',
      createdAt: '2026-03-02T09:00:00.000Z',
      messages: [
        { id: 'm-1', role: 'user', text: '[PERSONNE_1] peut-il avoir un CLM ?', createdAt: '2026-03-02T09:00:00.000Z' },
        { id: 'm-2', role: 'assistant', text: 'Bonjour…', draft: askedDraft({ conversationId: 'conv-9', messageId: undefined }), createdAt: '2026-03-02T09:00:01.000Z' },
        { id: 'm-3', role: 'user', text: 'Et un contractuel ?', createdAt: '2026-03-02T09:01:00.000Z' },
        { id: 'm-4', role: 'assistant', text: 'Réponse conservée sans brouillon.', createdAt: '2026-03-02T09:01:01.000Z' },
      ],
    };

    it('should load the conversation and show its questions and drafts', async () => {
      await harness.navigateByUrl('/conversations/conv-9');
      expect(visible(page().querySelector('[role="status"]:not(.fr-sr-only)'))).toBe('Chargement de la conversation…');
      http.expectOne('/api/v1/conversations/conv-9').flush(CONVERSATION);
      await stable();

      expect(visible(page().querySelector('h1'))).toBe('CLM d’un stagiaire');
      expect(all('.mlv-exchange__question').map((p) => visible(p))).toEqual(['[PERSONNE_1] peut-il avoir un CLM ?', 'Et un contractuel ?']);
      expect(all('mlv-draft-answer')).toHaveLength(1);
      expect(visible(all('.mlv-exchange')[1].querySelector('.mlv-exchange__text'))).toBe('Réponse conservée sans brouillon.');
      expect(sources()).toHaveLength(2);
      expect(all('mlv-feedback-form')).toHaveLength(1);
      expect(all('button.fr-tag')).toEqual([]);
    });

    it('should continue the reopened conversation with its id', async () => {
      await harness.navigateByUrl('/conversations/conv-9');
      http.expectOne('/api/v1/conversations/conv-9').flush(CONVERSATION);
      await stable();

      await ask('Et pour un TZR ?');

      expect(fetch.calls.map((call) => call.body)).toEqual([{ question: 'Et pour un TZR ?', conversationId: 'conv-9' }]);
    });

    it('should say so when the conversation cannot be opened', async () => {
      await harness.navigateByUrl('/conversations/conv-x');
      http
        .expectOne('/api/v1/conversations/conv-x')
        .flush({ code: 'NOT_FOUND', message: 'Conversation introuvable.' }, { status: 404, statusText: 'Not Found' });
      await stable();

      expect(words(page().querySelector('.fr-alert--error'))).toBe(
        'La conversation n’a pas pu être ouverte Conversation introuvable. Revenir à mes conversations',
      );
      expect(page().querySelector('textarea')).toBeNull();
    });

    it('should go back to a new conversation at / with "Nouvelle conversation"', async () => {
      await harness.navigateByUrl('/conversations/conv-9');
      http.expectOne('/api/v1/conversations/conv-9').flush(CONVERSATION);
      await stable();

      all('button').find((button) => visible(button) === 'Nouvelle conversation')?.click();
      await stable();

      expect(TestBed.inject(Router).url).toBe('/');
      expect(visible(page().querySelector('h1'))).toBe('Poser une question');
      expect(all('.mlv-exchange')).toEqual([]);
    });
  });
});
