import { Controller, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  corpusSubject,
  Subjects,
  type AnswerEntry,
  type DocumentSummary,
  type IngestFilesResponse,
  type IngestionProgressEvent,
  type IngestionSummary,
  type PseudonymizeRequest,
  type PseudonymizeResponse,
} from '@mileva/contracts';
import { openDatabase, type Database } from '@mileva/persistence';
import { startServiceHarness, type ServiceHarness } from '@mileva/runtime/testing';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IngestionModule } from './ingestion.module';

jest.setTimeout(120_000);

/** Stands in for the anonymization service: masks one surname, as the real one masks names. */
@Controller()
class FakeAnonymizationController {
  @MessagePattern(Subjects.anonymization.pseudonymize)
  pseudonymize(@Payload() request: PseudonymizeRequest): PseudonymizeResponse {
    return { v: 1, texts: request.texts.map((text) => text.replace(/M\. Garnier-Lestrade/g, '[PERSONNE_1]')), entities: { PERSON: 1 } };
  }
}

@Module({ imports: [IngestionModule], controllers: [FakeAnonymizationController] })
class IngestionWithAnonymizationModule {}

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

const NOTE_V1 = '# Note de service : indemnité de résidence\n\nL’indemnité de résidence est versée selon la zone d’affectation de l’agent.\n';
const NOTE_V2 = `${NOTE_V1}\n## Nouveauté\n\nLes taux de la zone 1 sont revalorisés à compter de la rentrée.\n`;

