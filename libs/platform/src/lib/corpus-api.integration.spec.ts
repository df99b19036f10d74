import {
  SERVICE_NAMES,
  type AcademieSettings,
  type AnswerEntry,
  type AnswerList,
  type AnswersImportResult,
  type CorpusDocumentList,
  type CorpusJob,
  type DocumentSummary,
} from '@mileva/contracts';
import type { Database } from '@mileva/persistence';
import { loadConfig, LocalTransport, MILEVA_DATABASE } from '@mileva/runtime';
import { CorpusSearchService, type AskedDraft } from '@mileva/service-gateway';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devSessionCookies } from './testing/dev-session-cookies';
import { startPlatform, type RunningPlatform } from './platform';

jest.setTimeout(180_000);

/** Size limit of the test platform (MILEVA_INGEST_MAX_FILE_MB), small enough to build a file over it. */
const MAX_FILE_MB = 0.05;

const ASTREINTES = `# Note académique : astreintes des agents de laboratoire

## Indemnisation

Les astreintes de week-end des agents de laboratoire sont indemnisées forfaitairement par le rectorat.

## Déclaration

Chaque astreinte est déclarée dans l’application de gestion avant le cinq du mois suivant.
`;
const ASTREINTES_V2 = `${ASTREINTES}
## Plafond

Le nombre d’astreintes de week-end est plafonné à douze par agent et par année scolaire.
`;
const BIBLIOTHEQUE = `# Note académique : prêt de matériel de la médiathèque

Les enseignants empruntent le matériel de la médiathèque académique pour trois semaines renouvelables.
`;
const ANSWERS_CSV = [
  'question;reponse;theme',
  '"M. Hippolyte Carbonnade demande si le chèque vacances est ouvert aux contractuels";"Le chèque vacances est ouvert aux agents contractuels rémunérés sur le budget de l’État, sous condition de ressources.";action-sociale',
].join('\n');

const QUERY = 'indemnisation des astreintes de week-end des agents de laboratoire';

