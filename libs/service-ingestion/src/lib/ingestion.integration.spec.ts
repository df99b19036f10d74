import { Controller, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { corpusSubject, Subjects, type AnswerEntry, type DocumentSummary, type IngestionProgressEvent, type IngestionSummary, type PseudonymizeRequest, type PseudonymizeResponse, type ServiceHealth } from '@mileva/contracts';
import { openDatabase, type Database } from '@mileva/persistence';
import { startServiceHarness, type ServiceHarness } from '@mileva/runtime/testing';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnswersService } from './answers/answers.service';
import { IngestionModule } from './ingestion.module';
import { IngestionService } from './ingestion.service';
import { bytesSource, expandPaths } from './pipeline/source-file';

jest.setTimeout(120_000);

const CORPUS_DOCS = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'corpus', 'docs');

/** A few real documents of each format, picked by extension so the test follows the corpus. */
function sampleFiles(): string[] {
  const names = readdirSorted(CORPUS_DOCS);
  const pick = (extension: string, count: number): string[] => names.filter((name) => name.endsWith(extension)).slice(0, count);
  return [...pick('.md', 3), ...pick('.pdf', 1), ...pick('.docx', 1), ...pick('.xml', 1)];
}

function readdirSorted(directory: string): string[] {
  return readdirSync(directory).sort();
}

async function countRows(database: Database, sql: string, parameters: unknown[] = []): Promise<number> {
  const rows: { n: string }[] = await database.dataSource.query(sql, parameters);
  return Number(rows[0].n);
}

/** Stands in for the anonymization service: masks a known surname, as the real one would mask names. */
@Controller()
class FakeAnonymizationController {
  @MessagePattern(Subjects.anonymization.pseudonymize)
  pseudonymize(@Payload() request: PseudonymizeRequest): PseudonymizeResponse {
    return { v: 1, texts: request.texts.map((text) => text.replace(/Mme Durandal/g, '[PERSONNE_1]')), entities: { PERSON: 1 } };
  }
}

@Module({ controllers: [FakeAnonymizationController] })
class FakeAnonymizationModule {}

