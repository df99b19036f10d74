import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { HEALTH_URL } from '../../core/health-api';
import { PlatformHealth } from '../../core/health.model';
import { REFRESH_INTERVAL_MS, REQUEST_TIMEOUT_MS, StatusPage } from './status-page';

const HEALTHY: PlatformHealth = {
  status: 'up',
  mode: 'standalone',
  checkedAt: '2026-03-02T09:15:00.000Z',
  services: [
    {
      v: 1,
      service: 'gateway',
      status: 'up',
      instanceId: 'gw-1',
      version: '0.4.0',
      uptimeSeconds: 3_725,
      components: { database: { status: 'up', ms: 12.4 } },
    },
    {
      v: 1,
      service: 'retrieval',
      corpus: 'national',
      status: 'up',
      instanceId: 'rt-1',
      version: '0.4.0',
      uptimeSeconds: 90_000,
      components: { database: { status: 'up', ms: 3 } },
    },
  ],
};

const DEGRADED: PlatformHealth = {
  status: 'down',
  mode: 'distributed',
  checkedAt: '2026-03-02T09:16:00.000Z',
  services: [
    {
      v: 1,
      service: 'gateway',
      status: 'up',
      instanceId: 'gw-1',
      version: '0.4.0',
      uptimeSeconds: 45,
      components: {},
    },
    {
      v: 1,
      service: 'ingestion',
      corpus: 'ac-grenoble',
      status: 'down',
      instanceId: 'in-7',
      version: '0.3.9',
      uptimeSeconds: 600,
      components: { database: { status: 'down', message: 'connection refused' } },
    },
    { service: 'retrieval', corpus: 'ac-lyon', status: 'down', error: 'no answer within 2000 ms' },
  ],
};

