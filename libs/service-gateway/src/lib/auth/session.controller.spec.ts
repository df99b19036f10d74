import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig, LocalTransport, RuntimeModule } from '@mileva/runtime';
import { createHash, createSign, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayModule } from '../gateway.module';
import { SessionController } from './session.controller';

jest.setTimeout(60_000);

const SESSION_SECRET = 'clé-de-session-des-tests-0123456789-abcdefghijklmnop';
const CLIENT_ID = 'mileva-portail';
const CLIENT_SECRET = 'secret-client-des-tests';
const REDIRECT_URI = 'http://portail.mileva.test/api/v1/session/oidc/callback';

/** Starts the gateway's HTTP API alone (no database, no other service), as the platform serves it. */
async function startGateway(env: Record<string, string>): Promise<{ app: INestApplication; url: string }> {
  const config = loadConfig({ MILEVA_LOG_LEVEL: 'silent', NODE_ENV: 'test', ...env });
  @Module({ imports: [RuntimeModule.forRoot({ config, transport: new LocalTransport(), clientName: 'gateway-test' }), GatewayModule] })
  class HostModule {}
  const app = await NestFactory.create(HostModule, { logger: false, abortOnError: false });
  app.setGlobalPrefix('api');
  await app.listen(0, '127.0.0.1');
  return { app, url: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}` };
}

/** The `name=value` of a Set-Cookie header of the response, and its attributes. */
function cookieOf(response: Response, name: string): { pair: string; attributes: string } | undefined {
  const header = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`));
  if (!header) return undefined;
  const [pair, ...attributes] = header.split(';');
  return { pair: pair.trim(), attributes: attributes.join(';') };
}

