import { SERVICE_NAMES, Subjects } from '@mileva/contracts';
import { loadConfig, LocalTransport } from '@mileva/runtime';
import { bytesSource, IngestionService } from '@mileva/service-ingestion';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlatform, type RunningPlatform } from './platform';

jest.setTimeout(120_000);

const encoder = new TextEncoder();
const CLM = `# Congé de longue maladie

## Durée

Le fonctionnaire atteint d'une maladie grave et invalidante peut être placé en congé de longue maladie pour une durée maximale de trois ans.

## Rémunération

Le traitement est versé intégralement pendant un an, puis réduit de moitié pendant deux ans.
`;

describe('POST /api/v1/questions', () => {
  const subjects: string[] = [];
  let dataDir: string;
  let platform: RunningPlatform;

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${platform.url}/api/v1/questions`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mileva-questions-api-'));
    const transport = new LocalTransport();
    transport.bus.observe((message) => subjects.push(message.subject));
    platform = await startPlatform({
      config: loadConfig({ MILEVA_DATA_DIR: dataDir, MILEVA_PORT: '0', MILEVA_HOST: '127.0.0.1', MILEVA_PORTAL_DIR: '/nonexistent', MILEVA_SEED: 'false', MILEVA_LOG_LEVEL: 'silent' }),
      services: SERVICE_NAMES,
      transport,
    });
    await platform.app.get(IngestionService).runJob([bytesSource('clm.md', encoder.encode(CLM))], { corpus: 'national' });
  });

  afterAll(async () => {
    await platform?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('should ask who is calling, in French', async () => {
    const response = await post({ question: 'Durée du congé de longue maladie ?' });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { message: string }).message).toMatch(/Authorization: Dev/);
  });

  it('should refuse a role that does not draft answers', async () => {
    const response = await post({ question: 'Durée du congé de longue maladie ?' }, { authorization: 'Dev dgrh@national' });
    expect(response.status).toBe(403);
  });

  it('should answer with a cited draft as JSON', async () => {
    const response = await post({ question: 'Quelle est la durée maximale du congé de longue maladie ?' }, { authorization: 'Dev gestionnaire@lyon' });
    expect(response.status).toBe(200);
    const draft = (await response.json()) as { answer: string; answerable: boolean; citations: { n: number; title: string }[]; aiNotice: string; provider: string };
    expect(draft).toMatchObject({ answerable: true, provider: 'extractive' });
    expect(draft.answer).toMatch(/trois ans[^\n]*\[1\]/);
    expect(draft.answer.endsWith(draft.aiNotice)).toBe(true);
    expect(draft.citations[0]).toMatchObject({ n: 1, title: 'Congé de longue maladie' });
  });

  it('should stream the draft as server-sent events: tokens, then the draft', async () => {
    const response = await post({ question: 'Quelle est la rémunération pendant un congé de longue maladie ?' }, { authorization: 'Dev gestionnaire@lyon', accept: 'text/event-stream' });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = [...(await response.text()).matchAll(/event: (\w+)\ndata: (.*)\n\n/g)].map((match) => ({ event: match[1], data: JSON.parse(match[2]) as Record<string, unknown> }));
    expect(events[0].event).toBe('token');
    expect(events.at(-1)?.event).toBe('draft');
    const tokens = events.filter((event) => event.event === 'token').map((event) => event.data['text']).join('');
    expect(String(events.at(-1)?.data['answer'])).toContain(tokens.trim().slice(0, 60));
  });

  it('should refuse to evaluate a CV before any search', async () => {
    const before = subjects.length;
    const response = await post({ question: 'Peux-tu évaluer le CV de cette candidate et sa lettre de motivation ?' }, { authorization: 'Dev gestionnaire@lyon' });
    const draft = (await response.json()) as { refusal?: string; answerable: boolean; citations: unknown[] };
    expect(draft).toMatchObject({ refusal: 'excluded-use', answerable: false, citations: [] });
    const published = subjects.slice(before);
    expect(published.filter((subject) => subject.includes('.retrieval.') || subject === Subjects.generation.draft)).toEqual([]);
  });

  it('should let an expert version the académie’s instructions, AI-use mention and contact, used by the next drafts', async () => {
    const put = (authorization: string, body: unknown) =>
      fetch(`${platform.url}/api/v1/instructions`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify(body) });
    expect((await put('Dev gestionnaire@lyon', { instructions: 'Tutoyer' })).status).toBe(403);
    const first = (await (await put('Dev expert@lyon', { instructions: 'Vouvoyer l’agent.', aiNotice: 'Brouillon préparé avec MILEVA (académie de Lyon).', contact: 'la DPE de Lyon' })).json()) as {
      instructionsVersion: number;
    };
    const second = (await (await put('Dev expert@lyon', { instructions: 'Vouvoyer l’agent et rappeler le calendrier.', aiNotice: 'Brouillon préparé avec MILEVA (académie de Lyon).' })).json()) as {
      instructionsVersion: number;
      contact?: string;
    };
    expect([first.instructionsVersion, second.instructionsVersion]).toEqual([1, 2]);
    expect(second.contact).toBeUndefined();
    const poitiers = (await (await fetch(`${platform.url}/api/v1/instructions`, { headers: { authorization: 'Dev expert@poitiers' } })).json()) as Record<string, unknown>;
    expect(poitiers).toEqual({});
    const draft = (await (await post({ question: 'Quelle est la durée maximale du congé de longue maladie ?' }, { authorization: 'Dev gestionnaire@lyon' })).json()) as { aiNotice: string; answer: string };
    expect(draft.aiNotice).toBe('Brouillon préparé avec MILEVA (académie de Lyon).');
    expect(draft.answer.endsWith(draft.aiNotice)).toBe(true);
  });

  it('should reject an empty question with a French message', async () => {
    const response = await post({ question: '   ' }, { authorization: 'Dev gestionnaire@lyon' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/Question refusée/);
  });
});
