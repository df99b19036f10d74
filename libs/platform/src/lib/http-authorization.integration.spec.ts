import type { INestApplication } from '@nestjs/common';
import { ASKING_ROLES, CORPUS_MANAGING_ROLES, SERVICE_NAMES, USER_ROLES, type AnswerList, type ConversationList, type CorpusDocumentList, type CorpusJob, type UserRole } from '@mileva/contracts';
import { loadConfig, LocalTransport } from '@mileva/runtime';
import type { AskedDraft } from '@mileva/service-gateway';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devSessionCookies } from './testing/dev-session-cookies';
import { startPlatform, type RunningPlatform } from './platform';

jest.setTimeout(180_000);

/** The owner of the resources under test, and who must not reach them. */
const OWNER = 'gestionnaire@lyon';
/** Another user of the owner's académie, and a user of another académie, both allowed to ask. */
const STRANGERS = ['superviseur@lyon', 'gestionnaire@poitiers'];

interface Fixture {
  readonly conversationId: string;
  readonly messageId: string;
  /** A document, an ingestion job and a previous answer of Lyon's corpus. */
  readonly documentId: string;
  readonly jobId: string;
  readonly answerId: string;
}

interface RouteCase {
  /** Who may call it: anybody, anybody signed in, or these roles. */
  readonly access: 'public' | 'signed-in' | readonly UserRole[];
  /** The request, aimed at the owner's resource when the route has one (default: the route's path, no body). */
  readonly request?: (fixture: Fixture) => { readonly path: string; readonly body?: unknown };
  /**
   * What the route holds: `user` — a resource of the owner, which strangers get as 404;
   * `user-list` — the caller's own items only; `academie` — the caller's académie's data only.
   */
  readonly scope?: 'user' | 'user-list' | 'academie';
}

const QUESTION = { question: 'Quelle est la durée maximale du congé de longue maladie ?' };

/**
 * Every route of the HTTP API and who may call it. The test fails when the gateway serves a
 * route missing here: a new route cannot escape the authorization checks.
 */
const ROUTES: Readonly<Record<string, RouteCase>> = {
  // Probes and sign-in: public by design; nothing of an académie or a user in them.
  'GET /api/health': { access: 'public' },
  'GET /api/health/ready': { access: 'public' },
  'GET /api/v1/ping': { access: 'public' },
  'GET /api/v1/session/options': { access: 'public' },
  'POST /api/v1/session/dev': { access: 'public', request: () => ({ path: '/api/v1/session/dev', body: { role: 'gestionnaire', academie: 'lyon' } }) },
  'DELETE /api/v1/session': { access: 'public' },
  'GET /api/v1/session/oidc/login': { access: 'public' },
  'GET /api/v1/session/oidc/callback': { access: 'public' },
  'GET /api/v1/session': { access: 'signed-in' },
  'POST /api/v1/questions': { access: ASKING_ROLES, scope: 'user', request: (fixture) => ({ path: '/api/v1/questions', body: { ...QUESTION, conversationId: fixture.conversationId } }) },
  'GET /api/v1/conversations': { access: ASKING_ROLES, scope: 'user-list' },
  'GET /api/v1/conversations/:id': { access: ASKING_ROLES, scope: 'user', request: (fixture) => ({ path: `/api/v1/conversations/${fixture.conversationId}` }) },
  'POST /api/v1/messages/:messageId/feedback': {
    access: ASKING_ROLES,
    scope: 'user',
    request: (fixture) => ({ path: `/api/v1/messages/${fixture.messageId}/feedback`, body: { useful: true, reasons: [], outcome: 'edited', minutesSaved: 5 } }),
  },
  'GET /api/v1/instructions': { access: ['expert', 'admin'], scope: 'academie' },
  'PUT /api/v1/instructions': { access: ['expert', 'admin'], scope: 'academie', request: () => ({ path: '/api/v1/instructions', body: { instructions: 'Consignes de Lyon : vouvoyer l’agent.' } }) },
  // Corpus management: the corpus of the caller's académie only (an administrator may name another).
  'GET /api/v1/corpus/documents': { access: CORPUS_MANAGING_ROLES, scope: 'academie' },
  'POST /api/v1/corpus/documents': { access: CORPUS_MANAGING_ROLES, scope: 'academie' },
  'PUT /api/v1/corpus/documents/:id': { access: CORPUS_MANAGING_ROLES, scope: 'academie', request: (fixture) => ({ path: `/api/v1/corpus/documents/${fixture.documentId}` }) },
  'PATCH /api/v1/corpus/documents/:id': {
    access: CORPUS_MANAGING_ROLES,
    scope: 'academie',
    request: (fixture) => ({ path: `/api/v1/corpus/documents/${fixture.documentId}`, body: { theme: 'retraite' } }),
  },
  'DELETE /api/v1/corpus/documents/:id': { access: CORPUS_MANAGING_ROLES, scope: 'academie', request: (fixture) => ({ path: `/api/v1/corpus/documents/${fixture.documentId}` }) },
  'GET /api/v1/corpus/jobs/:id': { access: CORPUS_MANAGING_ROLES, scope: 'academie', request: (fixture) => ({ path: `/api/v1/corpus/jobs/${fixture.jobId}` }) },
  'GET /api/v1/corpus/answers': { access: CORPUS_MANAGING_ROLES, scope: 'academie' },
  'POST /api/v1/corpus/answers/import': { access: CORPUS_MANAGING_ROLES, scope: 'academie' },
  'POST /api/v1/corpus/answers/:id/review': {
    access: CORPUS_MANAGING_ROLES,
    scope: 'academie',
    request: (fixture) => ({ path: `/api/v1/corpus/answers/${fixture.answerId}/review`, body: { decision: 'reject' } }),
  },
  // Analytics: national aggregates for the DGRH, the caller's académie for the others; gaps (pseudonymized questions) for the académie's experts only.
  'GET /api/v1/analytics/aggregates': { access: ['dgrh', 'expert', 'superviseur', 'admin'], scope: 'academie', request: () => ({ path: '/api/v1/analytics/aggregates?from=2026-01-01&to=2026-01-31' }) },
  'GET /api/v1/analytics/gaps': { access: ['expert', 'superviseur', 'admin'], scope: 'academie' },
  // Last: the owner's call deletes the conversation the other routes use.
  'DELETE /api/v1/conversations/:id': { access: ASKING_ROLES, scope: 'user', request: (fixture) => ({ path: `/api/v1/conversations/${fixture.conversationId}` }) },
};

