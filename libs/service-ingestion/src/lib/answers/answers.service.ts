import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ANONYMIZATION_CONTRACT_VERSION,
  Subjects,
  type AnswerEntry,
  type IngestionFailure,
  type IngestionSummary,
  type PseudonymizeResponse,
} from '@mileva/contracts';
import { PseudonymizeResponseSchema } from '@mileva/contracts/validation';
import type { EmbeddingProvider } from '@mileva/embeddings';
import type { Database } from '@mileva/persistence';
import { isThemeCode } from '@mileva/rh-taxonomy';
import { MILEVA_DATABASE, MILEVA_EMBEDDINGS, ServiceClient, ServiceError } from '@mileva/runtime';
import { chunkPlainText } from '@mileva/text-fr';
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DocumentStore } from '../store/document-store';
import { storableVector } from '../pipeline/storable-vector';
import { readAnswersFile, type RawAnswerEntry } from './answers-file';

/** Longest title shown for an answer document (its question, cut at a word). */
const TITLE_MAX_CHARS = 160;

/**
 * The base of previous answers. Every pair is pseudonymized by the anonymization service before it
 * is stored; when that service cannot do it, nothing is stored. Entries wait for an expert's review
 * (`to_review`) and become searchable documents only once approved.
 */
@Injectable()
export class AnswersService {
  private readonly logger = new Logger(AnswersService.name);
  private readonly dataSource: DataSource;
  private readonly store: DocumentStore;

  constructor(
    @Inject(MILEVA_DATABASE) database: Database,
    @Inject(MILEVA_EMBEDDINGS) private readonly embedder: EmbeddingProvider,
    private readonly client: ServiceClient,
  ) {
    this.dataSource = database.dataSource;
    this.store = new DocumentStore(database.dataSource);
  }

  /** Imports a CSV or JSONL file of previous answers into `corpus`, pending review. */
  async importFile(corpus: string, fileName: string, bytes: Uint8Array): Promise<IngestionSummary> {
    const started = performance.now();
    const content = readAnswersFile(fileName, bytes);
    const failed: IngestionFailure[] = content.invalid.map((line) => ({ file: line.ref, code: 'INVALID_ENTRY', message: line.message }));
    let ingested = 0;
    let unchanged = 0;
    for (const entry of content.entries) {
      const outcome = await this.importEntry(corpus, entry);
      if (outcome === 'stored') ingested++;
      else if (outcome === 'duplicate') unchanged++;
      else failed.push(outcome);
    }
    this.logger.log(`Answers import into ${corpus}: ${ingested} stored for review, ${unchanged} already there, ${failed.length} failed`);
    return { ingested, updated: 0, unchanged, failed, documents: 0, chunks: 0, pages: 0, seconds: Math.round((performance.now() - started) / 10) / 100 };
  }

  async list(corpus: string, status?: AnswerEntry['reviewStatus']): Promise<AnswerEntry[]> {
    const rows: AnswerRow[] = await this.dataSource.query(
      `SELECT id, corpus, question, answer, theme, review_status, source_ref FROM qa_entries WHERE corpus = $1 AND ($2::text IS NULL OR review_status = $2) ORDER BY created_at, source_ref`,
      [corpus, status ?? null],
    );
    return rows.map(toEntry);
  }

  /** One entry of the corpus, or undefined. */
  async get(corpus: string, entryId: string): Promise<AnswerEntry | undefined> {
    const rows: AnswerRow[] = await this.dataSource.query(
      `SELECT id, corpus, question, answer, theme, review_status, source_ref FROM qa_entries WHERE corpus = $1 AND id = $2`,
      [corpus, entryId],
    );
    return rows[0] ? toEntry(rows[0]) : undefined;
  }

