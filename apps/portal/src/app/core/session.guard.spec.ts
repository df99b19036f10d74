import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { firstValueFrom } from 'rxjs';
import { Session } from './api.model';
import { roleMatch, sessionGuard, unauthenticatedInterceptor } from './session.guard';
import { safeReturnPath, SESSION_OPTIONS_URL, SESSION_URL, SessionStore } from './session-store';

@Component({ selector: 'mlv-page', template: 'page' })
class Page {}

const GESTIONNAIRE: Session = { user: { id: 'u-1', academie: 'lyon', role: 'gestionnaire' }, mode: 'dev' };
const DGRH: Session = { user: { id: 'u-2', academie: 'national', role: 'dgrh' }, mode: 'oidc' };

describe('session guard', () => {
  let http: HttpTestingController;
  let router: Router;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([unauthenticatedInterceptor])),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'connexion', component: Page },
          { path: 'national', canMatch: [roleMatch(['dgrh'])], component: Page, title: 'national' },
          { path: 'national', component: Page, title: 'autres' },
          { path: 'conversations', canActivate: [sessionGuard(['gestionnaire', 'expert'])], component: Page },
          { path: 'libre', component: Page },
          { path: '', component: Page },
        ]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  async function visit(url: string, answer: Session | 'unauthenticated' | 'down'): Promise<void> {
    const navigation = harness.navigateByUrl(url);
    // The guard asks once the router has reached it.
    await new Promise((resolve) => setTimeout(resolve));
    const request = http.expectOne(SESSION_URL);
    if (answer === 'unauthenticated') request.flush({ code: 'UNAUTHENTICATED', message: 'Connexion requise.' }, { status: 401, statusText: 'Unauthorized' });
    else if (answer === 'down') request.flush('Bad gateway', { status: 502, statusText: 'Bad Gateway' });
    else request.flush(answer);
    await navigation;
  }

  it('should send a signed-out user to the sign-in page with the address to come back to', async () => {
    await visit('/conversations?page=2', 'unauthenticated');

    expect(router.url).toBe('/connexion?retour=%2Fconversations%3Fpage%3D2');
  });

  it('should let a signed-in user of an allowed role in', async () => {
    await visit('/conversations', GESTIONNAIRE);

    expect(router.url).toBe('/conversations');
  });

  it('should send a user of another role to the home page', async () => {
    await visit('/conversations', DGRH);

    expect(router.url).toBe('/');
  });

  it('should ask the gateway once, then answer from memory', async () => {
    await visit('/conversations', GESTIONNAIRE);

    await harness.navigateByUrl('/');
    await harness.navigateByUrl('/conversations');

    http.expectNone(SESSION_URL);
    expect(router.url).toBe('/conversations');
  });

  it('should ask again at the next navigation when the gateway could not say who is signed in', async () => {
    await visit('/conversations', 'down');
    expect(router.url).toBe('/connexion?retour=%2Fconversations');

    await visit('/conversations', GESTIONNAIRE);
    expect(router.url).toBe('/conversations');
  });

  it('should match a role-specific route only for that role', async () => {
    await visit('/national', DGRH);
    expect(TestBed.inject(SessionStore).user()?.role).toBe('dgrh');
    expect(document.title).toBe('national');
  });

  it('should fall through to the next route for other roles', async () => {
    await visit('/national', GESTIONNAIRE);
    expect(document.title).toBe('autres');
  });

  describe('on a 401 from an API call', () => {
    it('should forget the user and open the sign-in page, keeping the page to come back to', async () => {
      await visit('/conversations', GESTIONNAIRE);
      const session = TestBed.inject(SessionStore);

      const call = firstValueFrom(TestBed.inject(HttpClient).get('/api/v1/conversations'));
      http.expectOne('/api/v1/conversations').flush({ code: 'UNAUTHENTICATED', message: 'x' }, { status: 401, statusText: 'Unauthorized' });
      await expect(call).rejects.toMatchObject({ status: 401 });
      await harness.fixture.whenStable();

      expect(session.user()).toBeNull();
      expect(session.notice()).toEqual({
        severity: 'warning',
        text: 'Votre session a expiré ou vous avez été déconnecté : reconnectez-vous pour continuer.',
      });
      expect(router.url).toBe('/connexion?retour=%2Fconversations');
    });

    it('should leave the session alone on a 403', async () => {
      await visit('/conversations', GESTIONNAIRE);

      const call = firstValueFrom(TestBed.inject(HttpClient).get('/api/v1/instructions'));
      http.expectOne('/api/v1/instructions').flush({ code: 'FORBIDDEN', message: 'x' }, { status: 403, statusText: 'Forbidden' });
      await expect(call).rejects.toMatchObject({ status: 403 });

      expect(TestBed.inject(SessionStore).user()).toEqual(GESTIONNAIRE.user);
      expect(router.url).toBe('/conversations');
    });

    it('should not redirect when the sign-in options themselves are refused', async () => {
      await harness.navigateByUrl('/libre');
      const options = firstValueFrom(TestBed.inject(SessionStore).options());
      http.expectOne(SESSION_OPTIONS_URL).flush({ code: 'UNAUTHENTICATED', message: 'x' }, { status: 401, statusText: 'Unauthorized' });

      await expect(options).rejects.toMatchObject({ status: 401 });
      expect(router.url).toBe('/libre');
    });
  });
});

describe(safeReturnPath.name, () => {
  it.each([
    ['/conversations/abc?x=1', '/conversations/abc?x=1'],
    ['/', '/'],
    [null, '/'],
    ['', '/'],
    ['https://ailleurs.example', '/'],
    ['//ailleurs.example/chemin', '/'],
    ['/\\ailleurs.example', '/'],
    ['/connexion', '/'],
    ['/connexion?retour=%2F', '/'],
  ])('should turn %p into %p', (path, expected) => {
    expect(safeReturnPath(path)).toBe(expected);
  });
});
