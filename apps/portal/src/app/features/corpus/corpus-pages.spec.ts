import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router } from '@angular/router';
import { App } from '../../app';
import { appConfig } from '../../app.config';
import { DocumentSummary, Session } from '../../core/api.model';
import { SESSION_URL } from '../../core/session-store';

const EXPERT: Session = { user: { id: 'u-3', academie: 'lyon', role: 'expert' }, mode: 'dev' };
const ADMIN: Session = { user: { id: 'u-4', academie: 'poitiers', role: 'admin' }, mode: 'dev' };
const GESTIONNAIRE: Session = { user: { id: 'u-1', academie: 'lyon', role: 'gestionnaire' }, mode: 'dev' };
const UNAUTHENTICATED = { code: 'UNAUTHENTICATED', message: 'Connexion requise.' };

const DOCUMENTS: DocumentSummary[] = [
  {
    id: 'd-1',
    corpus: 'lyon',
    title: 'Note académique : astreintes',
    sourceUri: 'astreintes.md',
    theme: 'remuneration',
    validFrom: '2024-09-01',
    validTo: '2025-08-31',
    version: 2,
    status: 'active',
    kind: 'document',
    chunks: 7,
    pages: null,
    updatedAt: '2025-09-01T08:00:00.000Z',
  },
  {
    id: 'd-2',
    corpus: 'lyon',
    title: 'Médiathèque : prêt de matériel',
    sourceUri: 'mediatheque.md',
    theme: null,
    validFrom: null,
    validTo: null,
    version: 1,
    status: 'active',
    kind: 'document',
    chunks: 2,
    pages: null,
    updatedAt: '2025-09-01T08:00:00.000Z',
  },
];

