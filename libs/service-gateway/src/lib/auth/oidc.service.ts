import { HttpException, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { USER_ROLES, type UserRole } from '@mileva/contracts';
import { findAcademie, NATIONAL_CORPUS } from '@mileva/rh-taxonomy';
import { MILEVA_CONFIG, type MilevaConfig, type OidcConfig } from '@mileva/runtime';
import type { Configuration } from 'openid-client';
import { importOpenIdClient } from './openid-client.loader.cjs';
import type { OidcTransaction } from './session.service';
import type { RequestUser } from './user';

type OpenIdClient = typeof import('openid-client');

/** When a user has several MILEVA roles, the one that allows the most wins. */
const ROLE_PRECEDENCE: readonly UserRole[] = ['admin', 'expert', 'superviseur', 'gestionnaire', 'dgrh'];
const NAME_MAX_CHARS = 200;
const RETURN_TO_MAX_CHARS = 500;
const DISCOVERY_TIMEOUT_S = 10;

/**
 * Sign-in with the identity provider: authorization code flow with PKCE (S256), state and nonce.
 * The provider's metadata are discovered at the first sign-in (and again after a failure), so the
 * gateway starts while the provider is down. The user's académie, role and name come from the ID
 * token's claims named by MILEVA_OIDC_CLAIM_*; an unknown académie or no MILEVA role is refused.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);
  private readonly settings: OidcConfig | undefined;
  private configuration: Promise<{ client: OpenIdClient; configuration: Configuration }> | undefined;

  constructor(@Inject(MILEVA_CONFIG) private readonly config: MilevaConfig) {
    this.settings = config.signIn.oidc;
  }

  /** Where to send the browser, and what to remember until it comes back. */
  async authorizationUrl(returnTo: unknown): Promise<{ readonly url: string; readonly transaction: OidcTransaction }> {
    const settings = this.required();
    const { client, configuration } = await this.discovered();
    const codeVerifier = client.randomPKCECodeVerifier();
    const transaction: OidcTransaction = { codeVerifier, state: client.randomState(), nonce: client.randomNonce(), returnTo: safeReturnTo(returnTo) };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: settings.redirectUri,
      scope: settings.scope,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: transaction.state,
      nonce: transaction.nonce,
    });
    return { url: url.href, transaction };
  }

  /** Exchanges the code the provider sent back (`query`: the callback's query string) for the signed-in user. */
  async complete(query: string, transaction: OidcTransaction | undefined): Promise<RequestUser> {
    const settings = this.required();
    if (!transaction) {
      throw new HttpException({ code: 'BAD_REQUEST', message: 'Connexion expirée ou commencée dans un autre navigateur : recommencez depuis la page de connexion.' }, HttpStatus.BAD_REQUEST);
    }
    const { client, configuration } = await this.discovered();
    // The redirect URI as registered with the provider (the gateway may sit behind a proxy), with the provider's answer.
    const currentUrl = new URL(settings.redirectUri);
    currentUrl.search = query;
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
      claims = (tokens.claims() ?? {}) as Record<string, unknown>;
    } catch (error) {
      this.logger.warn(`OIDC sign-in failed: ${describe(error)}`);
      throw new HttpException({ code: 'BAD_REQUEST', message: 'Connexion refusée par le fournisseur d’identité ou interrompue : recommencez depuis la page de connexion.' }, HttpStatus.BAD_REQUEST);
    }
    return userFromClaims(claims, settings.claims, this.logger);
  }

  private required(): OidcConfig {
    if (!this.settings) {
      throw new HttpException({ code: 'NOT_FOUND', message: 'Connexion par fournisseur d’identité non configurée : utilisez la connexion de développement.' }, HttpStatus.NOT_FOUND);
    }
    return this.settings;
  }

  private discovered(): Promise<{ client: OpenIdClient; configuration: Configuration }> {
    const settings = this.required();
    this.configuration ??= (async () => {
      const client = await importOpenIdClient();
      const issuer = new URL(settings.issuer);
      // Plain HTTP only to a provider on a developer's machine or in tests; production requires HTTPS (assertSignInReady).
      const insecure = issuer.protocol === 'http:' && this.config.nodeEnv !== 'production';
      const configuration = await client.discovery(
        issuer,
        settings.clientId,
        settings.clientSecret ? { client_secret: settings.clientSecret } : undefined,
        settings.clientSecret ? client.ClientSecretBasic(settings.clientSecret) : client.None(),
        { execute: insecure ? [client.allowInsecureRequests] : [], timeout: DISCOVERY_TIMEOUT_S },
      );
      return { client, configuration };
    })();
    return this.configuration.catch((error: unknown) => {
      this.configuration = undefined;
      this.logger.error(`OIDC discovery of ${settings.issuer} failed: ${describe(error)}`);
      throw new HttpException({ code: 'UNAVAILABLE', message: 'Fournisseur d’identité injoignable : réessayez dans quelques minutes.' }, HttpStatus.SERVICE_UNAVAILABLE);
    });
  }
}

/**
 * The MILEVA user the claims describe. The académie claim holds a code (`lyon`), a name
 * (« Académie de Lyon ») or `national`; the roles claim a list or a space- or comma-separated text.
 */
export function userFromClaims(claims: Record<string, unknown>, names: OidcConfig['claims'], logger?: Logger): RequestUser {
  const subject = claims['sub'];
  if (typeof subject !== 'string' || subject === '') {
    throw refused('le jeton d’identité ne désigne personne');
  }
  const academieClaim = claimAt(claims, names.academie);
  const academie =
    typeof academieClaim === 'string' ? (academieClaim.trim().toLowerCase() === NATIONAL_CORPUS ? NATIONAL_CORPUS : findAcademie(academieClaim)?.code) : undefined;
  if (!academie) {
    logger?.warn(`OIDC sign-in refused: claim ${names.academie} holds no known académie`);
    throw refused(`votre compte n’indique pas d’académie connue de MILEVA (revendication « ${names.academie} »)`);
  }
  const roleClaim = claimAt(claims, names.roles);
  const values = (Array.isArray(roleClaim) ? roleClaim : typeof roleClaim === 'string' ? roleClaim.split(/[\s,]+/) : [])
    .filter((value): value is string => typeof value === 'string')
    .map((value) => value.trim().toLowerCase());
  const role = ROLE_PRECEDENCE.find((candidate) => values.includes(candidate));
  if (!role) {
    logger?.warn(`OIDC sign-in refused: claim ${names.roles} holds no MILEVA role`);
    throw refused(`votre compte n’a aucun rôle MILEVA (${USER_ROLES.join(', ')}) dans la revendication « ${names.roles} »`);
  }
  const name = claimAt(claims, names.name);
  return { id: subject, academie, role, ...(typeof name === 'string' && name.trim() ? { name: name.trim().slice(0, NAME_MAX_CHARS) } : {}) };
}

/** A relative path of this site to go back to after sign-in; anything else (another site, `//host`) becomes `/`. */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > RETURN_TO_MAX_CHARS || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f\\]/.test(value) ? '/' : value;
}

function claimAt(claims: Record<string, unknown>, path: string): unknown {
  if (path in claims) return claims[path];
  let value: unknown = claims;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function refused(reason: string): HttpException {
  return new HttpException({ code: 'FORBIDDEN', message: `Connexion refusée : ${reason}. Demandez à l’administrateur de votre fournisseur d’identité de compléter votre compte.` }, HttpStatus.FORBIDDEN);
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    return `${error.name}${typeof code === 'string' ? ` ${code}` : ''}: ${error.message}`;
  }
  return String(error);
}
