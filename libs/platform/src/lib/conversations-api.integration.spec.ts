import { isValidNir } from '@mileva/anonymizer';
import { SERVICE_NAMES, type ConversationDetail, type ConversationList } from '@mileva/contracts';
import { ConversationEntity, FeedbackEntity, MessageEntity, type Database } from '@mileva/persistence';
import { loadConfig, LocalTransport, MILEVA_DATABASE } from '@mileva/runtime';
import { ConversationPurger, PseudonymSessionStore, type AskedDraft } from '@mileva/service-gateway';
import { bytesSource, IngestionService } from '@mileva/service-ingestion';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devSessionCookies } from './testing/dev-session-cookies';
import { startPlatform, type RunningPlatform } from './platform';

jest.setTimeout(120_000);

/** A NIR whose key is computed as the rule says: 97 − (the 13-character number mod 97). */
function nirWithKey(body: string): string {
  const key = String(97 - (Number(body) % 97)).padStart(2, '0');
  return `${body[0]} ${body.slice(1, 3)} ${body.slice(3, 5)} ${body.slice(5, 7)} ${body.slice(7, 10)} ${body.slice(10, 13)} ${key}`;
}

const NIR = nirWithKey('2850769384127');
const EMAIL = 'octavie.bramerel@courriel-exemple.fr';
const QUESTION = `Mme Octavie Bramerel (NIR ${NIR}, ${EMAIL}) est en congé de longue maladie : quelle est la durée maximale de ce congé ?`;
const COMMENT = `Utile pour le dossier de M. Théodule Vasseraud, joignable au 06 12 34 56 78.`;
/** The personal data of the question and of the comment: none of it may be stored. */
const PERSONAL_VALUES = [NIR, NIR.replace(/\s/g, ''), EMAIL, 'Octavie', 'Bramerel', 'Théodule', 'Vasseraud', '06 12 34 56 78'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const CLM = `# Congé de longue maladie

## Durée

Le fonctionnaire atteint d'une maladie grave et invalidante peut être placé en congé de longue maladie pour une durée maximale de trois ans.

## Rémunération

Le traitement est versé intégralement pendant un an, puis réduit de moitié pendant deux ans.
`;

describe('conversations and feedback through the HTTP API', () => {
  let dataDir: string;
  let platform: RunningPlatform;
  let database: Database;
  let first: AskedDraft;

  const sessions = devSessionCookies(() => platform.url ?? '');
  const signIn = (role: string, academie: string): Promise<string> => sessions(`${role}@${academie}`);

  async function call(as: string, method: string, path: string, body?: unknown): Promise<Response> {
    const [role, academie] = as.split('@');
    return fetch(`${platform.url}/api${path}`, {
      method,
      headers: { cookie: await signIn(role, academie), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  /** Every stored row of the conversation tables, as text. */
  async function storedText(): Promise<string> {
    const rows = await Promise.all([ConversationEntity, MessageEntity, FeedbackEntity].map((entity) => database.dataSource.getRepository(entity).find()));
    return JSON.stringify(rows);
  }

  beforeAll(async () => {
    expect(isValidNir(NIR)).toBe(true);
    dataDir = mkdtempSync(join(tmpdir(), 'mileva-conversations-api-'));
    platform = await startPlatform({
      config: loadConfig({ MILEVA_DATA_DIR: dataDir, MILEVA_PORT: '0', MILEVA_HOST: '127.0.0.1', MILEVA_PORTAL_DIR: '/nonexistent', MILEVA_SEED: 'false', MILEVA_LOG_LEVEL: 'silent' }),
      services: SERVICE_NAMES,
      transport: new LocalTransport(),
    });
    database = platform.app.get<Database>(MILEVA_DATABASE);
    await platform.app.get(IngestionService).runJob([bytesSource('clm.md', new TextEncoder().encode(CLM))], { corpus: 'national' });
    first = (await (await call('gestionnaire@lyon', 'POST', '/v1/questions', { question: QUESTION })).json()) as AskedDraft;
  });

  afterAll(async () => {
    await platform?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('should give the draft of a first question a new conversation and the id of its stored answer', () => {
    expect(first.conversationId).toMatch(UUID);
    expect(first.messageId).toMatch(UUID);
    expect(first.answerable).toBe(true);
    expect(first.answer).toMatch(/trois ans/);
  });

  it('should stream the draft event with its conversation and message ids', async () => {
    const response = await fetch(`${platform.url}/api/v1/questions`, {
      method: 'POST',
      headers: { cookie: await signIn('expert', 'lyon'), accept: 'text/event-stream', 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'Quelle est la durée maximale du congé de longue maladie ?' }),
    });
    const events = [...(await response.text()).matchAll(/event: (\w+)\ndata: (.*)\n\n/g)].map((match) => ({ event: match[1], data: JSON.parse(match[2]) as Record<string, unknown> }));
    const draft = events.at(-1);
    expect(draft?.event).toBe('draft');
    expect(draft?.data).toMatchObject({ conversationId: expect.stringMatching(UUID), messageId: expect.stringMatching(UUID) });
    expect(draft?.data).not.toHaveProperty('pseudonymized');
    const stored = await database.dataSource.getRepository(MessageEntity).findOneByOrFail({ id: String(draft?.data['messageId']) });
    expect(stored.conversationId).toBe(draft?.data['conversationId']);
    await call('expert@lyon', 'DELETE', `/v1/conversations/${String(draft?.data['conversationId'])}`);
  });

  it('should store the conversation pseudonymized, owned by the académie and a keyed hash of the user', async () => {
    const conversation = await database.dataSource.getRepository(ConversationEntity).findOneByOrFail({ id: first.conversationId });
    expect(conversation.academie).toBe('lyon');
    expect(conversation.userHash).toMatch(/^[0-9a-f]{64}$/);
    expect(conversation.title).toMatch(/^Mme \[PERSONNE_1\] \(NIR \[NIR_1\], \[EMAIL_1\]\)/);
    expect(conversation.title.length).toBeLessThanOrEqual(80);
    const retention = conversation.expiresAt.getTime() - conversation.updatedAt.getTime();
    expect(Math.abs(retention - 30 * 86_400_000)).toBeLessThan(60_000);

    const messages = await database.dataSource.getRepository(MessageEntity).find({ where: { conversationId: first.conversationId }, order: { createdAt: 'ASC' } });
    expect(messages.map((message) => message.role)).toEqual(['user', 'assistant']);
    expect(messages[0].content).toContain('[NIR_1]');
    expect(messages[1].id).toBe(first.messageId);
    expect(messages[1].draft).toMatchObject({ answerable: true, aiNotice: first.aiNotice });
    const stored = await storedText();
    expect(stored).not.toContain('dev:gestionnaire@lyon');
    expect(PERSONAL_VALUES.filter((value) => stored.toLowerCase().includes(value.toLowerCase()))).toEqual([]);
  });

  it('should list the user’s conversations and show one re-filled while its session is alive', async () => {
    const list = (await (await call('gestionnaire@lyon', 'GET', '/v1/conversations')).json()) as ConversationList;
    expect(list.conversations.map((conversation) => conversation.id)).toEqual([first.conversationId]);
    expect(list.conversations[0].title).toContain('Mme Octavie Bramerel');

    const detail = (await (await call('gestionnaire@lyon', 'GET', `/v1/conversations/${first.conversationId}`)).json()) as ConversationDetail;
    expect(detail.messages.map((message) => message.role)).toEqual(['user', 'assistant']);
    expect(detail.messages[0].text).toBe(QUESTION);
    expect(detail.messages[1]).toMatchObject({ id: first.messageId, text: first.answer, draft: { messageId: first.messageId, conversationId: first.conversationId, answer: first.answer } });
  });

  it('should continue a conversation with the same placeholders, newest conversation first', async () => {
    const other = (await (await call('gestionnaire@lyon', 'POST', '/v1/questions', { question: 'Quelle est la rémunération pendant un congé de longue maladie ?' })).json()) as AskedDraft;
    const followUp = (await (await call('gestionnaire@lyon', 'POST', '/v1/questions', { question: `Et pour Mme Octavie Bramerel, le traitement est-il réduit ?`, conversationId: first.conversationId })).json()) as AskedDraft;
    expect(followUp.conversationId).toBe(first.conversationId);
    const messages = await database.dataSource.getRepository(MessageEntity).find({ where: { conversationId: first.conversationId, role: 'user' }, order: { createdAt: 'ASC' } });
    expect(messages.map((message) => message.content)[1]).toContain('Mme [PERSONNE_1]');

    const list = (await (await call('gestionnaire@lyon', 'GET', '/v1/conversations')).json()) as ConversationList;
    expect(list.conversations.map((conversation) => conversation.id)).toEqual([first.conversationId, other.conversationId]);
  });

  it('should show placeholders once the conversation’s pseudonymization session is forgotten', async () => {
    platform.app.get(PseudonymSessionStore).clear();
    const detail = (await (await call('gestionnaire@lyon', 'GET', `/v1/conversations/${first.conversationId}`)).json()) as ConversationDetail;
    expect(detail.title).toContain('[PERSONNE_1]');
    expect(detail.messages[0].text).toContain('Mme [PERSONNE_1] (NIR [NIR_1], [EMAIL_1])');
    expect(JSON.stringify(detail)).not.toContain('Bramerel');
  });

  it('should keep a conversation from anybody else, in the académie or not', async () => {
    for (const stranger of ['expert@lyon', 'gestionnaire@poitiers']) {
      expect(((await (await call(stranger, 'GET', '/v1/conversations')).json()) as ConversationList).conversations).toEqual([]);
      expect((await call(stranger, 'GET', `/v1/conversations/${first.conversationId}`)).status).toBe(404);
      expect((await call(stranger, 'POST', '/v1/questions', { question: 'Durée du congé de longue maladie ?', conversationId: first.conversationId })).status).toBe(404);
      expect((await call(stranger, 'DELETE', `/v1/conversations/${first.conversationId}`)).status).toBe(404);
      expect((await call(stranger, 'POST', `/v1/messages/${first.messageId}/feedback`, { useful: true })).status).toBe(404);
    }
    expect((await call('gestionnaire@lyon', 'GET', `/v1/conversations/${first.conversationId}`)).status).toBe(200);
  });

  describe('feedback', () => {
    it('should store the author’s feedback with its comment pseudonymized', async () => {
      const response = await call('gestionnaire@lyon', 'POST', `/v1/messages/${first.messageId}/feedback`, {
        useful: false,
        reasons: ['incomplete', 'outdated_source'],
        outcome: 'edited',
        minutesSaved: 12,
        comment: COMMENT,
      });
      expect(response.status).toBe(201);
      const { id } = (await response.json()) as { id: string };
      const row = await database.dataSource.getRepository(FeedbackEntity).findOneByOrFail({ id });
      expect(row).toMatchObject({ messageId: first.messageId, academie: 'lyon', useful: false, reasons: ['incomplete', 'outdated_source'], usage: 'edited', minutesSaved: 12 });
      expect(row.comment).toMatch(/^Utile pour le dossier de M\. \[PERSONNE_1\], joignable au \[TELEPHONE_1\]\.$/);
      const stored = await storedText();
      expect(PERSONAL_VALUES.filter((value) => stored.toLowerCase().includes(value.toLowerCase()))).toEqual([]);
    });

    it('should replace the user’s earlier feedback on the same answer', async () => {
      const response = await call('gestionnaire@lyon', 'POST', `/v1/messages/${first.messageId}/feedback`, { useful: true, outcome: 'sent_as_is' });
      expect(response.status).toBe(201);
      const rows = await database.dataSource.getRepository(FeedbackEntity).find({ where: { messageId: first.messageId } });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ id: ((await response.json()) as { id: string }).id, useful: true, reasons: [], usage: 'sent_as_is', minutesSaved: null, comment: null });
    });

    it('should refuse a malformed feedback with the fields at fault, and feedback on a question', async () => {
      const bad = await call('gestionnaire@lyon', 'POST', `/v1/messages/${first.messageId}/feedback`, { useful: 'oui', reasons: ['boring'], minutesSaved: 500, comment: 'x'.repeat(2_001) });
      expect(bad.status).toBe(400);
      const details = ((await bad.json()) as { details: string[] }).details.join('\n');
      for (const field of ['useful', 'reasons.0', 'minutesSaved', 'comment']) expect(details).toContain(field);
      const question = await database.dataSource.getRepository(MessageEntity).findOneByOrFail({ conversationId: first.conversationId, role: 'user' });
      expect((await call('gestionnaire@lyon', 'POST', `/v1/messages/${question.id}/feedback`, { useful: true })).status).toBe(404);
    });
  });

  describe('retention', () => {
    it('should delete a conversation past its retention, and keep its feedback without the message', async () => {
      await database.dataSource.getRepository(ConversationEntity).update({ id: first.conversationId }, { expiresAt: new Date(Date.now() - 1_000) });
      await platform.app.get(ConversationPurger).purge();
      expect((await call('gestionnaire@lyon', 'GET', `/v1/conversations/${first.conversationId}`)).status).toBe(404);
      expect(await database.dataSource.getRepository(MessageEntity).countBy({ conversationId: first.conversationId })).toBe(0);
      const feedback = await database.dataSource.getRepository(FeedbackEntity).find();
      expect(feedback).toHaveLength(1);
      expect(feedback[0]).toMatchObject({ messageId: null, useful: true, academie: 'lyon' });
      // The other conversation is not expired.
      expect(((await (await call('gestionnaire@lyon', 'GET', '/v1/conversations')).json()) as ConversationList).conversations).toHaveLength(1);
    });

    it('should let the user delete a conversation', async () => {
      const [remaining] = ((await (await call('gestionnaire@lyon', 'GET', '/v1/conversations')).json()) as ConversationList).conversations;
      expect((await call('gestionnaire@lyon', 'DELETE', `/v1/conversations/${remaining.id}`)).status).toBe(204);
      expect((await call('gestionnaire@lyon', 'GET', `/v1/conversations/${remaining.id}`)).status).toBe(404);
      expect((await call('gestionnaire@lyon', 'DELETE', `/v1/conversations/${remaining.id}`)).status).toBe(404);
    });
  });
});
