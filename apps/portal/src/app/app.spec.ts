import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router } from '@angular/router';
import { App } from './app';
import { appConfig } from './app.config';
import { Session } from './core/api.model';
import { SESSION_URL } from './core/session-store';

const GESTIONNAIRE: Session = { user: { id: 'u-1', academie: 'lyon', role: 'gestionnaire' }, mode: 'dev' };
const DGRH: Session = { user: { id: 'u-2', academie: 'national', role: 'dgrh' }, mode: 'oidc' };
const UNAUTHENTICATED = { code: 'UNAUTHENTICATED', message: 'Connexion requise.' };

describe(App.name, () => {
  let fixture: ComponentFixture<App>;
  let router: Router;
  let http: HttpTestingController;

  /** Opens the portal at `url`; the gateway says `session` is signed in (null: nobody, 401). */
  async function renderAt(url: string, session: Session | null = null): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [App],
      providers: [...appConfig.providers, provideHttpClientTesting()],
    });
    router = TestBed.inject(Router);
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(App);
    const navigation = router.navigateByUrl(url);
    answerSession(session);
    await navigation;
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  function answerSession(session: Session | null): void {
    const request = http.expectOne(SESSION_URL);
    if (session) request.flush(session);
    else request.flush(UNAUTHENTICATED, { status: 401, statusText: 'Unauthorized' });
  }

  async function navigate(url: string): Promise<void> {
    await router.navigateByUrl(url);
    await fixture.whenStable();
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

  function title(): string {
    return TestBed.inject(Title).getTitle();
  }

  describe('shell', () => {
    it('should show the DSFR header with the ministry block, the service name and its tagline', async () => {
      const shell = await renderAt('/a-propos');
      const header = shell.querySelector('header.fr-header');

      expect(header?.querySelector('.fr-logo')?.innerHTML).toBe("Ministère<br>de l'Éducation<br>nationale");
      expect(text(header?.querySelector('.fr-header__service-title'))).toBe('MILEVA');
      expect(text(header?.querySelector('.fr-header__service-tagline'))).toBe(
        'Aide à la réponse aux questions RH des personnels',
      );
    });

    it('should offer the main navigation to a signed-out visitor', async () => {
      const shell = await renderAt('/a-propos');
      const links = Array.from(shell.querySelectorAll('.fr-nav__link'));

      expect(links.map((link) => [text(link), link.getAttribute('href')])).toEqual([
        ['Accueil', '/'],
        ['À propos', '/a-propos'],
        ['État des services', '/etat'],
      ]);
      expect(links[1].getAttribute('aria-current')).toBe('page');
    });

    it('should offer asking and the conversations to a gestionnaire', async () => {
      const shell = await renderAt('/a-propos', GESTIONNAIRE);
      const links = Array.from(shell.querySelectorAll('.fr-nav__link'));

      expect(links.map((link) => [text(link), link.getAttribute('href')])).toEqual([
        ['Poser une question', '/'],
        ['Mes conversations', '/conversations'],
        ['À propos', '/a-propos'],
        ['État des services', '/etat'],
      ]);
    });

    it('should show the signed-in user with role and académie, and a sign-out button', async () => {
      const shell = await renderAt('/a-propos', GESTIONNAIRE);
      await settle();
      const tools = shell.querySelector('.fr-header__tools');

      expect(text(tools?.querySelector('.mlv-session__user'))).toBe('Gestionnaire RH , Académie de Lyon');
      expect(text(tools?.querySelector('button'))).toBe('Se déconnecter');
    });

    it('should offer "Se connecter" to a signed-out visitor', async () => {
      const shell = await renderAt('/a-propos');
      const link = shell.querySelector('.fr-header__tools a.fr-btn');

      expect(text(link)).toBe('Se connecter');
      expect(link?.getAttribute('href')).toBe('/connexion');
    });

    it('should sign out with DELETE /api/v1/session and open the sign-in page saying so', async () => {
      const shell = await renderAt('/a-propos', GESTIONNAIRE);

      shell.querySelector<HTMLButtonElement>('.fr-header__tools button')?.click();
      const request = http.expectOne(SESSION_URL);
      expect(request.request.method).toBe('DELETE');
      request.flush(null, { status: 204, statusText: 'No Content' });
      await settle();
      http.expectOne('/api/v1/session/options').flush({ mode: 'oidc', roles: [], academies: [] });
      await settle();

      expect(router.url).toBe('/connexion');
      expect(text(shell.querySelector('main [role="status"]'))).toBe('Vous êtes déconnecté.');
      expect(text(shell.querySelector('.fr-header__tools a.fr-btn'))).toBe('Se connecter');
    });

    it('should show the DSFR footer with its mandatory links as portal pages', async () => {
      const shell = await renderAt('/a-propos');
      const footer = shell.querySelector('footer.fr-footer');
      const mandatory = Array.from(footer?.querySelectorAll('.fr-footer__bottom-link') ?? []);

      expect(mandatory.map((link) => [text(link), link.getAttribute('href')])).toEqual([
        ['Accessibilité : non conforme', '/accessibilite'],
        ['Mentions légales', '/mentions-legales'],
        ['Données personnelles', '/donnees-personnelles'],
      ]);
      const institutional = Array.from(footer?.querySelectorAll('.fr-footer__content-link') ?? []);
      expect(institutional.map((link) => text(link))).toEqual([
        'info.gouv.fr',
        'service-public.fr',
        'legifrance.gouv.fr',
        'data.gouv.fr',
      ]);
    });

    it('should offer skip links to the content, the menu and the footer', async () => {
      const shell = await renderAt('/a-propos');
      const skipLinks = Array.from(shell.querySelectorAll('.fr-skiplinks a'));

      expect(shell.querySelector('.fr-skiplinks nav')?.getAttribute('aria-label')).toBe('Accès rapide');
      expect(skipLinks.map((link) => text(link))).toEqual(['Contenu', 'Menu', 'Pied de page']);
      for (const link of skipLinks) {
        const targetId = link.getAttribute('href')?.slice(1) ?? '';
        expect(shell.querySelector(`[id="${targetId}"]`)).not.toBeNull();
      }
    });

    it('should move focus to the main content when its skip link is used, without leaving the page', async () => {
      const shell = await renderAt('/etat');
      TestBed.inject(HttpTestingController).match('/api/health');

      shell.querySelector<HTMLAnchorElement>('.fr-skiplinks a')?.click();

      expect(document.activeElement?.id).toBe('contenu');
      expect(router.url).toBe('/etat');
    });
  });

  describe('routes', () => {
    it('should open the presentation page at /a-propos without signing in', async () => {
      const shell = await renderAt('/a-propos');

      expect(title()).toBe('À propos — MILEVA');
      expect(text(shell.querySelector('main h1'))).toBe(
        "MILEVA, l'aide à la réponse aux questions RH des personnels",
      );
      expect(text(shell.querySelector('main'))).toContain(
        "« Réponse préparée avec l'aide de MILEVA, outil d'intelligence artificielle, et vérifiée par le gestionnaire »",
      );
      expect(shell.querySelector('main form, main textarea')).toBeNull();
    });

    it('should send a signed-out visitor of / to the sign-in page, keeping where to come back', async () => {
      const shell = await renderAt('/');

      expect(router.url).toBe('/connexion?retour=%2F');
      expect(title()).toBe('Connexion — MILEVA');
      expect(text(shell.querySelector('main h1'))).toBe('Connexion à MILEVA');
    });

    it('should open the question page at / for a gestionnaire', async () => {
      const shell = await renderAt('/', GESTIONNAIRE);

      expect(title()).toBe('Poser une question — MILEVA');
      expect(text(shell.querySelector('main h1'))).toBe('Poser une question');
      expect(shell.querySelector('main textarea#question')).not.toBeNull();
    });

    it('should open the national space at / for the DGRH, without a question box', async () => {
      const shell = await renderAt('/', DGRH);

      expect(title()).toBe('Espace national — MILEVA');
      expect(text(shell.querySelector('main'))).toContain('Votre espace est le tableau de bord national');
      expect(shell.querySelector('main textarea')).toBeNull();
    });

    it('should send the DGRH from the conversations back to its home', async () => {
      await renderAt('/conversations', DGRH);

      expect(router.url).toBe('/');
    });

    it('should send the user back to sign in with a French message when a call answers 401', async () => {
      const shell = await renderAt('/conversations', GESTIONNAIRE);

      http.expectOne('/api/v1/conversations').flush(UNAUTHENTICATED, { status: 401, statusText: 'Unauthorized' });
      await settle();
      http.expectOne('/api/v1/session/options').flush({ mode: 'oidc', roles: [], academies: [] });
      await settle();

      expect(router.url).toBe('/connexion?retour=%2Fconversations');
      expect(text(shell.querySelector('main [role="status"]'))).toBe(
        'Votre session a expiré ou vous avez été déconnecté : reconnectez-vous pour continuer.',
      );
      expect(shell.querySelector('main a.fr-btn')?.getAttribute('href')).toBe(
        '/api/v1/session/oidc/login?returnTo=%2Fconversations',
      );
    });

    it('should open the service status page at /etat and query the gateway', async () => {
      const shell = await renderAt('/etat');

      expect(title()).toBe('État des services — MILEVA');
      expect(text(shell.querySelector('main h1'))).toBe('État des services');
      TestBed.inject(HttpTestingController).expectOne('/api/health');
    });

    it.each([
      ['/accessibilite', 'Accessibilité — MILEVA', "Déclaration d'accessibilité"],
      ['/mentions-legales', 'Mentions légales — MILEVA', 'Mentions légales'],
      ['/donnees-personnelles', 'Données personnelles — MILEVA', 'Données personnelles'],
    ])('should open %s', async (url, expectedTitle, heading) => {
      const shell = await renderAt(url);

      expect(title()).toBe(expectedTitle);
      expect(text(shell.querySelector('main h1'))).toBe(heading);
    });

    it('should show a French 404 page for an unknown address', async () => {
      const shell = await renderAt('/page-qui-n-existe-pas');

      expect(title()).toBe('Page non trouvée — MILEVA');
      expect(text(shell.querySelector('main h1'))).toBe('Page non trouvée');
      expect(text(shell.querySelector('main'))).toContain('Erreur 404');
      expect(shell.querySelector('main a.fr-btn')?.getAttribute('href')).toBe('/');
    });

    it('should put focus on the new page heading after a navigation', async () => {
      await renderAt('/a-propos');

      await navigate('/mentions-legales');

      expect(document.activeElement?.tagName).toBe('H1');
      expect(text(document.activeElement)).toBe('Mentions légales');
    });

    it('should leave focus alone on the first page load', async () => {
      await renderAt('/mentions-legales');

      expect(document.activeElement).toBe(document.body);
    });
  });
});
