import { Inject, Injectable, Logger } from '@nestjs/common';
import type { SessionOptions, SignInMode } from '@mileva/contracts';
import { ACADEMIES, isCorpusCode, NATIONAL_CORPUS } from '@mileva/rh-taxonomy';
import { MILEVA_CONFIG, type MilevaConfig } from '@mileva/runtime';
import type { CookieOptions, Request, Response } from 'express';
import { GatewaySecrets } from './gateway-secrets';
import { parseDevAuthorization, ROLES, type RequestUser, type Role } from './user';

/** The browser session: http-only, SameSite=Lax, sealed (encrypted and authenticated) by the gateway. */
export const SESSION_COOKIE = 'mileva_session';
/** The sign-in in progress with the identity provider (PKCE verifier, state, nonce, return path). */
export const OIDC_COOKIE = 'mileva_oidc';
export const OIDC_PATH = '/api/v1/session/oidc';
/** Longest time between leaving for the identity provider and coming back. */
const OIDC_TRANSACTION_MS = 10 * 60_000;
const SESSION_PURPOSE = 'session';
const OIDC_PURPOSE = 'oidc-transaction';

/** What the identity provider round trip needs to remember, sealed in {@link OIDC_COOKIE}. */
export interface OidcTransaction {
  readonly codeVerifier: string;
  readonly state: string;
  readonly nonce: string;
  readonly returnTo: string;
}

interface SessionPayload {
  readonly sub: string;
  readonly aca: string;
  readonly role: string;
  readonly name?: string;
}

/**
 * Browser sessions. The cookie holds the user (id, académie, role, name) and its expiry, sealed with
 * a key derived from MILEVA_SESSION_SECRET, so the gateway keeps no session state and any gateway
 * instance reads it. Outside production, scripts may use the development header instead.
 */
@Injectable()
export class SessionService {
  private readonly logger = new Logger(SessionService.name);
  readonly mode: SignInMode;

  constructor(
    @Inject(MILEVA_CONFIG) private readonly config: MilevaConfig,
    private readonly secrets: GatewaySecrets,
  ) {
    this.mode = config.signIn.oidc ? 'oidc' : 'dev';
    if (!config.signIn.sessionSecret) {
      this.logger.warn('MILEVA_SESSION_SECRET is not set: session cookies use a key drawn for this process, sign-ins end when it stops');
    }
  }

  /** The caller, from the development header (outside production) or the session cookie. */
  authenticate(request: Request): RequestUser | undefined {
    if (this.config.nodeEnv !== 'production') {
      const fromHeader = parseDevAuthorization(request.header('authorization'));
      if (fromHeader) return fromHeader;
    }
    return this.fromCookie(readCookie(request, SESSION_COOKIE));
  }

  /** Opens a browser session for `user`. */
  signIn(response: Response, user: RequestUser): void {
    const payload: SessionPayload = { sub: user.id, aca: user.academie, role: user.role, ...(user.name ? { name: user.name } : {}) };
    const ttl = this.config.signIn.sessionTtlMs;
    response.cookie(SESSION_COOKIE, this.secrets.seal(SESSION_PURPOSE, payload, Date.now() + ttl), { ...this.cookieOptions('/'), maxAge: ttl });
  }

  /** Ends the browser session (the cookie is cleared; it also expires by itself). */
  signOut(response: Response): void {
    response.clearCookie(SESSION_COOKIE, this.cookieOptions('/'));
    response.clearCookie(OIDC_COOKIE, this.cookieOptions(OIDC_PATH));
  }

  /** Remembers a sign-in in progress until the identity provider sends the user back. */
  startTransaction(response: Response, transaction: OidcTransaction): void {
    response.cookie(OIDC_COOKIE, this.secrets.seal(OIDC_PURPOSE, transaction, Date.now() + OIDC_TRANSACTION_MS), {
      ...this.cookieOptions(OIDC_PATH),
      maxAge: OIDC_TRANSACTION_MS,
    });
  }

  /** The sign-in in progress of this browser (read once: the cookie is cleared), or undefined. */
  takeTransaction(request: Request, response: Response): OidcTransaction | undefined {
    const opened = this.secrets.open(OIDC_PURPOSE, readCookie(request, OIDC_COOKIE));
    response.clearCookie(OIDC_COOKIE, this.cookieOptions(OIDC_PATH));
    if (typeof opened !== 'object' || opened === null) return undefined;
    const candidate = opened as Record<string, unknown>;
    const fields = ['codeVerifier', 'state', 'nonce', 'returnTo'] as const;
    if (!fields.every((field) => typeof candidate[field] === 'string')) return undefined;
    return opened as OidcTransaction;
  }

  /** What the sign-in page offers: roles and académies to pick in development, nothing with an identity provider. */
  options(): SessionOptions {
    if (this.mode === 'oidc') return { mode: 'oidc', roles: [], academies: [] };
    return {
      mode: 'dev',
      roles: [...ROLES],
      academies: [{ code: NATIONAL_CORPUS, name: 'Niveau national (administration centrale)' }, ...ACADEMIES.map((academie) => ({ code: academie.code, name: academie.name }))],
    };
  }

  /** The French message of a 401: how to sign in. */
  signInHint(): string {
    return this.config.nodeEnv === 'production'
      ? 'Connexion requise : connectez-vous depuis le portail.'
      : 'Connexion requise : connectez-vous depuis le portail, ou envoyez l’en-tête « Authorization: Dev <rôle>@<académie> » (ex. Dev gestionnaire@lyon).';
  }

  private fromCookie(value: string | undefined): RequestUser | undefined {
    const opened = this.secrets.open(SESSION_PURPOSE, value);
    if (typeof opened !== 'object' || opened === null) return undefined;
    const { sub, aca, role, name } = opened as Partial<Record<keyof SessionPayload, unknown>>;
    if (typeof sub !== 'string' || !sub || typeof aca !== 'string' || !isCorpusCode(aca) || typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
      return undefined;
    }
    return { id: sub, academie: aca, role: role as Role, ...(typeof name === 'string' && name ? { name } : {}) };
  }

  private cookieOptions(path: string): CookieOptions {
    // Secure in production, where the portal is served over HTTPS; plain HTTP on a developer's machine.
    return { httpOnly: true, sameSite: 'lax', secure: this.config.nodeEnv === 'production', path };
  }
}

/** One cookie of the request, or undefined (no cookie parser middleware: the gateway reads only its own). */
export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0 || part.slice(0, separator).trim() !== name) continue;
    const raw = part.slice(separator + 1).trim().replace(/^"(.*)"$/, '$1');
    try {
      return decodeURIComponent(raw);
    } catch {
      return undefined;
    }
  }
  return undefined;
}