/** Every `METHOD path` the gateway's HTTP server routes, read from Express's router (what Nest registered). */
function servedRoutes(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
  return express.router.stack.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods)
          .filter((method) => method !== '_all')
          .map((method) => `${method.toUpperCase()} ${layer.route?.path ?? ''}`)
      : [],
  );
}

describe('authorization of every HTTP route', () => {
  let dataDir: string;
  let platform: RunningPlatform;
  let fixture: Fixture;

  const sessions = devSessionCookies(() => platform.url ?? '');
  async function cookieOf(persona: string): Promise<string> {
    const cookie = await sessions(persona);
    expect(cookie).toMatch(/^mileva_session=v1\./);
    return cookie;
  }

  /** Calls a route as nobody, with a persona's session cookie, or with the development header of scripts. */
  async function call(key: string, as: { cookie?: string; header?: string } = {}): Promise<Response> {
    const [method, route] = key.split(' ');
    const { path, body } = ROUTES[key].request?.(fixture) ?? { path: route };
    const headers: Record<string, string> = {};
    if (as.cookie) headers['cookie'] = await cookieOf(as.cookie);
    if (as.header) headers['authorization'] = `Dev ${as.header}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${platform.url}${path}`, { method, headers, redirect: 'manual', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  }

  /** A document (uploaded as a job) and a previous answer in Lyon's corpus, by an expert of Lyon. */
  async function corpusFixture(): Promise<Pick<Fixture, 'documentId' | 'jobId' | 'answerId'>> {
    const headers = { cookie: await cookieOf('expert@lyon') };
    const documents = new FormData();
    documents.append('files', new Blob(['# Note de Lyon\n\nLes congés bonifiés sont demandés avant le 1er février.\n']), 'note-lyon.md');
    let job = (await (await fetch(`${platform.url}/api/v1/corpus/documents`, { method: 'POST', headers, body: documents })).json()) as CorpusJob;
    for (let attempt = 0; job.state === 'running' && attempt < 300; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = (await (await fetch(`${platform.url}/api/v1/corpus/jobs/${job.id}`, { headers })).json()) as CorpusJob;
    }
    const answers = new FormData();
    answers.append('file', new Blob(['question;reponse\n"Qui signe les congés ?";"Le chef de service."\n']), 'base.csv');
    await fetch(`${platform.url}/api/v1/corpus/answers/import`, { method: 'POST', headers, body: answers });
    const [answer] = ((await (await fetch(`${platform.url}/api/v1/corpus/answers`, { headers })).json()) as AnswerList).answers;
    return { documentId: job.files[0]?.documentId ?? '', jobId: job.id, answerId: answer?.id ?? '' };
  }

  const protectedRoutes = () => Object.entries(ROUTES).filter(([, route]) => route.access !== 'public');
  const allowed = (route: RouteCase, role: UserRole) => route.access === 'signed-in' || (route.access !== 'public' && route.access.includes(role));

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mileva-http-authorization-'));
    platform = await startPlatform({
      config: loadConfig({ MILEVA_DATA_DIR: dataDir, MILEVA_PORT: '0', MILEVA_HOST: '127.0.0.1', MILEVA_PORTAL_DIR: '/nonexistent', MILEVA_SEED: 'false', MILEVA_LOG_LEVEL: 'silent' }),
      services: SERVICE_NAMES,
      transport: new LocalTransport(),
    });
    const draft = (await (
      await fetch(`${platform.url}/api/v1/questions`, { method: 'POST', headers: { cookie: await cookieOf(OWNER), 'content-type': 'application/json' }, body: JSON.stringify(QUESTION) })
    ).json()) as AskedDraft;
    fixture = { conversationId: draft.conversationId, messageId: draft.messageId ?? '', ...(await corpusFixture()) };
    expect(fixture.messageId).not.toBe('');
    expect(fixture.documentId).not.toBe('');
    expect(fixture.answerId).not.toBe('');
  });

  afterAll(async () => {
    await platform?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('should have an authorization case for every route the gateway serves, and none for a route it does not serve', () => {
    const served = servedRoutes(platform.app);
    expect(served.length).toBeGreaterThan(10);
    expect([...new Set(served)].sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it('should answer 401 on every protected route without credentials, with a forged cookie or a malformed header', async () => {
    const failures: string[] = [];
    for (const [key] of protectedRoutes()) {
      for (const [label, headers] of [
        ['nothing', {}],
        ['forged cookie', { cookie: 'mileva_session=v1.bm9uLXNpZ25lLWFkbWluQGx5b24' }],
        ['malformed header', { authorization: 'Dev directeur@lyon' }],
      ] as const) {
        const [method, route] = key.split(' ');
        const { path, body } = ROUTES[key].request?.(fixture) ?? { path: route };
        const response = await fetch(`${platform.url}${path}`, {
          method,
          headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        if (response.status !== 401) failures.push(`${key} with ${label}: ${response.status}`);
        else if (((await response.json()) as { code: string }).code !== 'UNAUTHENTICATED') failures.push(`${key} with ${label}: code`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('should answer public routes without credentials', async () => {
    const failures: string[] = [];
    for (const [key] of Object.entries(ROUTES).filter(([, route]) => route.access === 'public')) {
      const status = (await call(key)).status;
      if (status === 401 || status === 403) failures.push(`${key}: ${status}`);
    }
    expect(failures).toEqual([]);
  });

  it('should answer 403 to every role a route does not allow, by session cookie or development header', async () => {
    const failures: string[] = [];
    for (const [key, route] of protectedRoutes()) {
      for (const role of USER_ROLES.filter((candidate) => !allowed(route, candidate))) {
        for (const as of [{ cookie: `${role}@lyon` }, { header: `${role}@lyon` }]) {
          const status = (await call(key, as)).status;
          if (status !== 403) failures.push(`${key} as ${role} (${as.cookie ? 'cookie' : 'header'}): ${status}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // The DGRH reads national aggregates only: no question, no conversation, no feedback.
    expect(USER_ROLES.filter((role) => allowed(ROUTES['POST /api/v1/questions'], role))).toEqual(['gestionnaire', 'expert', 'superviseur', 'admin']);
  });

  it('should let every allowed role through the role check', async () => {
    const failures: string[] = [];
    for (const [key, route] of protectedRoutes().filter(([name]) => !name.startsWith('DELETE'))) {
      for (const role of USER_ROLES.filter((candidate) => allowed(route, candidate))) {
        const status = (await call(key, { cookie: `${role}@poitiers` })).status;
        if (status === 401 || status === 403 || status >= 500) failures.push(`${key} as ${role}: ${status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('should hide a user’s resources from another user of the académie and from another académie', async () => {
    const failures: string[] = [];
    for (const [key] of protectedRoutes().filter(([, route]) => route.scope === 'user')) {
      for (const stranger of STRANGERS) {
        const status = (await call(key, { cookie: stranger })).status;
        if (status !== 404) failures.push(`${key} as ${stranger}: ${status}`);
      }
    }
    for (const stranger of STRANGERS) {
      const list = (await (await call('GET /api/v1/conversations', { cookie: stranger })).json()) as ConversationList;
      if (list.conversations.some((conversation) => conversation.id === fixture.conversationId)) failures.push(`GET /api/v1/conversations as ${stranger}: lists the owner's`);
    }
    expect(failures).toEqual([]);
  });

  it('should keep an académie’s instructions from another académie', async () => {
    const put = async (persona: string, instructions: string) =>
      fetch(`${platform.url}/api/v1/instructions`, { method: 'PUT', headers: { cookie: await cookieOf(persona), 'content-type': 'application/json' }, body: JSON.stringify({ instructions }) });
    const get = async (persona: string) => (await (await fetch(`${platform.url}/api/v1/instructions`, { headers: { cookie: await cookieOf(persona) } })).json()) as { instructions?: string };
    expect((await get('expert@normandie')).instructions).toBeUndefined();
    expect((await put('expert@lyon', 'Consignes de Lyon : tutoyer les collègues.')).status).toBe(200);
    expect((await get('expert@normandie')).instructions).toBeUndefined();
    expect((await put('admin@normandie', 'Consignes de Normandie.')).status).toBe(200);
    expect((await get('admin@lyon')).instructions).toBe('Consignes de Lyon : tutoyer les collègues.');
    expect((await get('expert@normandie')).instructions).toBe('Consignes de Normandie.');
  });

  it('should keep an académie’s corpus from another académie: its items not found, naming it refused, and only an administrator may name it', async () => {
    const failures: string[] = [];
    const corpusRoutes = protectedRoutes().filter(([key, route]) => route.scope === 'academie' && key.includes('/corpus/'));
    for (const [key] of corpusRoutes.filter(([name]) => name.includes(':id'))) {
      const status = (await call(key, { cookie: 'expert@poitiers' })).status;
      if (status !== 404) failures.push(`${key} as expert@poitiers: ${status}`);
    }
    for (const [key] of corpusRoutes) {
      const [method, route] = key.split(' ');
      const { path, body } = ROUTES[key].request?.(fixture) ?? { path: route };
      const named = async (persona: string) =>
        fetch(`${platform.url}${path}?corpus=lyon`, {
          method,
          headers: { cookie: await cookieOf(persona), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      const asExpert = (await named('expert@poitiers')).status;
      if (asExpert !== 403) failures.push(`${key}?corpus=lyon as expert@poitiers: ${asExpert}`);
      // Deleting would take the fixture out for the other routes; the administrator's reach is checked on reads.
      if (method === 'GET') {
        const asAdmin = (await named('admin@poitiers')).status;
        if (asAdmin !== 200) failures.push(`${key}?corpus=lyon as admin@poitiers: ${asAdmin}`);
      }
    }
    const listed = (await (await fetch(`${platform.url}/api/v1/corpus/documents`, { headers: { cookie: await cookieOf('expert@poitiers') } })).json()) as CorpusDocumentList;
    if (listed.documents.some((document) => document.id === fixture.documentId)) failures.push('GET /api/v1/corpus/documents as expert@poitiers: lists Lyon’s');
    expect(failures).toEqual([]);
    // Lyon's own expert still reaches the document.
    expect((await call('PATCH /api/v1/corpus/documents/:id', { cookie: 'expert@lyon' })).status).toBe(200);
  });

  it('should serve the owner on every route of their resources, the deletion last', async () => {
    const statuses: Record<string, number> = {};
    for (const [key] of protectedRoutes().filter(([, route]) => route.scope === 'user' || route.scope === 'user-list')) {
      statuses[key] = (await call(key, { cookie: OWNER })).status;
    }
    expect(statuses).toEqual({
      'POST /api/v1/questions': 200,
      'GET /api/v1/conversations': 200,
      'GET /api/v1/conversations/:id': 200,
      'POST /api/v1/messages/:messageId/feedback': 201,
      'DELETE /api/v1/conversations/:id': 204,
    });
  });
});