describe('corpus management through the HTTP API', () => {
  let dataDir: string;
  let platform: RunningPlatform;
  let database: Database;

  const cookieOf = devSessionCookies(() => platform.url ?? '');

  async function call(as: string, method: string, path: string, body?: unknown): Promise<Response> {
    const form = body instanceof FormData;
    return fetch(`${platform.url}/api${path}`, {
      method,
      headers: { cookie: await cookieOf(as), ...(body === undefined || form ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: form ? body : JSON.stringify(body) }),
    });
  }

  function formOf(field: string, files: readonly { name: string; text: string }[], fields: Record<string, string> = {}): FormData {
    const form = new FormData();
    for (const file of files) form.append(field, new Blob([file.text], { type: 'text/markdown' }), file.name);
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return form;
  }

  /** Polls a job until it is no longer running, as the portal does. */
  async function settled(as: string, job: CorpusJob): Promise<CorpusJob> {
    const deadline = Date.now() + 60_000;
    let current = job;
    while (current.state === 'running') {
      if (Date.now() > deadline) throw new Error(`job ${job.id} still running`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      current = (await (await call(as, 'GET', `/v1/corpus/jobs/${job.id}`)).json()) as CorpusJob;
    }
    return current;
  }

  async function documents(as: string, query = ''): Promise<readonly DocumentSummary[]> {
    const response = await call(as, 'GET', `/v1/corpus/documents${query}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as CorpusDocumentList).documents;
  }

  /** Document ids the gateway's search returns for a user of `academie`, on `date` (today when absent). */
  async function found(query: string, academie: string, date?: string): Promise<string[]> {
    const response = await platform.app.get(CorpusSearchService).search({ query, academie, k: 10, ...(date ? { date } : {}) });
    return response.hits.map((hit) => hit.documentId);
  }

  /** Previous answers the search returns for a user of `academie`. */
  async function answersFound(query: string, academie: string): Promise<string[]> {
    const response = await platform.app.get(CorpusSearchService).search({ query, academie, k: 10 });
    return response.hits.filter((hit) => hit.kind === 'answer').map((hit) => hit.documentId);
  }

  let astreintes: DocumentSummary;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mileva-corpus-api-'));
    platform = await startPlatform({
      config: loadConfig({
        MILEVA_DATA_DIR: dataDir,
        MILEVA_PORT: '0',
        MILEVA_HOST: '127.0.0.1',
        MILEVA_PORTAL_DIR: '/nonexistent',
        MILEVA_SEED: 'false',
        MILEVA_LOG_LEVEL: 'silent',
        MILEVA_INGEST_MAX_FILE_MB: String(MAX_FILE_MB),
      }),
      services: SERVICE_NAMES,
      transport: new LocalTransport(),
    });
    database = platform.app.get<Database>(MILEVA_DATABASE);
  });

  afterAll(async () => {
    await platform?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  describe('documents', () => {
    it('should run an upload as a job with each file’s outcome, list the document, and let the search find it', async () => {
      const response = await call(
        'expert@lyon',
        'POST',
        '/v1/corpus/documents',
        formOf('files', [{ name: 'astreintes-laboratoire.md', text: ASTREINTES }, { name: 'vide.md', text: '' }], { theme: 'remuneration', validFrom: '2024-09-01' }),
      );
      expect(response.status).toBe(202);
      const started = (await response.json()) as CorpusJob;
      expect(started).toMatchObject({ corpus: 'lyon', kind: 'upload', total: 2 });
      const job = await settled('expert@lyon', started);
      expect(job).toMatchObject({ state: 'finished', done: 2, total: 2 });
      expect(job.files.map((file) => [file.file, file.status, file.code ?? null])).toEqual([
        ['astreintes-laboratoire.md', 'ingested', null],
        ['vide.md', 'failed', 'EMPTY_FILE'],
      ]);
      expect(job.files[1].message).toMatch(/vide\.md/);

      const listed = await documents('expert@lyon');
      expect(listed).toHaveLength(1);
      astreintes = listed[0];
      expect(astreintes).toMatchObject({
        id: job.files[0].documentId,
        corpus: 'lyon',
        title: 'Note académique : astreintes des agents de laboratoire',
        status: 'active',
        version: 1,
        theme: 'remuneration',
        validFrom: '2024-09-01',
        validTo: null,
        kind: 'document',
      });
      expect(astreintes.chunks).toBeGreaterThan(0);
      expect((await found(QUERY, 'lyon'))[0]).toBe(astreintes.id);
      // Another académie's users never get it, from the search either.
      expect(await found(QUERY, 'poitiers')).not.toContain(astreintes.id);
    });

    it('should change what a dated search returns when the validity dates change', async () => {
      expect(await found(QUERY, 'lyon', '2025-03-01')).toContain(astreintes.id);
      const patched = await call('expert@lyon', 'PATCH', `/v1/corpus/documents/${astreintes.id}`, { validTo: '2024-12-31', theme: 'temps-de-travail' });
      expect(patched.status).toBe(200);
      expect(await patched.json()).toMatchObject({ id: astreintes.id, validFrom: '2024-09-01', validTo: '2024-12-31', theme: 'temps-de-travail' });
      expect(await found(QUERY, 'lyon', '2025-03-01')).not.toContain(astreintes.id);
      expect(await found(QUERY, 'lyon', '2024-10-15')).toContain(astreintes.id);
      expect(await found(QUERY, 'lyon', '2024-08-31')).not.toContain(astreintes.id);
      const reopened = await call('expert@lyon', 'PATCH', `/v1/corpus/documents/${astreintes.id}`, { validTo: null });
      expect(((await reopened.json()) as DocumentSummary).validTo).toBeNull();
      expect(await found(QUERY, 'lyon', '2025-03-01')).toContain(astreintes.id);
    });

    it('should refuse a patch with dates out of order or an unknown theme, in French', async () => {
      const response = await call('expert@lyon', 'PATCH', `/v1/corpus/documents/${astreintes.id}`, { validTo: '2023-01-01' });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(/précède/);
      expect((await call('expert@lyon', 'PATCH', `/v1/corpus/documents/${astreintes.id}`, { theme: 'jardinage' })).status).toBe(400);
    });

    it('should replace a document by a new version, the old one superseded and no longer searched', async () => {
      const response = await call('expert@lyon', 'PUT', `/v1/corpus/documents/${astreintes.id}`, formOf('file', [{ name: 'astreintes-2025.md', text: ASTREINTES_V2 }]));
      expect(response.status).toBe(202);
      const job = await settled('expert@lyon', (await response.json()) as CorpusJob);
      expect(job).toMatchObject({ state: 'finished', kind: 'replace', replaces: astreintes.id });
      expect(job.files).toEqual([expect.objectContaining({ file: 'astreintes-2025.md', status: 'updated', version: 2 })]);
      const all = await documents('expert@lyon', '?includeInactive=true');
      expect(all.map((document) => [document.version, document.status, document.theme])).toEqual([
        [2, 'active', 'temps-de-travail'],
        [1, 'superseded', 'temps-de-travail'],
      ]);
      const hits = await found('plafond des astreintes de week-end par agent', 'lyon');
      expect(hits[0]).toBe(job.files[0].documentId);
      expect(hits).not.toContain(astreintes.id);
      // The superseded version cannot be replaced nor changed any more.
      expect((await call('expert@lyon', 'PATCH', `/v1/corpus/documents/${astreintes.id}`, { theme: 'remuneration' })).status).toBe(404);
      astreintes = all[0];
    });

    it('should withdraw a document: out of the list and of the search, once', async () => {
      const upload = await call('expert@lyon', 'POST', '/v1/corpus/documents', formOf('files', [{ name: 'mediatheque.md', text: BIBLIOTHEQUE }]));
      const job = await settled('expert@lyon', (await upload.json()) as CorpusJob);
      const id = job.files[0].documentId ?? '';
      expect((await found('prêt du matériel de la médiathèque académique', 'lyon'))[0]).toBe(id);
      expect((await call('expert@lyon', 'DELETE', `/v1/corpus/documents/${id}`)).status).toBe(204);
      expect((await documents('expert@lyon')).map((document) => document.id)).not.toContain(id);
      expect((await documents('expert@lyon', '?includeInactive=true')).find((document) => document.id === id)?.status).toBe('withdrawn');
      expect(await found('prêt du matériel de la médiathèque académique', 'lyon')).not.toContain(id);
      expect((await call('expert@lyon', 'DELETE', `/v1/corpus/documents/${id}`)).status).toBe(404);
    });

    it('should refuse a file over the size limit with 413 and an unsupported format with 415, in French, storing nothing', async () => {
      const before = (await documents('expert@lyon', '?includeInactive=true')).length;
      const big = `# Gros document\n\n${'Une phrase de remplissage sur les congés des agents. '.repeat(Math.ceil((MAX_FILE_MB * 1024 * 1024) / 50) + 10)}`;
      const tooLarge = await call('expert@lyon', 'POST', '/v1/corpus/documents', formOf('files', [{ name: 'petit.md', text: ASTREINTES }, { name: 'énorme.md', text: big }]));
      expect(tooLarge.status).toBe(413);
      const tooLargeBody = (await tooLarge.json()) as { code: string; message: string };
      expect(tooLargeBody.code).toBe('TOO_LARGE');
      expect(tooLargeBody.message).toContain('énorme.md');
      expect(tooLargeBody.message).toContain('MILEVA_INGEST_MAX_FILE_MB');
      const unsupported = await call('expert@lyon', 'POST', '/v1/corpus/documents', formOf('files', [{ name: 'tableau.xlsx', text: 'PK' }]));
      expect(unsupported.status).toBe(415);
      expect(((await unsupported.json()) as { message: string }).message).toMatch(/tableau\.xlsx.*\.pdf/);
      const noFile = await call('expert@lyon', 'POST', '/v1/corpus/documents', formOf('files', [], { theme: 'retraite' }));
      expect(noFile.status).toBe(400);
      expect(((await noFile.json()) as { message: string }).message).toMatch(/Aucun fichier/);
      expect((await documents('expert@lyon', '?includeInactive=true')).length).toBe(before);
    });
  });

  describe('another académie', () => {
    it('should keep Lyon’s corpus from an expert of Poitiers, and let an administrator name any corpus', async () => {
      expect(await documents('expert@poitiers')).toEqual([]);
      const named = await call('expert@poitiers', 'GET', '/v1/corpus/documents?corpus=lyon');
      expect(named.status).toBe(403);
      expect(((await named.json()) as { message: string }).message).toMatch(/votre académie/);
      const upload = await call('expert@poitiers', 'POST', '/v1/corpus/documents?corpus=lyon', formOf('files', [{ name: 'intrus.md', text: BIBLIOTHEQUE }]));
      expect(upload.status).toBe(403);
      expect((await call('expert@poitiers', 'PATCH', `/v1/corpus/documents/${astreintes.id}`, { theme: 'retraite' })).status).toBe(404);
      expect((await call('expert@poitiers', 'PUT', `/v1/corpus/documents/${astreintes.id}`, formOf('file', [{ name: 'intrus.md', text: BIBLIOTHEQUE }]))).status).toBe(404);
      expect((await call('expert@poitiers', 'DELETE', `/v1/corpus/documents/${astreintes.id}`)).status).toBe(404);
      const lyonJob = (await (await call('expert@lyon', 'POST', '/v1/corpus/documents', formOf('files', [{ name: 'astreintes-laboratoire.md', text: ASTREINTES_V2 }]))).json()) as CorpusJob;
      expect((await call('expert@poitiers', 'GET', `/v1/corpus/jobs/${lyonJob.id}`)).status).toBe(404);
      await settled('expert@lyon', lyonJob);
      expect((await documents('expert@lyon')).find((document) => document.id === astreintes.id)).toMatchObject({ status: 'active', theme: 'temps-de-travail' });

      expect((await documents('admin@poitiers', '?corpus=lyon')).map((document) => document.id)).toContain(astreintes.id);
      expect((await call('admin@poitiers', 'GET', `/v1/corpus/jobs/${lyonJob.id}`)).status).toBe(200);
      expect((await call('admin@poitiers', 'GET', '/v1/corpus/documents?corpus=national')).status).toBe(200);
      expect((await call('admin@poitiers', 'GET', '/v1/corpus/documents?corpus=atlantide')).status).toBe(400);
      expect((await call('gestionnaire@lyon', 'GET', '/v1/corpus/documents')).status).toBe(403);
    });
  });

  describe('previous answers', () => {
    let entry: AnswerEntry;

    it('should import a base pseudonymized and waiting for review, not searchable yet', async () => {
      const form = new FormData();
      form.append('file', new Blob([ANSWERS_CSV], { type: 'text/csv' }), 'base-reponses.csv');
      const response = await call('expert@lyon', 'POST', '/v1/corpus/answers/import', form);
      expect(response.status).toBe(200);
      expect((await response.json()) as AnswersImportResult).toEqual({ corpus: 'lyon', stored: 1, duplicates: 0, failed: [] });
      const list = (await (await call('expert@lyon', 'GET', '/v1/corpus/answers?status=to_review')).json()) as AnswerList;
      expect(list.answers).toHaveLength(1);
      entry = list.answers[0];
      expect(entry.question).toContain('[PERSONNE_1]');
      const stored = JSON.stringify(await database.dataSource.query(`SELECT * FROM qa_entries`));
      expect(stored).not.toMatch(/Hippolyte|Carbonnade/);
      expect(await answersFound('chèque vacances agents contractuels', 'lyon')).toEqual([]);
      expect(((await (await call('expert@poitiers', 'GET', '/v1/corpus/answers')).json()) as AnswerList).answers).toEqual([]);
    });

    it('should refuse an answers file of another format with 415', async () => {
      const form = new FormData();
      form.append('file', new Blob(['PK'], { type: 'application/octet-stream' }), 'base.xlsx');
      const response = await call('expert@lyon', 'POST', '/v1/corpus/answers/import', form);
      expect(response.status).toBe(415);
      expect(((await response.json()) as { message: string }).message).toMatch(/\.csv/);
    });

    it('should index an entry once approved with corrected text pseudonymized again, and drop it when rejected', async () => {
      expect((await call('expert@poitiers', 'POST', `/v1/corpus/answers/${entry.id}/review`, { decision: 'reject' })).status).toBe(404);
      const response = await call('expert@lyon', 'POST', `/v1/corpus/answers/${entry.id}/review`, {
        decision: 'approve',
        answer: 'Le chèque vacances est ouvert aux agents contractuels rémunérés sur le budget de l’État ; M. Hippolyte Carbonnade peut le demander.',
      });
      expect(response.status).toBe(200);
      const approved = (await response.json()) as AnswerEntry;
      expect(approved.reviewStatus).toBe('approved');
      expect(approved.answer).not.toMatch(/Hippolyte|Carbonnade/);
      expect(JSON.stringify(await database.dataSource.query(`SELECT * FROM qa_entries`))).not.toMatch(/Hippolyte|Carbonnade/);
      const hits = await platform.app.get(CorpusSearchService).search({ query: 'chèque vacances agents contractuels', academie: 'lyon', k: 5 });
      expect(hits.hits[0]).toMatchObject({ kind: 'answer', corpus: 'lyon' });
      expect((await call('expert@lyon', 'POST', `/v1/corpus/answers/${entry.id}/review`, { decision: 'reject' })).status).toBe(200);
      expect(await answersFound('chèque vacances agents contractuels', 'lyon')).toEqual([]);
      expect((await call('expert@lyon', 'POST', `/v1/corpus/answers/${entry.id}/review`, { decision: 'maybe' })).status).toBe(400);
    });
  });

  describe('académie settings', () => {
    it('should keep the AI-use mention and the contact with its address, and name both in a draft the documents do not answer', async () => {
      const put = await call('expert@lyon', 'PUT', '/v1/instructions', {
        instructions: 'Vouvoyer l’agent.',
        aiNotice: 'Brouillon préparé avec MILEVA pour l’académie de Lyon, relu par le gestionnaire.',
        contact: 'la division des personnels enseignants',
        contactAddress: 'dpe@ac-lyon.fr',
      });
      expect(put.status).toBe(200);
      expect((await put.json()) as AcademieSettings).toMatchObject({ contact: 'la division des personnels enseignants', contactAddress: 'dpe@ac-lyon.fr', instructionsVersion: 1 });
      expect((await call('expert@lyon', 'PUT', '/v1/instructions', { contact: 'la DPE', contactAddress: 'pas une adresse' })).status).toBe(400);
      expect((await call('expert@lyon', 'PUT', '/v1/instructions?academie=poitiers', { instructions: 'Intrusion.' })).status).toBe(403);
      expect(((await (await call('admin@poitiers', 'GET', '/v1/instructions?academie=lyon')).json()) as AcademieSettings).contactAddress).toBe('dpe@ac-lyon.fr');

      const draft = (await (await call('gestionnaire@lyon', 'POST', '/v1/questions', { question: 'Quel est le menu du restaurant administratif le vendredi ?' })).json()) as AskedDraft;
      expect(draft.answerable).toBe(false);
      expect(draft.answer).toContain('la division des personnels enseignants (dpe@ac-lyon.fr)');
      expect(draft.aiNotice).toBe('Brouillon préparé avec MILEVA pour l’académie de Lyon, relu par le gestionnaire.');
    });
  });
});
