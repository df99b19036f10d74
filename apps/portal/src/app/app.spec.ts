import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router } from '@angular/router';
import { App } from './app';
import { appConfig } from './app.config';

describe(App.name, () => {
  let fixture: ComponentFixture<App>;
  let router: Router;

  async function renderAt(url: string): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [App],
      providers: [...appConfig.providers, provideHttpClientTesting()],
    });
    router = TestBed.inject(Router);
    fixture = TestBed.createComponent(App);
    await router.navigateByUrl(url);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  async function navigate(url: string): Promise<void> {
    await router.navigateByUrl(url);
    await fixture.whenStable();
  }

  function text(element: Element | null | undefined): string {
    return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  function title(): string {
    return TestBed.inject(Title).getTitle();
  }

  describe('shell', () => {
    it('should show the DSFR header with the ministry block, the service name and its tagline', async () => {
      const shell = await renderAt('/');
      const header = shell.querySelector('header.fr-header');

      expect(header?.querySelector('.fr-logo')?.innerHTML).toBe("Ministère<br>de l'Éducation<br>nationale");
      expect(text(header?.querySelector('.fr-header__service-title'))).toBe('MILEVA');
      expect(text(header?.querySelector('.fr-header__service-tagline'))).toBe(
        'Aide à la réponse aux questions RH des personnels',
      );
    });

    it('should offer the main navigation', async () => {
      const shell = await renderAt('/');
      const links = Array.from(shell.querySelectorAll('.fr-nav__link'));

      expect(links.map((link) => [text(link), link.getAttribute('href')])).toEqual([
        ['Accueil', '/'],
        ['État des services', '/etat'],
      ]);
      expect(links[0].getAttribute('aria-current')).toBe('page');
    });

    it('should show the DSFR footer with its mandatory links as portal pages', async () => {
      const shell = await renderAt('/');
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
      const shell = await renderAt('/');
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
    it('should open the home page at /', async () => {
      const shell = await renderAt('/');

      expect(title()).toBe('Accueil — MILEVA');
      expect(text(shell.querySelector('main h1'))).toBe(
        "MILEVA, l'aide à la réponse aux questions RH des personnels",
      );
      expect(text(shell.querySelector('main'))).toContain(
        "« Réponse préparée avec l'aide de MILEVA, outil d'intelligence artificielle, et vérifiée par le gestionnaire »",
      );
      expect(shell.querySelector('main form, main textarea')).toBeNull();
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
      await renderAt('/');

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
