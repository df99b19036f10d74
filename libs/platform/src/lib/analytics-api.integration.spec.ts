import type { INestApplication } from '@nestjs/common';
import { isValidNir } from '@mileva/anonymizer';
import {
  ANALYTICS_ALL,
  analyticsEventSubject,
  SERVICE_NAMES,
  type AggregatesResponse,
  type AnalyticsEvent,
  type GapReport,
} from '@mileva/contracts';
import { AnalyticsFactEntity, ConversationEntity, FeedbackEntity, MessageEntity, type Database } from '@mileva/persistence';
import { loadConfig, LocalTransport, MILEVA_DATABASE, MILEVA_EVENT_LOG, pause, type EventLog } from '@mileva/runtime';
import { ConversationPurger, GatewaySecrets, type AskedDraft } from '@mileva/service-gateway';
import { bytesSource, IngestionService } from '@mileva/service-ingestion';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devSessionCookies } from './testing/dev-session-cookies';
import { startPlatform, type RunningPlatform } from './platform';

jest.setTimeout(180_000);

function nirWithKey(body: string): string {
  const key = String(97 - (Number(body) % 97)).padStart(2, '0');
  return `${body[0]} ${body.slice(1, 3)} ${body.slice(3, 5)} ${body.slice(5, 7)} ${body.slice(7, 10)} ${body.slice(10, 13)} ${key}`;
}

const NIR = nirWithKey('1860475123456');
/** Answered by the corpus below. */
const ANSWERED = `M. Anatole Brisquet (NIR ${NIR}) est en congé de longue maladie : quelle est la durée maximale de ce congé ?`;
/** Not in the corpus: a gap. */
const UNANSWERED = 'Quel est le barème de l’indemnité de sujétion des agents affectés à Saint-Pierre-et-Miquelon pour Mme Ondine Farrugia ?';
const COMMENT = 'Il manque la circulaire pour M. Anatole Brisquet, joignable au 06 98 76 54 32.';
const PERSONAL_VALUES = ['Anatole', 'Brisquet', 'Ondine', 'Farrugia', NIR, NIR.replace(/\s/g, ''), '06 98 76 54 32'];

const CLM = `# Congé de longue maladie

## Durée

Le fonctionnaire atteint d'une maladie grave et invalidante peut être placé en congé de longue maladie pour une durée maximale de trois ans.
`;

/** Every `METHOD path` the gateway's HTTP server routes. */
function servedRoutes(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
  return [
    ...new Set(
      express.router.stack.flatMap((layer) =>
        layer.route
          ? Object.keys(layer.route.methods)
              .filter((method) => method !== '_all')
              .map((method) => `${method.toUpperCase()} ${layer.route?.path ?? ''}`)
          : [],
      ),
    ),
  ];
}

/** A past week's activity: `count` users of an académie, each with a question and its answer. */
function pastWeek(academie: string, count: number, theme: string): AnalyticsEvent[] {
  return Array.from({ length: count }, (_, index): AnalyticsEvent[] => {
    const common = {
      v: 1 as const,
      occurredAt: `2026-01-0${5 + (index % 3)}T10:00:00.000Z`,
      academie,
      theme,
      userHash: createHash('sha256').update(`${academie}-${index}`).digest('hex'),
      answerRef: randomUUID(),
    };
    return [
      { ...common, eventId: randomUUID(), type: 'question.asked', themeChosen: true },
      { ...common, eventId: randomUUID(), type: 'answer.delivered', provider: 'extractive', answerable: true, refused: false, fallback: false, degraded: false, latencyMs: 900, sources: 2, unsupportedCitations: 0 },
    ];
  }).flat();
}