describe('corpus administration over the bus (ingestion service)', () => {
  let dataDir: string;
  let database: Database;
  let harness: ServiceHarness;

  const request = <T>(template: string, corpus: string, payload: unknown, timeoutMs = 30_000): Promise<T> =>
    harness.client.request<T>(corpusSubject(template, corpus), payload, { timeoutMs });

  const updatedAtOf = async (id: string): Promise<number> => {
    const rows: { at: Date }[] = await database.dataSource.query(`SELECT updated_at AS at FROM documents WHERE id = $1`, [id]);
    return new Date(rows[0].at).getTime();
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mileva-corpus-admin-'));
    database = await openDatabase({ dataDir, poolSize: 1 });
    harness = await startServiceHarness(IngestionWithAnonymizationModule, { database });
  });

  afterAll(async () => {
    await harness?.close();
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('a job of several files', () => {
    it('should run under the caller’s job id and report each file’s outcome in the events and the reply', async () => {
      const jobId = randomUUID();
      const events: IngestionProgressEvent[] = [];
      const connection = harness.transport.bus.connect();
      connection.subscribe(corpusSubject(Subjects.ingestion.progress, '*'), {
        callback: (_error, msg) => {
          events.push((JSON.parse(new TextDecoder().decode(msg.data)) as { data: IngestionProgressEvent }).data);
        },
      });
      const reply = await request<IngestFilesResponse>(Subjects.ingestion.ingestFiles, 'lyon', {
        v: 1,
        jobId,
        options: { corpus: 'lyon', theme: 'remuneration', validFrom: '2024-09-01' },
        files: [
          { name: 'indemnite-residence.md', contentBase64: base64(NOTE_V1) },
          { name: 'vide.txt', contentBase64: '' },
        ],
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      await connection.close();

      expect(reply.jobId).toBe(jobId);
      expect(reply.outcomes).toEqual([
        { file: 'indemnite-residence.md', status: 'ingested', documentId: expect.any(String), version: 1, chunks: expect.any(Number) },
        { file: 'vide.txt', status: 'failed', chunks: 0, code: 'EMPTY_FILE', message: expect.stringContaining('vide.txt') },
      ]);
      expect(events.map((event) => [event.jobId, event.corpus, event.done, event.total, event.outcome?.status ?? null, event.finished])).toEqual([
        [jobId, 'lyon', 0, 2, null, false],
        [jobId, 'lyon', 1, 2, 'ingested', false],
        [jobId, 'lyon', 2, 2, 'failed', true],
      ]);
      const document = await request<DocumentSummary>(Subjects.ingestion.getDocument, 'lyon', { v: 1, documentId: reply.outcomes[0].documentId });
      expect(document).toMatchObject({ title: 'Note de service : indemnité de résidence', theme: 'remuneration', validFrom: '2024-09-01', validTo: null, version: 1, status: 'active' });
      expect(document.chunks).toBeGreaterThan(0);
    });
  });

  describe('replacing a document', () => {
    let original: DocumentSummary;

    beforeAll(async () => {
      const reply = await request<IngestFilesResponse>(Subjects.ingestion.ingestFiles, 'lyon', {
        v: 1,
        options: { corpus: 'lyon', theme: 'remuneration', validFrom: '2024-09-01', validTo: '2025-08-31' },
        files: [{ name: 'residence.md', contentBase64: base64(NOTE_V1) }],
      });
      original = await request<DocumentSummary>(Subjects.ingestion.getDocument, 'lyon', { v: 1, documentId: reply.outcomes[0].documentId });
    });

    it('should make the new file the next version of that document, keeping its theme and validity, the old one superseded', async () => {
      const reply = await request<IngestFilesResponse>(Subjects.ingestion.ingestFiles, 'lyon', {
        v: 1,
        replaces: original.id,
        options: { corpus: 'lyon', validTo: '2026-08-31' },
        files: [{ name: 'residence-2025.md', contentBase64: base64(NOTE_V2) }],
      });
      expect(reply.outcomes).toEqual([expect.objectContaining({ file: 'residence-2025.md', status: 'updated', version: 2 })]);
      const versions = (await request<DocumentSummary[]>(Subjects.ingestion.listDocuments, 'lyon', { v: 1, includeInactive: true })).filter(
        (document) => document.sourceUri === original.sourceUri,
      );
      expect(versions.map((document) => [document.version, document.status, document.theme, document.validFrom, document.validTo])).toEqual([
        [2, 'active', 'remuneration', '2024-09-01', '2026-08-31'],
        [1, 'superseded', 'remuneration', '2024-09-01', '2025-08-31'],
      ]);
    });

    it('should refuse to replace a superseded document, another corpus’s document, or with two files', async () => {
      const file = { name: 'autre.md', contentBase64: base64('# Autre\n\nUn autre texte sur les congés bonifiés des agents.\n') };
      await expect(
        request(Subjects.ingestion.ingestFiles, 'lyon', { v: 1, replaces: original.id, options: { corpus: 'lyon' }, files: [file] }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const [active] = (await request<DocumentSummary[]>(Subjects.ingestion.listDocuments, 'lyon', { v: 1 })).filter((document) => document.sourceUri === original.sourceUri);
      await expect(
        request(Subjects.ingestion.ingestFiles, 'poitiers', { v: 1, replaces: active.id, options: { corpus: 'poitiers' }, files: [file] }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(
        request(Subjects.ingestion.ingestFiles, 'lyon', { v: 1, replaces: active.id, options: { corpus: 'lyon' }, files: [file, file] }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      expect((await request<DocumentSummary>(Subjects.ingestion.getDocument, 'lyon', { v: 1, documentId: active.id })).status).toBe('active');
    });
  });

  describe('metadata of a document', () => {
    let document: DocumentSummary;

    beforeAll(async () => {
      const reply = await request<IngestFilesResponse>(Subjects.ingestion.ingestFiles, 'lyon', {
        v: 1,
        options: { corpus: 'lyon' },
        files: [{ name: 'teletravail.md', contentBase64: base64('# Télétravail\n\nLe télétravail est possible trois jours par semaine au plus.\n') }],
      });
      document = await request<DocumentSummary>(Subjects.ingestion.getDocument, 'lyon', { v: 1, documentId: reply.outcomes[0].documentId });
    });

    it('should change theme and validity, leave the fields not given, and move updated_at', async () => {
      const before = await updatedAtOf(document.id);
      const changed = await request<DocumentSummary>(Subjects.ingestion.updateDocument, 'lyon', {
        v: 1,
        documentId: document.id,
        theme: 'temps-de-travail',
        validFrom: '2025-01-01',
        validTo: '2025-12-31',
      });
      expect(changed).toMatchObject({ id: document.id, theme: 'temps-de-travail', validFrom: '2025-01-01', validTo: '2025-12-31', version: document.version });
      expect(await updatedAtOf(document.id)).toBeGreaterThan(before);
      const cleared = await request<DocumentSummary>(Subjects.ingestion.updateDocument, 'lyon', { v: 1, documentId: document.id, validTo: null });
      expect(cleared).toMatchObject({ theme: 'temps-de-travail', validFrom: '2025-01-01', validTo: null });
    });

    it('should refuse dates out of order once merged, an unknown theme, nothing to change, and another corpus', async () => {
      await expect(request(Subjects.ingestion.updateDocument, 'lyon', { v: 1, documentId: document.id, validTo: '2024-06-30' })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining('précède'),
      });
      await expect(request(Subjects.ingestion.updateDocument, 'lyon', { v: 1, documentId: document.id, theme: 'cuisine' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await expect(request(Subjects.ingestion.updateDocument, 'lyon', { v: 1, documentId: document.id })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await expect(request(Subjects.ingestion.updateDocument, 'poitiers', { v: 1, documentId: document.id, theme: 'mouvement-mutation' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(request(Subjects.ingestion.getDocument, 'poitiers', { v: 1, documentId: document.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await request<DocumentSummary>(Subjects.ingestion.getDocument, 'lyon', { v: 1, documentId: document.id })).theme).toBe('temps-de-travail');
    });

    it('should refuse to change a withdrawn document', async () => {
      await request(Subjects.ingestion.withdraw, 'lyon', { v: 1, documentId: document.id });
      await expect(request(Subjects.ingestion.updateDocument, 'lyon', { v: 1, documentId: document.id, theme: 'mouvement-mutation' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('the base of previous answers', () => {
    const csv = [
      'question;reponse;theme',
      '"M. Garnier-Lestrade demande combien de jours de congé bonifié il peut prendre";"Le congé bonifié dure au plus 31 jours consécutifs.";conges-annuels',
      '"Un agent à temps partiel peut-il surcotiser pour sa retraite ?";"Oui, sur demande, dans la limite de quatre trimestres.";',
    ].join('\n');

    it('should import a file pseudonymized, for review, and say which lines were refused', async () => {
      const summary = await request<IngestionSummary>(Subjects.ingestion.importAnswers, 'lyon', { v: 1, fileName: 'base.csv', contentBase64: base64(`${csv}\n"sans réponse";\n`) });
      expect(summary).toMatchObject({ ingested: 2, unchanged: 0, failed: [expect.objectContaining({ code: 'INVALID_ENTRY', file: 'base.csv:4' })] });
      const entries = await request<AnswerEntry[]>(Subjects.ingestion.listAnswers, 'lyon', { v: 1, status: 'to_review' });
      expect(entries).toHaveLength(2);
      expect(entries[0].question).toContain('[PERSONNE_1]');
      expect(JSON.stringify(await database.dataSource.query(`SELECT * FROM qa_entries`))).not.toContain('Garnier');
      expect(await request<AnswerEntry[]>(Subjects.ingestion.listAnswers, 'poitiers', { v: 1 })).toEqual([]);
    });

    it('should refuse a file it cannot read with a French message', async () => {
      await expect(request(Subjects.ingestion.importAnswers, 'lyon', { v: 1, fileName: 'base.xlsx', contentBase64: base64('PK') })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining('.csv'),
      });
      await expect(request(Subjects.ingestion.importAnswers, 'lyon', { v: 1, fileName: 'base.csv', contentBase64: base64('a;b\n1;2\n') })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining('question'),
      });
    });

    it('should pseudonymize edited texts again, index the entry once approved, and not twice when approved again unchanged', async () => {
      const [entry] = await request<AnswerEntry[]>(Subjects.ingestion.listAnswers, 'lyon', { v: 1, status: 'to_review' });
      const approved = await request<AnswerEntry>(Subjects.ingestion.reviewAnswer, 'lyon', {
        v: 1,
        entryId: entry.id,
        decision: 'approve',
        answer: 'Le congé bonifié dure au plus 31 jours consécutifs ; M. Garnier-Lestrade en a déjà bénéficié.',
        reviewerHash: 'abc',
      });
      expect(approved.reviewStatus).toBe('approved');
      expect(approved.answer).toBe('Le congé bonifié dure au plus 31 jours consécutifs ; [PERSONNE_1] en a déjà bénéficié.');
      const stored: { answer: string; reviewed_by_hash: string }[] = await database.dataSource.query(`SELECT answer, reviewed_by_hash FROM qa_entries WHERE id = $1`, [entry.id]);
      expect(stored).toEqual([{ answer: approved.answer, reviewed_by_hash: 'abc' }]);
      const published = async () =>
        (await request<DocumentSummary[]>(Subjects.ingestion.listDocuments, 'lyon', { v: 1, includeInactive: true })).filter((document) => document.sourceUri === `answer:${entry.id}`);
      expect((await published()).map((document) => [document.kind, document.status, document.version])).toEqual([['answer', 'active', 1]]);
      await request(Subjects.ingestion.reviewAnswer, 'lyon', { v: 1, entryId: entry.id, decision: 'approve' });
      expect((await published()).map((document) => document.version)).toEqual([1]);
      await request(Subjects.ingestion.reviewAnswer, 'lyon', { v: 1, entryId: entry.id, decision: 'reject' });
      expect((await published()).map((document) => document.status)).toEqual(['withdrawn']);
      expect((await request<AnswerEntry[]>(Subjects.ingestion.listAnswers, 'lyon', { v: 1, status: 'rejected' })).map((candidate) => candidate.id)).toEqual([entry.id]);
    });
  });
});
