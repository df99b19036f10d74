import { HttpClient, HttpContext, HttpContextToken, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import { firstValueFrom, Observable } from 'rxjs';
import { SESSION_EXPIRED_MESSAGE } from './api-error';
import { Session, SessionMode, SessionOptions, SessionUser } from './api.model';

export const SESSION_URL = '/api/v1/session';
export const SESSION_OPTIONS_URL = '/api/v1/session/options';
export const DEV_SIGN_IN_URL = '/api/v1/session/dev';
export const OIDC_LOGIN_URL = '/api/v1/session/oidc/login';

/** Path of the sign-in page (French: users read it in the address bar). */
export const SIGN_IN_PATH = 'connexion';
/** Query parameter of the sign-in page holding where to go back after signing in. */
export const RETURN_PARAM = 'retour';

/**
 * Set on requests whose 401 is an answer rather than an expired session (the session probe, signing in and
 * out): the interceptor leaves them to their caller instead of sending the user to the sign-in page.
 */
export const HANDLES_UNAUTHENTICATED = new HttpContextToken<boolean>(() => false);

/** A message for the sign-in page: why the user landed there. */
export interface SessionNotice {
  readonly severity: 'info' | 'warning' | 'error';
  readonly text: string;
}

const OWN_401 = { context: new HttpContext().set(HANDLES_UNAUTHENTICATED, true) };

/**
 * Who is signed in. The session itself is an http-only cookie set by the gateway: the portal only asks who it
 * belongs to, signs in (development mode) or out, and forgets the user when the gateway answers 401.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);

  private readonly session = signal<Session | null>(null);
  /** Null until the gateway has been asked. */
  readonly user = computed<SessionUser | null>(() => this.session()?.user ?? null);
  readonly mode = computed<SessionMode | null>(() => this.session()?.mode ?? null);
  /** Whether the gateway has said who is signed in (or that nobody is). */
  readonly known = signal(false);
  readonly notice = signal<SessionNotice | null>(null);

  private pending: Promise<SessionUser | null> | null = null;

  /**
   * The signed-in user, asking the gateway on first use. A 401 means nobody is signed in; any other failure
   * also answers null but is not remembered, so the next navigation asks again.
   */
  current(): Promise<SessionUser | null> {
    if (this.known()) return Promise.resolve(this.user());
    this.pending ??= firstValueFrom(this.http.get<Session>(SESSION_URL, OWN_401)).then(
      (session) => {
        this.signedIn(session);
        return session.user;
      },
      (error: unknown) => {
        this.pending = null;
        if (error instanceof HttpErrorResponse && error.status === 401) {
          this.session.set(null);
          this.known.set(true);
        }
        return null;
      },
    );
    return this.pending;
  }

  options(): Observable<SessionOptions> {
    return this.http.get<SessionOptions>(SESSION_OPTIONS_URL, OWN_401);
  }

  async signInDev(role: string, academie: string): Promise<SessionUser> {
    const session = await firstValueFrom(this.http.post<Session>(DEV_SIGN_IN_URL, { role, academie }, OWN_401));
    this.signedIn(session);
    return session.user;
  }

  /** Where the OIDC sign-in starts; the gateway sends the browser back to `returnTo` once signed in. */
  oidcLoginUrl(returnTo: string): string {
    return `${OIDC_LOGIN_URL}?returnTo=${encodeURIComponent(safeReturnPath(returnTo))}`;
  }

  /** Clears the session cookie (a 401 means it was already gone) and opens the sign-in page. */
  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.http.delete<void>(SESSION_URL, OWN_401));
    } catch (error) {
      if (!(error instanceof HttpErrorResponse && error.status === 401)) {
        this.notice.set({ severity: 'error', text: 'La déconnexion n’a pas abouti : le serveur MILEVA ne répond pas. Réessayez.' });
        await this.router.navigate(['/', SIGN_IN_PATH]);
        return;
      }
    }
    this.forget({ severity: 'info', text: 'Vous êtes déconnecté.' });
    await this.router.navigate(['/', SIGN_IN_PATH]);
  }

  /** The gateway answered 401 to a call: the session expired. Back to the sign-in page, then to the same page. */
  expire(): void {
    this.forget({ severity: 'warning', text: SESSION_EXPIRED_MESSAGE });
    const here = this.router.url;
    if (here.startsWith(`/${SIGN_IN_PATH}`)) return;
    void this.router.navigate(['/', SIGN_IN_PATH], { queryParams: { [RETURN_PARAM]: safeReturnPath(here) } });
  }

  private signedIn(session: Session): void {
    this.session.set(session);
    this.known.set(true);
    this.notice.set(null);
  }

  private forget(notice: SessionNotice): void {
    this.session.set(null);
    this.known.set(true);
    this.pending = null;
    this.notice.set(notice);
  }
}

/** A path of the portal to go back to: never another site (`//host`, `https:`), never the sign-in page itself. */
export function safeReturnPath(path: string | null | undefined): string {
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return '/';
  if (path === `/${SIGN_IN_PATH}` || path.startsWith(`/${SIGN_IN_PATH}?`) || path.startsWith(`/${SIGN_IN_PATH}/`)) return '/';
  return path;
}