describe(StatusPage.name, () => {
  let fixture: ComponentFixture<StatusPage>;
  let http: HttpTestingController;

  function createPage(): void {
    TestBed.configureTestingModule({
      imports: [StatusPage],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(StatusPage);
    fixture.detectChanges();
  }

  function page(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function visibleText(selector = ':scope'): string {
    return (page().querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  /** The platform summary as "term → description", e.g. { État: 'Opérationnel' }. */
  function summary(): Record<string, string> {
    const entries = Array.from(page().querySelectorAll('.mlv-summary > div')).map((entry) => [
      visibleTextOf(entry.querySelector('dt')),
      visibleTextOf(entry.querySelector('dd')),
    ]);
    return Object.fromEntries(entries);
  }

  /** Text as read aloud: separate elements read as separate words even when no space sits between them. */
  function visibleTextOf(element: Element | null): string {
    const words: string[] = [];
    const walker = document.createTreeWalker(element ?? document.createElement('div'), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      words.push(node.textContent ?? '');
    }
    return words.join(' ').replace(/\s+/g, ' ').trim();
  }

  function rows(): string[][] {
    return Array.from(page().querySelectorAll('tbody tr')).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => visibleTextOf(cell)),
    );
  }

  function answer(body: unknown, init?: { status: number; statusText: string }): void {
    http.expectOne(HEALTH_URL).flush(body, init);
    fixture.detectChanges();
  }

  function setVisibility(state: DocumentVisibilityState): void {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    document.dispatchEvent(new Event('visibilitychange'));
  }

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
    // Restore jsdom's own getter.
    delete (document as { visibilityState?: DocumentVisibilityState }).visibilityState;
  });

  describe('when the page opens', () => {
    it('should show a loading message until the gateway answers', () => {
      createPage();

      expect(visibleText('[role="status"]')).toBe("Vérification de l'état des services en cours…");
      answer(HEALTHY);
      expect(page().querySelector('[role="status"]')).toBeNull();
    });

    it('should show an operational platform and one row per service', () => {
      createPage();
      answer(HEALTHY);

      expect(visibleText('h1')).toBe('État des services');
      expect(summary()).toEqual({
        État: 'Opérationnel',
        Mode: 'autonome tous les services tournent dans un seul processus',
        'Vérifié le': new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'medium' }).format(
          new Date(HEALTHY.checkedAt),
        ),
        'Services opérationnels': '2 sur 2',
      });
      expect(page().querySelector('time')?.getAttribute('datetime')).toBe(HEALTHY.checkedAt);
      expect(visibleText('caption')).toBe('Services de la plateforme');
      expect(rows()).toEqual([
        ['Passerelle gateway', '—', 'Opérationnel', '0.4.0', '1 heure 2 minutes', 'Base de données : Opérationnel (12 ms)'],
        [
          'Recherche documentaire retrieval',
          'national',
          'Opérationnel',
          '0.4.0',
          '1 jour 1 heure',
          'Base de données : Opérationnel (3 ms)',
        ],
      ]);
    });
  });

  describe('when a service is down', () => {
    it('should show a degraded platform, the failing component and the unreachable service error', () => {
      createPage();
      answer(DEGRADED);

      expect(summary()).toMatchObject({
        État: 'Dégradé',
        Mode: 'distribué chaque service tourne dans son propre processus',
        'Services opérationnels': '1 sur 3',
      });
      expect(page().querySelector('.mlv-summary .fr-badge')?.classList).toContain('fr-badge--warning');
      expect(rows()).toEqual([
        ['Passerelle gateway', '—', 'Opérationnel', '0.4.0', '45 secondes', 'Aucun composant vérifié'],
        [
          'Intégration des documents ingestion',
          'ac-grenoble',
          'En panne',
          '0.3.9',
          '10 minutes',
          'Base de données : En panne connection refused',
        ],
        [
          'Recherche documentaire retrieval',
          'ac-lyon',
          'Injoignable',
          '—',
          '—',
          'Erreur : no answer within 2000 ms',
        ],
      ]);
      const badges = Array.from(page().querySelectorAll('tbody tr td:nth-child(3) .fr-badge'));
      expect(badges.map((badge) => badge.classList.contains('fr-badge--error'))).toEqual([false, true, true]);
    });

    it('should read a 503 carrying the health report as a degraded platform, not as an outage', () => {
      createPage();
      answer(DEGRADED, { status: 503, statusText: 'Service Unavailable' });

      expect(summary()['État']).toBe('Dégradé');
      expect(page().querySelector('.fr-alert')).toBeNull();
    });
  });

  describe('when the gateway cannot be reached', () => {
    it('should show the French error alert instead of the table', () => {
      createPage();
      http.expectOne(HEALTH_URL).error(new ProgressEvent('error'));
      fixture.detectChanges();

      const alert = page().querySelector('.fr-alert--error');
      expect(alert?.getAttribute('role')).toBe('alert');
      expect(visibleText('.fr-alert')).toContain(
        "Le serveur MILEVA ne répond pas. Vérifiez qu'il est démarré puis réessayez.",
      );
      expect(visibleText('.fr-alert')).toContain('Détail : connexion impossible.');
      expect(page().querySelector('table')).toBeNull();
    });

    it('should give the HTTP code when the gateway answers with an error page', () => {
      createPage();
      answer('Bad gateway', { status: 502, statusText: 'Bad Gateway' });

      expect(visibleText('.fr-alert')).toContain('Détail : code HTTP 502.');
    });

    it('should give up waiting after the request timeout', () => {
      jest.useFakeTimers();
      createPage();

      jest.advanceTimersByTime(REQUEST_TIMEOUT_MS);
      fixture.detectChanges();

      expect(http.expectOne(HEALTH_URL).cancelled).toBe(true);
      expect(visibleText('.fr-alert')).toContain('Détail : pas de réponse dans le délai imparti.');
    });
  });

  describe('refresh', () => {
    it('should ask again when "Rafraîchir" is pressed and show the new state', () => {
      createPage();
      answer(DEGRADED);
      expect(summary()['État']).toBe('Dégradé');

      page().querySelector<HTMLButtonElement>('dsfr-button button')?.click();
      answer(HEALTHY);

      expect(visibleText('dsfr-button button')).toBe('Rafraîchir');
      expect(summary()['État']).toBe('Opérationnel');
    });

    it('should recover from an outage on the next refresh', () => {
      createPage();
      http.expectOne(HEALTH_URL).error(new ProgressEvent('error'));
      fixture.detectChanges();

      page().querySelector<HTMLButtonElement>('dsfr-button button')?.click();
      answer(HEALTHY);

      expect(page().querySelector('.fr-alert')).toBeNull();
      expect(rows()).toHaveLength(2);
    });

    it('should ask again every 15 seconds while the page is visible', () => {
      jest.useFakeTimers();
      createPage();
      answer(HEALTHY);

      jest.advanceTimersByTime(REFRESH_INTERVAL_MS - 1);
      http.expectNone(HEALTH_URL);
      jest.advanceTimersByTime(1);
      answer(DEGRADED);

      expect(summary()['État']).toBe('Dégradé');
    });

    it('should pause while the page is hidden and ask at once when it is shown again', () => {
      jest.useFakeTimers();
      createPage();
      answer(HEALTHY);

      setVisibility('hidden');
      jest.advanceTimersByTime(REFRESH_INTERVAL_MS * 3);
      http.expectNone(HEALTH_URL);

      setVisibility('visible');
      answer(DEGRADED);
      expect(summary()['État']).toBe('Dégradé');
    });
  });
});