describe(SessionController.name, () => {
  describe('development sign-in', () => {
    let gateway: { app: INestApplication; url: string };

    beforeAll(async () => {
      gateway = await startGateway({ MILEVA_SESSION_SECRET: SESSION_SECRET });
    });
    afterAll(() => gateway?.app.close());

    const signIn = (body: unknown) => fetch(`${gateway.url}/api/v1/session/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    it('should offer every role and académie to pick, without signing in', async () => {
      const response = await fetch(`${gateway.url}/api/v1/session/options`);
      const options = (await response.json()) as { mode: string; roles: string[]; academies: { code: string; name: string }[] };
      expect(options.mode).toBe('dev');
      expect(options.roles).toEqual(['gestionnaire', 'expert', 'superviseur', 'dgrh', 'admin']);
      expect(options.academies[0].code).toBe('national');
      expect(options.academies).toContainEqual({ code: 'lyon', name: 'Académie de Lyon' });
      expect(options.academies).toHaveLength(31);
    });

    it('should sign in with an http-only, SameSite=Lax cookie that identifies the user on the next requests', async () => {
      const response = await signIn({ role: 'expert', academie: 'lyon' });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ user: { id: 'dev:expert@lyon', academie: 'lyon', role: 'expert' }, mode: 'dev' });
      const cookie = cookieOf(response, 'mileva_session');
      expect(cookie?.attributes).toMatch(/HttpOnly/);
      expect(cookie?.attributes).toMatch(/SameSite=Lax/i);
      expect(cookie?.attributes).toMatch(/Path=\//);
      expect(cookie?.pair).not.toContain('expert');

      const session = await fetch(`${gateway.url}/api/v1/session`, { headers: { cookie: cookie?.pair ?? '' } });
      expect(await session.json()).toMatchObject({ user: { academie: 'lyon', role: 'expert' } });
      // The role travels in the cookie: an expert reads the académie's instructions, which a gestionnaire may not.
      expect((await fetch(`${gateway.url}/api/v1/instructions`, { headers: { cookie: cookie?.pair ?? '' } })).status).toBe(200);
    });

    it('should refuse a forged or altered cookie', async () => {
      const cookie = cookieOf(await signIn({ role: 'gestionnaire', academie: 'lyon' }), 'mileva_session')?.pair ?? '';
      const value = cookie.slice('mileva_session='.length);
      const altered = `${value.slice(0, -6)}${value.slice(-6) === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'}`;
      const forged = `v1.${Buffer.from(JSON.stringify({ p: { sub: 'x', aca: 'lyon', role: 'admin' }, exp: Date.now() + 60_000 })).toString('base64url')}`;
      for (const bad of [altered, forged, 'admin@lyon']) {
        const response = await fetch(`${gateway.url}/api/v1/session`, { headers: { cookie: `mileva_session=${bad}` } });
        expect(response.status).toBe(401);
        expect(((await response.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
      }
    });

    it('should refuse an unknown role or académie with the fields at fault', async () => {
      const unknownRole = await signIn({ role: 'recteur', academie: 'lyon' });
      expect(unknownRole.status).toBe(400);
      expect(((await unknownRole.json()) as { details: string[] }).details.join(' ')).toMatch(/^role/);
      const unknownAcademie = await signIn({ role: 'gestionnaire', academie: 'atlantide' });
      expect(unknownAcademie.status).toBe(400);
      expect(cookieOf(unknownAcademie, 'mileva_session')).toBeUndefined();
    });

    it('should sign out by clearing the cookie', async () => {
      const response = await fetch(`${gateway.url}/api/v1/session`, { method: 'DELETE' });
      expect(response.status).toBe(204);
      expect(cookieOf(response, 'mileva_session')?.attributes).toMatch(/Expires=Thu, 01 Jan 1970/);
    });

    it('should still accept the development header of scripts', async () => {
      const response = await fetch(`${gateway.url}/api/v1/session`, { headers: { authorization: 'Dev superviseur@poitiers' } });
      expect(await response.json()).toEqual({ user: { id: 'dev:superviseur@poitiers', academie: 'poitiers', role: 'superviseur' }, mode: 'dev' });
    });
  });

  describe('production', () => {
    const production = {
      NODE_ENV: 'production',
      MILEVA_SESSION_SECRET: SESSION_SECRET,
      MILEVA_OIDC_ISSUER: 'https://idp.example.fr',
      MILEVA_OIDC_CLIENT_ID: CLIENT_ID,
      MILEVA_OIDC_REDIRECT_URI: 'https://mileva.example.fr/api/v1/session/oidc/callback',
    };

    it('should refuse to start without the session secret, or with the development sign-in', async () => {
      await expect(startGateway({ ...production, MILEVA_SESSION_SECRET: '' })).rejects.toMatchObject({ variable: 'MILEVA_SESSION_SECRET' });
      await expect(startGateway({ ...production, MILEVA_OIDC_ISSUER: '' })).rejects.toBeInstanceOf(ConfigError);
    });

    it('should ignore the development header and refuse the development sign-in', async () => {
      const gateway = await startGateway(production);
      try {
        const header = await fetch(`${gateway.url}/api/v1/session`, { headers: { authorization: 'Dev admin@lyon' } });
        expect(header.status).toBe(401);
        expect(((await header.json()) as { message: string }).message).not.toContain('Authorization');
        const dev = await fetch(`${gateway.url}/api/v1/session/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'admin', academie: 'lyon' }) });
        expect(dev.status).toBe(404);
      } finally {
        await gateway.app.close();
      }
    });
  });

  describe('sign-in with an OpenID Connect provider', () => {
    let issuer: FakeIssuer;
    let gateway: { app: INestApplication; url: string };

    beforeAll(async () => {
      issuer = await FakeIssuer.start();
      gateway = await startGateway({
        MILEVA_SESSION_SECRET: SESSION_SECRET,
        MILEVA_OIDC_ISSUER: issuer.url,
        MILEVA_OIDC_CLIENT_ID: CLIENT_ID,
        MILEVA_OIDC_CLIENT_SECRET: CLIENT_SECRET,
        // The public address, as behind a reverse proxy: the test delivers the provider's answer to the gateway itself.
        MILEVA_OIDC_REDIRECT_URI: REDIRECT_URI,
        MILEVA_OIDC_SCOPE: 'openid profile mileva',
        MILEVA_OIDC_CLAIM_ACADEMIE: 'rectorat.academie',
        MILEVA_OIDC_CLAIM_ROLES: 'mileva_roles',
      });
    });

    /** The provider's redirect to the public callback address, delivered to the gateway under test. */
    const deliver = (location: string, cookie?: string) =>
      fetch(`${gateway.url}/api/v1/session/oidc/callback${new URL(location).search}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    afterAll(async () => {
      await gateway?.app.close();
      await issuer?.close();
    });

    /** A browser's round trip: the gateway sends it to the provider, which sends it back with a code for these claims. */
    async function signInAs(claims: Record<string, unknown>, returnTo = '/conversations'): Promise<Response> {
      const login = await fetch(`${gateway.url}/api/v1/session/oidc/login?returnTo=${encodeURIComponent(returnTo)}`, { redirect: 'manual' });
      expect(login.status).toBe(302);
      const transaction = cookieOf(login, 'mileva_oidc')?.pair ?? '';
      issuer.nextClaims = claims;
      const authorize = await fetch(login.headers.get('location') ?? '', { redirect: 'manual' });
      expect(authorize.status).toBe(302);
      expect(authorize.headers.get('location')?.startsWith(`${REDIRECT_URI}?`)).toBe(true);
      return deliver(authorize.headers.get('location') ?? '', transaction);
    }

    it('should say that sign-in goes through the provider, with nothing to pick', async () => {
      expect(await (await fetch(`${gateway.url}/api/v1/session/options`)).json()).toEqual({ mode: 'oidc', roles: [], academies: [] });
      const dev = await fetch(`${gateway.url}/api/v1/session/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'admin', academie: 'lyon' }) });
      expect(dev.status).toBe(404);
    });

    it('should send the browser to the provider with PKCE (S256), a state and a nonce', async () => {
      const login = await fetch(`${gateway.url}/api/v1/session/oidc/login`, { redirect: 'manual' });
      const location = new URL(login.headers.get('location') ?? '');
      expect(`${location.origin}${location.pathname}`).toBe(`${issuer.url}/authorize`);
      expect(Object.fromEntries(location.searchParams)).toMatchObject({
        client_id: CLIENT_ID,
        response_type: 'code',
        scope: 'openid profile mileva',
        code_challenge_method: 'S256',
        redirect_uri: REDIRECT_URI,
      });
      expect(location.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(location.searchParams.get('state')).toBeTruthy();
      expect(location.searchParams.get('nonce')).toBeTruthy();
      expect(cookieOf(login, 'mileva_oidc')?.attributes).toMatch(/HttpOnly/);
    });

    it('should open a session for a user whose claims name a known académie and a MILEVA role', async () => {
      const callback = await signInAs({ sub: 'agent-7f3a', name: 'Camille Martin', rectorat: { academie: 'Académie de Lyon' }, mileva_roles: ['lecteur-intranet', 'expert'] });
      expect(callback.status).toBe(302);
      expect(callback.headers.get('location')).toBe('/conversations');
      const session = cookieOf(callback, 'mileva_session');
      expect(session?.attributes).toMatch(/HttpOnly/);
      expect(issuer.tokenRequests.at(-1)).toMatchObject({ pkceVerified: true, clientAuthenticated: true });

      const current = await fetch(`${gateway.url}/api/v1/session`, { headers: { cookie: session?.pair ?? '' } });
      expect(await current.json()).toEqual({ user: { id: 'agent-7f3a', academie: 'lyon', role: 'expert', name: 'Camille Martin' }, mode: 'oidc' });
    });

    it('should read roles given as text, and the national level', async () => {
      const callback = await signInAs({ sub: 'agent-dgrh-1', rectorat: { academie: 'national' }, mileva_roles: 'dgrh' });
      const current = await fetch(`${gateway.url}/api/v1/session`, { headers: { cookie: cookieOf(callback, 'mileva_session')?.pair ?? '' } });
      expect(await current.json()).toMatchObject({ user: { academie: 'national', role: 'dgrh' } });
    });

    it('should refuse a user of an unknown académie', async () => {
      const callback = await signInAs({ sub: 'agent-x', rectorat: { academie: 'atlantide' }, mileva_roles: ['gestionnaire'] });
      expect(callback.status).toBe(403);
      expect(((await callback.json()) as { message: string }).message).toMatch(/académie/);
      expect(cookieOf(callback, 'mileva_session')).toBeUndefined();
    });

    it('should refuse a user without a MILEVA role', async () => {
      const callback = await signInAs({ sub: 'agent-y', rectorat: { academie: 'lyon' }, mileva_roles: ['stagiaire', 'lecteur'] });
      expect(callback.status).toBe(403);
      expect(((await callback.json()) as { message: string }).message).toMatch(/rôle/);
      expect(cookieOf(callback, 'mileva_session')).toBeUndefined();
    });

    it('should refuse a callback whose state or nonce does not match, or without the sign-in cookie', async () => {
      const login = await fetch(`${gateway.url}/api/v1/session/oidc/login`, { redirect: 'manual' });
      const transaction = cookieOf(login, 'mileva_oidc')?.pair ?? '';
      issuer.nextClaims = { sub: 'agent-z', rectorat: { academie: 'lyon' }, mileva_roles: ['admin'] };
      const back = new URL((await fetch(login.headers.get('location') ?? '', { redirect: 'manual' })).headers.get('location') ?? '');
      const forgedState = new URL(back);
      forgedState.searchParams.set('state', 'etat-invente');
      expect((await deliver(forgedState.href, transaction)).status).toBe(400);
      expect((await deliver(back.href)).status).toBe(400);

      issuer.forgeNonce = true;
      const callback = await signInAs({ sub: 'agent-z', rectorat: { academie: 'lyon' }, mileva_roles: ['admin'] });
      issuer.forgeNonce = false;
      expect(callback.status).toBe(400);
      expect(cookieOf(callback, 'mileva_session')).toBeUndefined();
    });

    it('should only send the browser back to a path of this site', async () => {
      const callback = await signInAs({ sub: 'agent-7f3a', rectorat: { academie: 'lyon' }, mileva_roles: 'gestionnaire' }, 'https://ailleurs.example/piege');
      expect(callback.headers.get('location')).toBe('/');
      const protocolRelative = await signInAs({ sub: 'agent-7f3a', rectorat: { academie: 'lyon' }, mileva_roles: 'gestionnaire' }, '//ailleurs.example/piege');
      expect(protocolRelative.headers.get('location')).toBe('/');
    });
  });
});

interface TokenRequestRecord {
  readonly pkceVerified: boolean;
  readonly clientAuthenticated: boolean;
}

/**
 * A small OpenID Connect provider on the loopback interface: discovery document, JWKS, an
 * authorization endpoint that answers at once with a code for `nextClaims`, and a token endpoint
 * that checks the client secret and the PKCE verifier and issues an RS256-signed ID token.
 */
class FakeIssuer {
  nextClaims: Record<string, unknown> = {};
  /** Issue ID tokens with a nonce other than the one asked for. */
  forgeNonce = false;
  readonly tokenRequests: TokenRequestRecord[] = [];
  private readonly codes = new Map<string, { challenge: string; nonce: string; redirectUri: string; claims: Record<string, unknown> }>();
  private readonly keyId = 'cle-de-test-1';
  private readonly privateKey: KeyObject;
  private readonly publicJwk: Record<string, unknown>;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    keys: { privateKey: KeyObject; publicKey: KeyObject },
  ) {
    this.privateKey = keys.privateKey;
    this.publicJwk = { ...keys.publicKey.export({ format: 'jwk' }), kid: this.keyId, alg: 'RS256', use: 'sig' };
  }

  static async start(): Promise<FakeIssuer> {
    const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const started: { issuer?: FakeIssuer } = {};
    const server = createServer((request, response) => {
      void started.issuer?.handle(request, response).catch(() => {
        response.statusCode = 500;
        response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    started.issuer = new FakeIssuer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, keys);
    return started.issuer;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer: this.url,
        authorization_endpoint: `${this.url}/authorize`,
        token_endpoint: `${this.url}/token`,
        jwks_uri: `${this.url}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic'],
      });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [this.publicJwk] });
    if (url.pathname === '/authorize') {
      const query = url.searchParams;
      if (query.get('client_id') !== CLIENT_ID || query.get('response_type') !== 'code' || query.get('code_challenge_method') !== 'S256') {
        return json(400, { error: 'invalid_request' });
      }
      const code = randomBytes(16).toString('hex');
      const redirectUri = query.get('redirect_uri') ?? '';
      this.codes.set(code, { challenge: query.get('code_challenge') ?? '', nonce: query.get('nonce') ?? '', redirectUri, claims: this.nextClaims });
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', query.get('state') ?? '');
      response.writeHead(302, { location: back.href });
      response.end();
      return;
    }
    if (url.pathname === '/token' && request.method === 'POST') {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const [id, secret] = Buffer.from((request.headers.authorization ?? '').replace(/^Basic /, ''), 'base64')
        .toString('utf8')
        .split(':')
        .map((part) => decodeURIComponent(part.replace(/\+/g, ' ')));
      const clientAuthenticated = id === CLIENT_ID && secret === CLIENT_SECRET;
      const grant = this.codes.get(form.get('code') ?? '');
      this.codes.delete(form.get('code') ?? '');
      const pkceVerified = !!grant && createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url') === grant.challenge;
      this.tokenRequests.push({ pkceVerified, clientAuthenticated });
      if (!clientAuthenticated) return json(401, { error: 'invalid_client' });
      if (!grant || !pkceVerified || form.get('grant_type') !== 'authorization_code' || form.get('redirect_uri') !== grant.redirectUri) {
        return json(400, { error: 'invalid_grant' });
      }
      const now = Math.floor(Date.now() / 1000);
      const idToken = this.sign({ iss: this.url, aud: CLIENT_ID, iat: now, exp: now + 300, nonce: this.forgeNonce ? 'autre-nonce' : grant.nonce, ...grant.claims });
      return json(200, { access_token: randomBytes(16).toString('hex'), token_type: 'Bearer', expires_in: 300, id_token: idToken });
    }
    return json(404, { error: 'not_found' });
  }

  private sign(payload: Record<string, unknown>): string {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const input = `${encode({ alg: 'RS256', typ: 'JWT', kid: this.keyId })}.${encode(payload)}`;
    return `${input}.${createSign('RSA-SHA256').update(input).sign(this.privateKey).toString('base64url')}`;
  }
}