  /**
   * Approves (optionally with edited texts) or rejects an entry. Approval publishes it as a
   * searchable document of kind `answer` (before the entry is marked approved, so an approved
   * entry is always searchable); rejection withdraws any published version. Edited texts are
   * pseudonymized again before anything is stored.
   */
  async review(corpus: string, request: { entryId: string; decision: 'approve' | 'reject'; question?: string; answer?: string; reviewerHash?: string }): Promise<AnswerEntry> {
    const entry = await this.get(corpus, request.entryId);
    if (!entry) throw new ServiceError('NOT_FOUND', 'Réponse introuvable dans ce corpus.');
    let reviewed: AnswerEntry = entry;
    if (request.question !== undefined || request.answer !== undefined) {
      // An expert could have typed a name back in.
      const [question, answer] = (await this.pseudonymize([request.question ?? entry.question, request.answer ?? entry.answer])).texts;
      reviewed = { ...entry, question, answer };
    }
    const status = request.decision === 'approve' ? 'approved' : 'rejected';
    if (status === 'approved') await this.publish(reviewed);
    else await this.dataSource.query(`UPDATE documents SET status = 'withdrawn', updated_at = now() WHERE qa_entry_id = $1 AND status = 'active'`, [entry.id]);
    await this.dataSource.query(
      `UPDATE qa_entries SET question = $1, answer = $2, review_status = $3, reviewed_at = now(), reviewed_by_hash = $4 WHERE id = $5`,
      [reviewed.question, reviewed.answer, status, request.reviewerHash ?? null, entry.id],
    );
    return { ...reviewed, reviewStatus: status };
  }

  /** Stores the entry as the active version of its answer document, unless that version already says the same. */
  private async publish(entry: AnswerEntry): Promise<void> {
    const body = `Question : ${entry.question}\n\nRéponse : ${entry.answer}`;
    const sourceUri = `answer:${entry.id}`;
    if ((await this.store.findActive(entry.corpus, sourceUri))?.contentHash === sha256(body)) return;
    const chunks = chunkPlainText(body);
    const title = cutAtWord(entry.question, TITLE_MAX_CHARS);
    const vectors = await this.embedder.embed(
      chunks.map((chunk) => `${title}\n${chunk.text}`),
      'document',
    );
    await this.store.saveVersion({
      corpus: entry.corpus,
      title,
      sourceUri,
      theme: entry.theme,
      validFrom: null,
      validTo: null,
      contentHash: sha256(body),
      mimeType: 'text/plain',
      pages: null,
      kind: 'answer',
      qaEntryId: entry.id,
      embeddingModel: this.embedder.id,
      embeddingDim: this.embedder.dimension,
      chunks: chunks.map((chunk, index) => ({ ordinal: chunk.ordinal, headingPath: chunk.headingPath, text: chunk.text, embedding: storableVector(vectors[index]) })),
    });
  }

  private async importEntry(corpus: string, entry: RawAnswerEntry): Promise<'stored' | 'duplicate' | IngestionFailure> {
    let safe: PseudonymizeResponse;
    try {
      safe = await this.pseudonymize([entry.question, entry.answer]);
    } catch (error) {
      const reason = error instanceof ServiceError ? error.message : String(error);
      return {
        file: entry.ref,
        code: 'ANONYMIZATION_UNAVAILABLE',
        message: `Non importée : l’anonymisation n’a pas pu être faite (${reason}). Aucune réponse n’est conservée sans être anonymisée ; réessayez quand le service d’anonymisation répond.`,
      };
    }
    const [question, answer] = safe.texts;
    const theme = entry.theme && isThemeCode(entry.theme) ? entry.theme : null;
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO qa_entries (corpus, question, answer, theme, review_status, source_ref, content_hash)
       VALUES ($1, $2, $3, $4, 'to_review', $5, $6) ON CONFLICT (corpus, content_hash) DO NOTHING RETURNING id`,
      [corpus, question, answer, theme, entry.ref, sha256(`${question}\u0000${answer}`)],
    );
    return rows.length > 0 ? 'stored' : 'duplicate';
  }

  private async pseudonymize(texts: string[]): Promise<PseudonymizeResponse> {
    const response = await this.client.request<unknown>(Subjects.anonymization.pseudonymize, { v: ANONYMIZATION_CONTRACT_VERSION, texts });
    const parsed = PseudonymizeResponseSchema.safeParse(response);
    if (!parsed.success || parsed.data.texts.length !== texts.length) {
      throw new ServiceError('INTERNAL', 'Réponse inattendue du service d’anonymisation.');
    }
    return parsed.data;
  }
}

interface AnswerRow {
  id: string;
  corpus: string;
  question: string;
  answer: string;
  theme: string | null;
  review_status: AnswerEntry['reviewStatus'];
  source_ref: string | null;
}

function toEntry(row: AnswerRow): AnswerEntry {
  return { id: row.id, corpus: row.corpus, question: row.question, answer: row.answer, theme: row.theme, reviewStatus: row.review_status, sourceRef: row.source_ref };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd()}…`;
}