describe('ingestion service', () => {
  let dataDir: string;
  let workDir: string;
  let database: Database;
  let harness: ServiceHarness;
  let ingestion: IngestionService;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mileva-ingestion-db-'));
    workDir = mkdtempSync(join(tmpdir(), 'mileva-ingestion-files-'));
    database = await openDatabase({ dataDir, poolSize: 1 });
    harness = await startServiceHarness(IngestionModule, { database });
    ingestion = harness.app.get(IngestionService);
  });

  afterAll(async () => {
    await harness?.close();
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(workDir, { recursive: true, force: true });
  });

  it('should report up with its database', async () => {
    const health = await harness.client.request<ServiceHealth>(corpusSubject(Subjects.ingestion.health, 'national'), { v: 1 });
    expect(health).toMatchObject({ status: 'up', components: { database: { status: 'up' } } });
  });

  describe('a folder of real documents', () => {
    let folder: string;
    let first: IngestionSummary;

    beforeAll(async () => {
      folder = join(workDir, 'corpus');
      mkdirSync(folder);
      for (const name of sampleFiles()) copyFileSync(join(CORPUS_DOCS, name), join(folder, name));
      first = await ingestion.runJob(await expandPaths([folder]), { corpus: 'national' });
    });

    it('should ingest every file with chunks and the pages of the PDF', async () => {
      expect(first.failed).toEqual([]);
      expect(first.ingested).toBe(6);
      expect(first.documents).toBe(6);
      expect(first.chunks).toBeGreaterThan(6);
      expect(first.pages).toBeGreaterThan(0);
      const stored = await countRows(database, `SELECT count(*) AS n FROM chunks WHERE corpus = 'national' AND embedding IS NOT NULL AND embedding_dim = 512`);
      expect(stored).toBe(first.chunks);
    });

    it('should keep heading paths and readable text on the chunks', async () => {
      const rows: { heading_path: string[]; text: string; tsv_ok: boolean }[] = await database.dataSource.query(
        `SELECT heading_path, text, tsv IS NOT NULL AS tsv_ok FROM chunks WHERE corpus = 'national' LIMIT 50`,
      );
      expect(rows.filter((row) => row.heading_path.length > 0).length).toBeGreaterThan(rows.length / 2);
      expect(rows.every((row) => row.text.trim().length > 0 && row.tsv_ok)).toBe(true);
    });

    it('should do nothing on a second run of unchanged files', async () => {
      const chunksBefore = await countRows(database, `SELECT count(*) AS n FROM chunks`);
      const second = await ingestion.runJob(await expandPaths([folder]), { corpus: 'national' });
      expect(second).toMatchObject({ ingested: 0, updated: 0, unchanged: 6, documents: 0, chunks: 0, failed: [] });
      expect(await countRows(database, `SELECT count(*) AS n FROM chunks`)).toBe(chunksBefore);
    });

    it('should make a changed file a new version that supersedes the old one, kept for audit', async () => {
      const markdown = sampleFiles().find((name) => name.endsWith('.md')) ?? '';
      writeFileSync(join(folder, markdown), `${readFileSync(join(folder, markdown), 'utf8')}\n\n## Mise à jour\n\nUn paragraphe ajouté pour la nouvelle version du document.\n`);
      const third = await ingestion.runJob(await expandPaths([folder]), { corpus: 'national' });
      expect(third).toMatchObject({ ingested: 0, updated: 1, unchanged: 5 });
      const versions = (await ingestion.list('national', true)).filter((document) => document.sourceUri === markdown);
      expect(versions.map((document) => [document.version, document.status])).toEqual([
        [2, 'active'],
        [1, 'superseded'],
      ]);
      expect((await ingestion.list('national', false)).filter((document) => document.sourceUri === markdown)).toHaveLength(1);
      expect((await ingestion.store.counts('national')).documents).toBe(6);
    });

    it('should take a withdrawn document out of the active ones, once', async () => {
      const [document] = await ingestion.list('national', false);
      await harness.client.request(corpusSubject(Subjects.ingestion.withdraw, 'national'), { v: 1, documentId: document.id });
      const active = await harness.client.request<DocumentSummary[]>(corpusSubject(Subjects.ingestion.listDocuments, 'national'), { v: 1 });
      expect(active.map((candidate) => candidate.id)).not.toContain(document.id);
      await expect(harness.client.request(corpusSubject(Subjects.ingestion.withdraw, 'national'), { v: 1, documentId: document.id })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });

    it('should not show the national documents to another corpus', async () => {
      const lyon = await harness.client.request<DocumentSummary[]>(corpusSubject(Subjects.ingestion.listDocuments, 'lyon'), { v: 1, includeInactive: true });
      expect(lyon).toEqual([]);
      await expect(
        harness.client.request(corpusSubject(Subjects.ingestion.withdraw, 'lyon'), { v: 1, documentId: (await ingestion.list('national', false))[0].id }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('bad files', () => {
    it('should explain each bad file, ingest the good ones and store nothing of the bad ones', async () => {
      const documentsBefore = await countRows(database, `SELECT count(*) AS n FROM documents`);
      const encoder = new TextEncoder();
      const files = [
        bytesSource('vide.txt', new Uint8Array(0)),
        bytesSource('faux.pdf', encoder.encode('Ceci n’est pas un PDF.')),
        bytesSource('note.odt', encoder.encode('PK')),
        bytesSource('bonne-note.md', encoder.encode('# Note de service\n\n## Temps partiel\n\nLe temps partiel de droit est accordé pour élever un enfant de moins de trois ans.\n')),
      ];
      const summary = await ingestion.runJob(files, { corpus: 'lyon' });
      expect(summary.ingested).toBe(1);
      expect(summary.failed.map((failure) => [failure.file, failure.code])).toEqual([
        ['vide.txt', 'EMPTY_FILE'],
        ['faux.pdf', 'EXTENSION_MISMATCH'],
        ['note.odt', 'UNSUPPORTED_FORMAT'],
      ]);
      expect(summary.failed.every((failure) => failure.message.length > 20)).toBe(true);
      expect(await countRows(database, `SELECT count(*) AS n FROM documents`)).toBe(documentsBefore + 1);
    });

    it('should refuse a file over the size limit before reading it', async () => {
      let read = false;
      const summary = await ingestion.runJob(
        [{ name: 'enorme.pdf', sourceUri: 'enorme.pdf', size: 10 * 1024 * 1024 * 1024, read: async () => ((read = true), new Uint8Array(0)) }],
        { corpus: 'lyon' },
      );
      expect(summary.failed).toEqual([expect.objectContaining({ code: 'FILE_TOO_LARGE', message: expect.stringContaining('MILEVA_INGEST_MAX_FILE_MB') })]);
      expect(read).toBe(false);
    });
  });

  describe('progress', () => {
    it('should publish a progress event after each file, the last one finished', async () => {
      const events: IngestionProgressEvent[] = [];
      const connection = harness.transport.bus.connect();
      connection.subscribe(corpusSubject(Subjects.ingestion.progress, 'lyon'), {
        callback: (_error, msg) => {
          const packet = JSON.parse(new TextDecoder().decode(msg.data)) as { data: IngestionProgressEvent };
          events.push(packet.data);
        },
      });
      const encoder = new TextEncoder();
      await ingestion.runJob(
        [1, 2, 3].map((n) => bytesSource(`progres-${n}.md`, encoder.encode(`# Fiche ${n}\n\nContenu de la fiche numéro ${n} sur les congés bonifiés.\n`))),
        { corpus: 'lyon' },
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      await connection.close();
      expect(events.map((event) => [event.done, event.total, event.finished])).toEqual([
        [0, 3, false],
        [1, 3, false],
        [2, 3, false],
        [3, 3, true],
      ]);
      expect(new Set(events.map((event) => event.jobId)).size).toBe(1);
    });
  });

  describe('previous answers', () => {
    const csv = [
      'question;reponse;theme',
      '"Mme Durandal demande si son CLM peut être prolongé";"Le congé de longue maladie peut être prolongé par périodes de trois à six mois.";conges-maladie',
      '"Combien de jours de congés annuels pour un enseignant ?";"Les enseignants ont les congés des vacances scolaires.";',
      'sans réponse;;',
    ].join('\n');

    it('should refuse to store answers when the anonymization service does not answer', async () => {
      const summary = await harness.app.get(AnswersService).importFile('lyon', 'base.csv', new TextEncoder().encode(csv));
      expect(summary.ingested).toBe(0);
      expect(summary.failed.map((failure) => failure.code).sort()).toEqual(['ANONYMIZATION_UNAVAILABLE', 'ANONYMIZATION_UNAVAILABLE', 'INVALID_ENTRY']);
      expect(await countRows(database, `SELECT count(*) AS n FROM qa_entries`)).toBe(0);
    });

    describe('with the anonymization service', () => {
      let withAnonymization: ServiceHarness;
      let answers: AnswersService;

      @Module({ imports: [IngestionModule, FakeAnonymizationModule] })
      class IngestionWithAnonymizationModule {}

      beforeAll(async () => {
        await harness.close();
        withAnonymization = await startServiceHarness(IngestionWithAnonymizationModule, { database });
        harness = withAnonymization;
        answers = withAnonymization.app.get(AnswersService);
      });

      it('should store pseudonymized entries for review, not searchable yet, once', async () => {
        const summary = await answers.importFile('lyon', 'base.csv', new TextEncoder().encode(csv));
        expect(summary).toMatchObject({ ingested: 2, unchanged: 0 });
        const entries = await withAnonymization.client.request<AnswerEntry[]>(corpusSubject(Subjects.ingestion.listAnswers, 'lyon'), { v: 1 });
        expect(entries.map((entry) => entry.reviewStatus)).toEqual(['to_review', 'to_review']);
        expect(entries[0].question).toContain('[PERSONNE_1]');
        expect(JSON.stringify(await database.dataSource.query(`SELECT * FROM qa_entries`))).not.toContain('Durandal');
        expect(await countRows(database, `SELECT count(*) AS n FROM documents WHERE kind = 'answer'`)).toBe(0);
        const again = await answers.importFile('lyon', 'base.csv', new TextEncoder().encode(csv));
        expect(again).toMatchObject({ ingested: 0, unchanged: 2 });
      });

      it('should publish an approved entry as a searchable answer document, and withdraw a rejected one', async () => {
        const [first, second] = await answers.list('lyon');
        const approved = await withAnonymization.client.request<AnswerEntry>(corpusSubject(Subjects.ingestion.reviewAnswer, 'lyon'), {
          v: 1,
          entryId: first.id,
          decision: 'approve',
          answer: `${first.answer} Contactez Mme Durandal au rectorat.`,
        });
        expect(approved.reviewStatus).toBe('approved');
        expect(approved.answer).toContain('[PERSONNE_1]');
        expect(approved.answer).not.toContain('Durandal');
        const published: { status: string; chunks: string }[] = await database.dataSource.query(
          `SELECT d.status, (SELECT count(*) FROM chunks c WHERE c.document_id = d.id) AS chunks FROM documents d WHERE d.qa_entry_id = $1`,
          [first.id],
        );
        expect(published).toEqual([{ status: 'active', chunks: expect.any(String) }]);
        expect(Number(published[0].chunks)).toBeGreaterThan(0);
        await answers.review('lyon', { entryId: second.id, decision: 'reject' });
        expect(await countRows(database, `SELECT count(*) AS n FROM documents WHERE qa_entry_id = $1 AND status = 'active'`, [second.id])).toBe(0);
        await expect(answers.review('poitiers', { entryId: first.id, decision: 'reject' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      });
    });
  });
});