describe('analytics through the HTTP API', () => {
  let dataDir: string;
  let platform: RunningPlatform;
  let database: Database;
  let answered: AskedDraft;
  let unanswered: AskedDraft;

  const cookieOf = devSessionCookies(() => platform.url ?? '');

  async function call(as: string, method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${platform.url}/api${path}`, {
      method,
      redirect: 'manual',
      headers: { cookie: await cookieOf(as), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  const facts = (): Promise<AnalyticsFactEntity[]> => database.dataSource.getRepository(AnalyticsFactEntity).find();
  async function until(condition: () => Promise<boolean>, ms = 30_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await pause(100);
    }
  }

  beforeAll(async () => {
    expect(isValidNir(NIR)).toBe(true);
    dataDir = mkdtempSync(join(tmpdir(), 'mileva-analytics-api-'));
    platform = await startPlatform({
      config: loadConfig({ MILEVA_DATA_DIR: dataDir, MILEVA_PORT: '0', MILEVA_HOST: '127.0.0.1', MILEVA_PORTAL_DIR: '/nonexistent', MILEVA_SEED: 'false', MILEVA_LOG_LEVEL: 'silent' }),
      services: SERVICE_NAMES,
      transport: new LocalTransport(),
    });
    database = platform.app.get<Database>(MILEVA_DATABASE);
    await platform.app.get(IngestionService).runJob([bytesSource('clm.md', new TextEncoder().encode(CLM))], { corpus: 'national' });
    answered = (await (await call('gestionnaire@lyon', 'POST', '/v1/questions', { question: ANSWERED, theme: 'conges-maladie' })).json()) as AskedDraft;
    unanswered = (await (await call('expert@lyon', 'POST', '/v1/questions', { question: UNANSWERED })).json()) as AskedDraft;
    expect((await call('gestionnaire@lyon', 'POST', `/v1/messages/${answered.messageId}/feedback`, { useful: false, reasons: ['no_source'], outcome: 'edited', minutesSaved: 15, comment: COMMENT })).status).toBe(201);
    // A past week: six users in Lyon, two in Guyane.
    const events = platform.app.get<EventLog>(MILEVA_EVENT_LOG);
    for (const event of [...pastWeek('lyon', 6, 'formation'), ...pastWeek('guyane', 2, 'formation')]) await events.append(analyticsEventSubject(event.type), event);
    // The document stored; the gestionnaire's question, answer, feedback and time saved; the expert's question and answer; the past week.
    await until(async () => (await facts()).length === 1 + 4 + 2 + 16);
  });

  afterAll(async () => {
    await platform?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('should publish each question, answer, feedback and time saved once, as codes and counters under a keyed hash, with nothing of what was written', async () => {
    expect(answered.answerable).toBe(true);
    expect(unanswered.answerable).toBe(false);
    const secrets = platform.app.get(GatewaySecrets);
    const gestionnaire = (await facts()).filter((fact) => fact.userHash === secrets.analyticsHash('dev:gestionnaire@lyon'));
    expect(gestionnaire.map((fact) => fact.type).sort()).toEqual(['answer.delivered', 'feedback.given', 'question.asked', 'time-saved.declared']);
    expect(gestionnaire.every((fact) => fact.academie === 'lyon' && fact.theme === 'conges-maladie')).toBe(true);
    expect(gestionnaire.find((fact) => fact.type === 'feedback.given')?.payload).toEqual({ answerRef: expect.any(String), useful: false, reasons: ['no_source'], outcome: 'edited', commented: true });
    expect(gestionnaire.find((fact) => fact.type === 'time-saved.declared')?.payload).toMatchObject({ minutes: 15 });
    expect(gestionnaire.find((fact) => fact.type === 'answer.delivered')?.payload).toMatchObject({ provider: 'extractive', answerable: true, refused: false, sources: expect.any(Number) });
    const expert = (await facts()).filter((fact) => fact.userHash === secrets.analyticsHash('dev:expert@lyon'));
    expect(expert.find((fact) => fact.type === 'answer.delivered')?.payload).toMatchObject({ answerable: false });

    // Not the owner hash of the conversations: analytics cannot be joined to them.
    const owners = (await database.dataSource.getRepository(ConversationEntity).find()).map((conversation) => conversation.userHash);
    expect((await facts()).some((fact) => owners.includes(fact.userHash ?? ''))).toBe(false);
    const stored = JSON.stringify([await facts(), await database.dataSource.query(`SELECT * FROM "event_outbox"`)]);
    expect(PERSONAL_VALUES.filter((value) => stored.includes(value))).toEqual([]);
    for (const words of ['congé de longue maladie', 'indemnité de sujétion', 'circulaire', 'dev:gestionnaire@lyon']) expect(stored).not.toContain(words);
  });

  it('should keep the analytics reference of a stored answer out of the conversation the user reads back', async () => {
    const detail = await (await call('gestionnaire@lyon', 'GET', `/v1/conversations/${answered.conversationId}`)).text();
    expect(detail).not.toContain('answerRef');
  });

  it('should give the DGRH national aggregates with small cells as « < 5 », in JSON and in CSV', async () => {
    const response = await call('dgrh@national', 'GET', '/v1/analytics/aggregates?granularity=week&from=2026-01-05&to=2026-01-11&by=academie');
    expect(response.status).toBe(200);
    const aggregates = (await response.json()) as AggregatesResponse;
    const cell = (academie: string) => aggregates.cells.find((candidate) => candidate.academie === academie);
    expect(cell(ANALYTICS_ALL)?.usage).toMatchObject({ questions: 8, users: 8 });
    expect(cell('guyane')?.usageSuppressed).toBe(true);
    // Lyon alone would be the national total minus Guyane's two users: it is hidden too.
    expect(cell('lyon')?.usageSuppressed).toBe(true);

    const csv = await call('dgrh@national', 'GET', '/v1/analytics/aggregates?granularity=week&from=2026-01-05&to=2026-01-11&by=academie&format=csv');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain('mileva-statistiques-2026-01-05-2026-01-11.csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    // A byte order mark, so that spreadsheets read UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    expect(lines[0]).toMatch(/^Période \(début\);Académie;Thème;Questions;/);
    expect(lines.find((line) => line.includes('Toutes les académies'))?.split(';')[3]).toBe('8');
    expect(lines.find((line) => line.includes(';Guyane;'))?.split(';')[3]).toBe('< 5');
  });

  it('should keep an expert, a superviseur or an administrator to their own académie, and refuse aggregates to a gestionnaire', async () => {
    for (const persona of ['expert@lyon', 'superviseur@lyon', 'admin@lyon']) {
      const aggregates = (await (await call(persona, 'GET', '/v1/analytics/aggregates?granularity=week&from=2026-01-05&to=2026-01-11&by=academie,theme')).json()) as AggregatesResponse;
      expect(aggregates.academie).toBe('lyon');
      expect(aggregates.cells.length).toBeGreaterThan(0);
      expect(new Set(aggregates.cells.map((cell) => cell.academie))).toEqual(new Set(['lyon']));
      expect((await call(persona, 'GET', '/v1/analytics/aggregates?from=2026-01-05&to=2026-01-11&academie=guyane')).status).toBe(403);
    }
    const poitiers = (await (await call('expert@poitiers', 'GET', '/v1/analytics/aggregates?granularity=week&from=2026-01-05&to=2026-01-11&by=academie')).json()) as AggregatesResponse;
    expect(poitiers.cells).toEqual([]);
    expect((await call('gestionnaire@lyon', 'GET', '/v1/analytics/aggregates?from=2026-01-05&to=2026-01-11')).status).toBe(403);
    expect((await call('dgrh@national', 'GET', '/v1/analytics/aggregates?from=2026-01-05&to=2026-01-11&by=user')).status).toBe(400);
  });

  it('should show the experts of an académie the questions its documents did not answer, pseudonymized, and nobody else', async () => {
    const report = (await (await call('expert@lyon', 'GET', '/v1/analytics/gaps')).json()) as GapReport;
    expect(report.academie).toBe('lyon');
    expect(report.embeddings).toBe('hash-ngram-v1');
    const texts = report.clusters.flatMap((cluster) => [cluster.representative, ...cluster.examples]);
    // The unanswered question, and the answered one its user rated « pas de source ».
    expect(texts).toHaveLength(2);
    expect(texts.find((text) => text.includes('Saint-Pierre-et-Miquelon'))).toContain('[PERSONNE_1]');
    expect(report.clusters.reduce((sum, cluster) => sum + cluster.unanswerable, 0)).toBe(1);
    expect(report.clusters.reduce((sum, cluster) => sum + cluster.noSource, 0)).toBe(1);
    expect(PERSONAL_VALUES.filter((value) => JSON.stringify(report).includes(value))).toEqual([]);

    const elsewhere = (await (await call('expert@poitiers', 'GET', '/v1/analytics/gaps')).json()) as GapReport;
    expect(elsewhere).toMatchObject({ academie: 'poitiers', questions: 0, clusters: [] });
    for (const persona of ['dgrh@national', 'dgrh@lyon', 'gestionnaire@lyon']) expect((await call(persona, 'GET', '/v1/analytics/gaps')).status).toBe(403);
  });

  it('should give the DGRH nothing written by a user nor anything tied to one, on any route of the API', async () => {
    const secrets = platform.app.get(GatewaySecrets);
    const stored = await database.dataSource.getRepository(MessageEntity).find();
    const conversations = await database.dataSource.getRepository(ConversationEntity).find();
    const comment = (await database.dataSource.getRepository(FeedbackEntity).find()).map((feedback) => feedback.comment ?? '').filter(Boolean);
    const sentinels = [
      ...PERSONAL_VALUES,
      ...stored.filter((message) => message.role === 'user').map((message) => message.content.slice(0, 40)),
      ...conversations.map((conversation) => conversation.title.slice(0, 40)),
      ...conversations.map((conversation) => conversation.userHash),
      ...comment.map((text) => text.slice(0, 30)),
      ...['gestionnaire', 'expert'].flatMap((role) => [`dev:${role}@lyon`, secrets.analyticsHash(`dev:${role}@lyon`), secrets.ownerHash(`dev:${role}@lyon`)]),
      answered.conversationId,
      unanswered.conversationId,
    ];
    expect(sentinels.length).toBeGreaterThan(15);
    const ids: Record<string, string> = { id: answered.conversationId, messageId: answered.messageId ?? '' };
    const leaks: string[] = [];
    const routes = servedRoutes(platform.app);
    expect(routes).toContain('GET /api/v1/analytics/aggregates');
    for (const route of routes) {
      const [method, template] = route.split(' ');
      const path = template.replace(/:(\w+)/g, (_match, name: string) => ids[name] ?? randomUUID());
      const query = path.endsWith('/analytics/aggregates') ? '?granularity=day&from=2026-01-01&to=2026-12-31&by=academie,theme' : '';
      for (const persona of ['dgrh@national', 'dgrh@lyon']) {
        const response = await fetch(`${platform.url}${path}${query}`, {
          method,
          redirect: 'manual',
          headers: { cookie: await cookieOf(persona), ...(method === 'GET' ? {} : { 'content-type': 'application/json' }) },
          ...(method === 'GET' ? {} : { body: JSON.stringify(method === 'POST' && path.endsWith('/questions') ? { question: 'Une question de la DGRH ?', conversationId: answered.conversationId } : {}) }),
        });
        const text = `${response.headers.get('location') ?? ''} ${await response.text()}`;
        const found = sentinels.filter((sentinel) => sentinel && text.includes(sentinel));
        if (found.length > 0) leaks.push(`${route} as ${persona} (${response.status}): ${found.length} value(s)`);
      }
    }
    expect(leaks).toEqual([]);
    // The session cookies above are the DGRH's: nothing was changed on the owner's side.
    expect((await call('gestionnaire@lyon', 'GET', `/v1/conversations/${answered.conversationId}`)).status).toBe(200);
  });

  it('should count the documents stored and withdrawn in their corpus, by theme, without their names', async () => {
    const ingestion = platform.app.get(IngestionService);
    const [document] = await ingestion.list('national', false);
    await ingestion.withdraw('national', document.id);
    await until(async () => (await facts()).some((fact) => fact.type === 'document.withdrawn'));
    const documents = (await facts()).filter((fact) => fact.type.startsWith('document.'));
    expect(documents.map((fact) => [fact.type, fact.academie, fact.userHash])).toEqual(
      expect.arrayContaining([
        ['document.ingested', 'national', null],
        ['document.withdrawn', 'national', null],
      ]),
    );
    expect(documents.find((fact) => fact.type === 'document.ingested')?.payload).toEqual({ documentRef: document.id, kind: 'document', version: 1, chunks: expect.any(Number) });
    expect(JSON.stringify(documents)).not.toContain('clm.md');
    const today = new Date().toISOString().slice(0, 10);
    const aggregates = (await (await call('dgrh@national', 'GET', `/v1/analytics/aggregates?granularity=month&from=${today}&to=${today}&by=academie`)).json()) as AggregatesResponse;
    expect(aggregates.cells.find((cell) => cell.academie === 'national')?.documents).toEqual({ ingested: 1, withdrawn: 1 });
  });

  it('should take back the minutes declared when the user gives their feedback again without them', async () => {
    const secrets = platform.app.get(GatewaySecrets);
    const declarations = async () =>
      (await facts()).filter((fact) => fact.type === 'time-saved.declared' && fact.userHash === secrets.analyticsHash('dev:gestionnaire@lyon')).map((fact) => fact.payload['minutes']);
    expect(await declarations()).toEqual([15]);
    expect((await call('gestionnaire@lyon', 'POST', `/v1/messages/${answered.messageId}/feedback`, { useful: false, reasons: ['no_source'], outcome: 'edited', comment: COMMENT })).status).toBe(201);
    await until(async () => (await declarations()).length === 2);
    expect((await declarations()).sort()).toEqual([0, 15]);
  });

  describe('retention', () => {
    it('should erase feedback comments past their retention and keep the feedback and the aggregates', async () => {
      const before = (await facts()).length;
      expect((await database.dataSource.getRepository(FeedbackEntity).findOneByOrFail({ messageId: answered.messageId })).comment).toContain('[PERSONNE_1]');
      await database.dataSource.getRepository(FeedbackEntity).update({ messageId: answered.messageId }, { createdAt: new Date(Date.now() - 91 * 86_400_000) });
      await platform.app.get(ConversationPurger).purge();
      const feedback = await database.dataSource.getRepository(FeedbackEntity).findOneByOrFail({ messageId: answered.messageId });
      expect(feedback).toMatchObject({ comment: null, useful: false, reasons: ['no_source'], usage: 'edited' });
      expect((await facts()).length).toBe(before);
    });

    it('should take the gaps away with the conversations past their retention, and keep the aggregates', async () => {
      const before = (await facts()).length;
      await database.dataSource.getRepository(ConversationEntity).createQueryBuilder().update().set({ expiresAt: new Date(Date.now() - 1_000) }).where('academie = :academie', { academie: 'lyon' }).execute();
      await platform.app.get(ConversationPurger).purge();
      const report = (await (await call('expert@lyon', 'GET', '/v1/analytics/gaps')).json()) as GapReport;
      expect(report).toMatchObject({ questions: 0, clusters: [], themes: [] });
      expect((await facts()).length).toBe(before);
      const aggregates = (await (await call('dgrh@national', 'GET', '/v1/analytics/aggregates?granularity=week&from=2026-01-05&to=2026-01-11')).json()) as AggregatesResponse;
      expect(aggregates.cells[0].usage).toMatchObject({ questions: 8 });
    });
  });
});