describe('corpus pages', () => {
  let fixture: ComponentFixture<App>;
  let router: Router;
  let http: HttpTestingController;

  async function renderAt(url: string, session: Session | null): Promise<HTMLElement> {
    TestBed.configureTestingModule({ imports: [App], providers: [...appConfig.providers, provideHttpClientTesting()] });
    router = TestBed.inject(Router);
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(App);
    const navigation = router.navigateByUrl(url);
    const request = http.expectOne(SESSION_URL);
    if (session) request.flush(session);
    else request.flush(UNAUTHENTICATED, { status: 401, statusText: 'Unauthorized' });
    await navigation;
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  async function settle(): Promise<void> {
    for (let turn = 0; turn < 5; turn++) {
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
    }
  }

  function text(element: Element | null | undefined): string {
    return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  function navLinks(shell: HTMLElement): string[] {
    return Array.from(shell.querySelectorAll('.fr-nav__link')).map(text);
  }

  function row(shell: HTMLElement, id: string): HTMLElement | null {
    return shell.querySelector<HTMLElement>(`tr[data-document="${id}"]`);
  }

  async function click(button: HTMLButtonElement | null | undefined): Promise<void> {
    button?.click();
    await settle();
  }

  function buttonIn(element: Element | null, label: string): HTMLButtonElement | undefined {
    return Array.from(element?.querySelectorAll('button') ?? []).find((candidate) => text(candidate) === label);
  }

  async function documentsPage(session: Session = EXPERT): Promise<HTMLElement> {
    const shell = await renderAt('/corpus', session);
    http.expectOne((request) => request.url === '/api/v1/corpus/documents').flush({ corpus: 'lyon', documents: DOCUMENTS });
    await settle();
    return shell;
  }

  describe('access', () => {
    it('should offer the corpus in the navigation to an expert and open its documents', async () => {
      const shell = await documentsPage();

      expect(navLinks(shell)).toContain('Corpus');
      expect(TestBed.inject(Title).getTitle()).toBe('Documents du corpus — MILEVA');
      expect(text(shell.querySelector('main h1'))).toBe('Documents du corpus');
      expect(text(shell.querySelector('main nav[aria-label="Gestion du corpus"]'))).toContain('Corpus géré : Académie de Lyon');
    });

    it('should neither link nor open the corpus for a gestionnaire, and say why in French', async () => {
      const shell = await renderAt('/corpus/reponses', GESTIONNAIRE);

      expect(navLinks(shell)).not.toContain('Corpus');
      expect(TestBed.inject(Title).getTitle()).toBe('Accès réservé — MILEVA');
      expect(text(shell.querySelector('main'))).toContain('La gestion du corpus est réservée aux experts et aux administrateurs');
      http.expectNone((request) => request.url.startsWith('/api/v1/corpus'));
    });

    it('should send a signed-out visitor to the sign-in page, then back to the corpus', async () => {
      await renderAt('/corpus', null);

      expect(router.url).toBe('/connexion?retour=%2Fcorpus');
    });

    it('should let an administrator pick the corpus the pages act on', async () => {
      const shell = await documentsPage(ADMIN);
      const select = shell.querySelector<HTMLSelectElement>('#corpus-choisi');
      if (!select) throw new Error('no corpus choice');
      select.value = 'national';
      select.dispatchEvent(new Event('change'));
      await settle();

      const request = http.expectOne((candidate) => candidate.url === '/api/v1/corpus/documents');
      expect(request.request.params.get('corpus')).toBe('national');
      request.flush({ corpus: 'national', documents: [] });
      await settle();
      expect(text(shell.querySelector('main'))).toContain('Ce corpus ne contient encore aucun document.');
    });
  });

  describe('documents', () => {
    it('should show status, version, validity, passages and theme, and filter by title and theme', async () => {
      const shell = await documentsPage();

      expect(Array.from(row(shell, 'd-1')?.querySelectorAll('td') ?? []).slice(0, 6).map(text)).toEqual([
        'Note académique : astreintes astreintes.md',
        'En vigueur',
        '2',
        'Du 1 sept. 2024 au 31 août 2025',
        '7',
        'Rémunération',
      ]);
      const search = shell.querySelector<HTMLInputElement>('#filtre-titre');
      if (!search) throw new Error('no title filter');
      search.value = 'médiathèque';
      search.dispatchEvent(new Event('input'));
      await settle();
      expect(row(shell, 'd-1')).toBeNull();
      expect(row(shell, 'd-2')).not.toBeNull();
    });

    it('should ask all the versions when the status filter says so', async () => {
      const shell = await documentsPage();
      const status = shell.querySelector<HTMLSelectElement>('#filtre-statut');
      if (!status) throw new Error('no status filter');
      status.value = 'all';
      status.dispatchEvent(new Event('change'));
      await settle();

      const request = http.expectOne((candidate) => candidate.url === '/api/v1/corpus/documents');
      expect(request.request.params.get('includeInactive')).toBe('true');
      request.flush({ corpus: 'lyon', documents: [...DOCUMENTS, { ...DOCUMENTS[0], id: 'd-0', version: 1, status: 'superseded' }] });
      await settle();
      expect(text(row(shell, 'd-0')?.querySelectorAll('td')[1])).toBe('Remplacé');
      expect(buttonIn(row(shell, 'd-0'), 'Retirer')).toBeUndefined();
    });

    it('should withdraw a document only once the withdrawal is confirmed', async () => {
      const shell = await documentsPage();
      await click(buttonIn(row(shell, 'd-2'), 'Retirer'));
      http.expectNone({ method: 'DELETE' });
      expect(text(shell.querySelector('#retrait-d-2'))).toContain('Retirer « Médiathèque : prêt de matériel » ?');

      await click(buttonIn(shell.querySelector('.mlv-row-panel'), 'Confirmer le retrait'));
      const request = http.expectOne('/api/v1/corpus/documents/d-2');
      expect(request.request.method).toBe('DELETE');
      request.flush(null, { status: 204, statusText: 'No Content' });
      await settle();
      http.expectOne((candidate) => candidate.url === '/api/v1/corpus/documents').flush({ corpus: 'lyon', documents: [DOCUMENTS[0]] });
      await settle();

      expect(row(shell, 'd-2')).toBeNull();
      expect(text(shell.querySelector('#documents-statut'))).toBe('« Médiathèque : prêt de matériel » retiré du corpus.');
    });

    it('should change theme and validity of a document, an emptied date cleared', async () => {
      const shell = await documentsPage();
      await click(buttonIn(row(shell, 'd-1'), 'Modifier'));
      const end = shell.querySelector<HTMLInputElement>('#fin-d-1');
      const theme = shell.querySelector<HTMLSelectElement>('#theme-d-1');
      if (!end || !theme) throw new Error('no edit form');
      expect(end.value).toBe('2025-08-31');
      end.value = '';
      end.dispatchEvent(new Event('change'));
      theme.value = 'temps-de-travail';
      theme.dispatchEvent(new Event('change'));
      await settle();
      await click(buttonIn(shell.querySelector('.mlv-row-panel'), 'Enregistrer'));

      const request = http.expectOne('/api/v1/corpus/documents/d-1');
      expect(request.request.method).toBe('PATCH');
      expect(request.request.body).toEqual({ theme: 'temps-de-travail', validFrom: '2024-09-01', validTo: null });
      request.flush({ ...DOCUMENTS[0], theme: 'temps-de-travail', validTo: null });
      await settle();

      expect(shell.querySelector('.mlv-row-panel')).toBeNull();
      expect(text(row(shell, 'd-1')?.querySelectorAll('td')[3])).toBe('À partir du 1 sept. 2024');
    });
  });
});
