import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ACADEMIES } from '@mileva/rh-taxonomy';
import { Session, SessionOptions } from '../../core/api.model';
import { DEV_SIGN_IN_URL, SESSION_OPTIONS_URL, SESSION_URL, SessionStore } from '../../core/session-store';
import { settle } from '../../testing/fake-fetch';
import { SignInPage } from './sign-in-page';

@Component({ selector: 'mlv-elsewhere', template: '' })
class Elsewhere {}

const DEV: SessionOptions = { mode: 'dev', roles: ['gestionnaire', 'expert', 'superviseur', 'dgrh', 'admin'], academies: [] };
const EXPERT: Session = { user: { id: 'dev:expert@grenoble', academie: 'grenoble', role: 'expert' }, mode: 'dev' };

describe(SignInPage.name, () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'connexion', component: SignInPage },
          { path: '**', component: Elsewhere },
        ]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  async function open(url: string, options: SessionOptions | 'down', session: Session | null = null): Promise<void> {
    await harness.navigateByUrl(url);
    const optionsRequest = http.expectOne(SESSION_OPTIONS_URL);
    if (options === 'down') optionsRequest.flush('Bad gateway', { status: 502, statusText: 'Bad Gateway' });
    else optionsRequest.flush(options);
    const sessionRequest = http.expectOne(SESSION_URL);
    if (session) sessionRequest.flush(session);
    else sessionRequest.flush({ code: 'UNAUTHENTICATED', message: 'x' }, { status: 401, statusText: 'Unauthorized' });
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

  function select(id: string): HTMLSelectElement {
    const element = page().querySelector<HTMLSelectElement>(`select#${id}`);
    if (!element) throw new Error(`no select ${id}`);
    return element;
  }

  async function choose(id: string, value: string): Promise<void> {
    select(id).value = value;
    select(id).dispatchEvent(new Event('change'));
    await stable();
  }

  describe('in development mode', () => {
    it('should offer the roles and the académies of the taxonomy, labelled', async () => {
      await open('/connexion', DEV);

      expect(visible(page().querySelector('label[for="connexion-role"]'))).toBe('Rôle');
      expect(Array.from(select('connexion-role').options).map((option) => option.text.trim())).toEqual([
        'Gestionnaire RH',
        'Expert',
        'Superviseur',
        'DGRH',
        'Administrateur',
      ]);
      expect(visible(page().querySelector('label[for="connexion-academie"]'))).toBe('Académie');
      const academies = Array.from(select('connexion-academie').options);
      expect(academies.map((option) => option.value)).toEqual(['national', ...ACADEMIES.map((academie) => academie.code)]);
      expect(academies.find((option) => option.value === 'lyon')?.text.trim()).toBe('Académie de Lyon');
      expect(academies[0].text.trim()).toBe('Niveau national (administration centrale)');
      expect(select('connexion-role').value).toBe('gestionnaire');
    });

    it('should sign in with the chosen role and académie, then go back to the page asked for', async () => {
      await open('/connexion?retour=%2Fconversations%2Fc-1', DEV);
      await choose('connexion-role', 'expert');
      await choose('connexion-academie', 'grenoble');

      page().querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      const request = http.expectOne(DEV_SIGN_IN_URL);
      expect(request.request.method).toBe('POST');
      expect(request.request.body).toEqual({ role: 'expert', academie: 'grenoble' });
      request.flush(EXPERT);
      await stable();

      expect(TestBed.inject(Router).url).toBe('/conversations/c-1');
      expect(TestBed.inject(SessionStore).user()).toEqual(EXPERT.user);
    });

    it('should never go back to another site after signing in', async () => {
      await open('/connexion?retour=https%3A%2F%2Failleurs.example', DEV);

      page().querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      http.expectOne(DEV_SIGN_IN_URL).flush(EXPERT);
      await stable();

      expect(TestBed.inject(Router).url).toBe('/');
    });

    it('should offer only the académies the gateway lists, when it lists them', async () => {
      await open('/connexion', { ...DEV, academies: [{ code: 'lyon', name: 'Lyon' }, { code: 'national', name: 'Administration centrale' }] });

      expect(Array.from(select('connexion-academie').options).map((option) => [option.value, option.text.trim()])).toEqual([
        ['lyon', 'Académie de Lyon'],
        ['national', 'Administration centrale'],
      ]);
      expect(select('connexion-academie').value).toBe('lyon');
    });

    it('should say when the development sign-in is switched off', async () => {
      await open('/connexion', DEV);

      page().querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      http.expectOne(DEV_SIGN_IN_URL).flush({ code: 'NOT_FOUND', message: 'x' }, { status: 404, statusText: 'Not Found' });
      await stable();

      expect(visible(page().querySelector('.fr-alert--error'))).toBe('La connexion de développement est désactivée sur ce serveur.');
      expect(TestBed.inject(Router).url).toBe('/connexion');
    });
  });

  describe('in OIDC mode', () => {
    it('should offer a "Se connecter" button to the identity provider that comes back to the page asked for', async () => {
      await open('/connexion?retour=%2Fconversations', { mode: 'oidc', roles: [], academies: [] });

      const button = page().querySelector('a.fr-btn');
      expect(visible(button)).toBe('Se connecter');
      expect(button?.getAttribute('href')).toBe('/api/v1/session/oidc/login?returnTo=%2Fconversations');
      expect(page().querySelector('form')).toBeNull();
    });
  });

  it('should say when the sign-in options cannot be read and offer to retry', async () => {
    await open('/connexion', 'down');

    expect(visible(page().querySelector('.fr-alert--error h2'))).toBe('La connexion n’est pas disponible');
    Array.from(page().querySelectorAll('button')).find((button) => visible(button) === 'Réessayer')?.click();
    http.expectOne(SESSION_OPTIONS_URL).flush(DEV);
    await stable();

    expect(page().querySelector('.fr-alert--error')).toBeNull();
    expect(page().querySelector('form')).not.toBeNull();
  });

  it('should tell a signed-in user who they are and offer to continue', async () => {
    await open('/connexion?retour=%2Fconversations', DEV, EXPERT);

    expect(visible(page().querySelector('h1 + p'))).toBe('Vous êtes connecté en tant que Expert (Académie de Grenoble).');
    expect(page().querySelector('a.fr-btn')?.getAttribute('href')).toBe('/conversations');
  });
});
