import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ConversationSummary } from '../../core/api.model';
import { settle } from '../../testing/fake-fetch';
import { ConversationsPage } from './conversations-page';

const CONVERSATIONS: ConversationSummary[] = [
  { id: 'c-2', title: 'Mutation d’un TZR', createdAt: '2026-03-03T08:00:00.000Z', updatedAt: '2026-03-03T09:30:00.000Z' },
  { id: 'c-1', title: 'CLM d’un stagiaire', createdAt: '2026-03-02T08:00:00.000Z', updatedAt: '2026-03-02T08:05:00.000Z' },
];

describe(ConversationsPage.name, () => {
  let fixture: ComponentFixture<ConversationsPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ConversationsPage);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function page(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function visible(element: Element | null | undefined): string {
    return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  function button(text: string): HTMLButtonElement | undefined {
    return Array.from(page().querySelectorAll('button')).find((candidate) => visible(candidate) === text);
  }

  async function answer(body: string | object, init?: { status: number; statusText: string }): Promise<void> {
    http.expectOne('/api/v1/conversations').flush(body, init);
    await settle();
    await fixture.whenStable();
  }

  async function click(element: HTMLElement | undefined): Promise<void> {
    element?.click();
    await settle();
    await fixture.whenStable();
  }

  it('should list the conversations newest first with links to reopen them', async () => {
    expect(visible(page().querySelector('[role="status"]:not(.fr-sr-only)'))).toBe('Chargement de vos conversations…');
    await answer({ conversations: CONVERSATIONS });

    const links = Array.from(page().querySelectorAll('li h2 a'));
    expect(links.map((link) => [visible(link), link.getAttribute('href')])).toEqual([
      ['Mutation d’un TZR', '/conversations/c-2'],
      ['CLM d’un stagiaire', '/conversations/c-1'],
    ]);
    expect(page().querySelector('li time')?.getAttribute('datetime')).toBe('2026-03-03T09:30:00.000Z');
    expect(visible(page().querySelector('li time'))).toMatch(/^3 mars 2026/);
  });

  it('should say when there is no conversation yet', async () => {
    await answer({ conversations: [] });

    expect(visible(page())).toContain('Vous n’avez pas encore de conversation. Posez une première question.');
  });

  it('should delete a conversation only once the deletion is confirmed', async () => {
    await answer({ conversations: CONVERSATIONS });

    await click(page().querySelector<HTMLButtonElement>('#supprimer-c-1') ?? undefined);
    http.expectNone({ method: 'DELETE' });
    expect(visible(page().querySelector('#confirmation-c-1'))).toBe('Supprimer définitivement cette conversation ?');
    expect(visible(document.activeElement)).toBe('Confirmer la suppression');

    await click(button('Confirmer la suppression'));
    const request = http.expectOne('/api/v1/conversations/c-1');
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    await fixture.whenStable();

    expect(Array.from(page().querySelectorAll('li h2')).map((h2) => visible(h2))).toEqual(['Mutation d’un TZR']);
    expect(visible(page().querySelector('p.fr-sr-only[role="status"]'))).toBe('Conversation « CLM d’un stagiaire » supprimée.');
  });

  it('should keep the conversation when the deletion is cancelled', async () => {
    await answer({ conversations: CONVERSATIONS });
    const remove = page().querySelector<HTMLButtonElement>('#supprimer-c-2') ?? undefined;
    expect(remove?.getAttribute('aria-label')).toBe('Supprimer la conversation « Mutation d’un TZR »');

    await click(remove);
    await click(button('Annuler'));

    http.expectNone({ method: 'DELETE' });
    expect(page().querySelectorAll('li h2')).toHaveLength(2);
    expect(document.activeElement?.id).toBe('supprimer-c-2');
  });

  it('should keep the conversation and say why when the deletion fails', async () => {
    await answer({ conversations: CONVERSATIONS });
    await click(page().querySelector<HTMLButtonElement>('#supprimer-c-1') ?? undefined);
    await click(button('Confirmer la suppression'));

    http.expectOne('/api/v1/conversations/c-1').flush({ code: 'UNAVAILABLE', message: 'Base indisponible.' }, { status: 503, statusText: 'Unavailable' });
    await settle();
    await fixture.whenStable();

    expect(visible(page().querySelector('.fr-alert--error h2'))).toBe('La conversation n’a pas été supprimée');
    expect(visible(page().querySelector('.fr-alert--error p'))).toBe('Base indisponible.');
    expect(page().querySelectorAll('li h2')).toHaveLength(2);
  });

  it('should say when the list cannot be loaded', async () => {
    await answer('Bad gateway', { status: 502, statusText: 'Bad Gateway' });

    expect(page().querySelector('.fr-alert--error')?.getAttribute('role')).toBe('alert');
    expect(visible(page().querySelector('.fr-alert--error h2'))).toBe('Vos conversations n’ont pas pu être chargées');
    expect(visible(page().querySelector('.fr-alert--error p'))).toBe(
      'Le service est momentanément indisponible. Réessayez dans quelques instants.',
    );
  });
});
