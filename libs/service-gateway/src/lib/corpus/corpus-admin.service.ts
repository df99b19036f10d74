import { Injectable, Logger } from '@nestjs/common';
import {
  corpusSubject,
  INGESTION_CONTRACT_VERSION,
  Subjects,
  type AnswerEntry,
  type AnswersImportResult,
  type CorpusJob,
  type DocumentMetadataPatch,
  type DocumentSummary,
  type IngestFilesRequest,
  type IngestFilesResponse,
  type IngestionSummary,
  type IngestOptions,
} from '@mileva/contracts';
import { ServiceClient, ServiceError } from '@mileva/runtime';
import { randomUUID } from 'node:crypto';
import { CorpusJobStore } from './corpus-jobs';

/** How long a job may run before the gateway stops waiting for its reply (progress events may still come). */
export const CORPUS_JOB_TIMEOUT_MS = 60 * 60 * 1000;
/** An import of previous answers pseudonymizes every entry on the bus: it may take a while. */
export const ANSWERS_IMPORT_TIMEOUT_MS = 10 * 60 * 1000;
/** Approving an entry embeds it. */
const REVIEW_TIMEOUT_MS = 60 * 1000;

/** A file received by the gateway, to be sent to a corpus service. */
export interface UploadedFile {
  readonly name: string;
  readonly bytes: Buffer;
}

/**
 * Corpus management for the HTTP API: each call goes to the corpus service of the corpus named,
 * which only ever touches that corpus. The corpus itself is decided by the controller from the
 * signed-in user ({@link managedCorpus}).
 */
@Injectable()
export class CorpusAdminService {
  private readonly logger = new Logger(CorpusAdminService.name);

  constructor(
    private readonly client: ServiceClient,
    private readonly jobs: CorpusJobStore,
  ) {}

  listDocuments(corpus: string, includeInactive: boolean): Promise<DocumentSummary[]> {
    return this.client.request<DocumentSummary[]>(corpusSubject(Subjects.ingestion.listDocuments, corpus), { v: INGESTION_CONTRACT_VERSION, includeInactive });
  }

  getDocument(corpus: string, documentId: string): Promise<DocumentSummary> {
    return this.client.request<DocumentSummary>(corpusSubject(Subjects.ingestion.getDocument, corpus), { v: INGESTION_CONTRACT_VERSION, documentId: asId(documentId) });
  }

  updateDocument(corpus: string, documentId: string, patch: DocumentMetadataPatch): Promise<DocumentSummary> {
    return this.client.request<DocumentSummary>(corpusSubject(Subjects.ingestion.updateDocument, corpus), {
      v: INGESTION_CONTRACT_VERSION,
      documentId: asId(documentId),
      ...patch,
    });
  }

  async withdrawDocument(corpus: string, documentId: string): Promise<void> {
    await this.client.request(corpusSubject(Subjects.ingestion.withdraw, corpus), { v: INGESTION_CONTRACT_VERSION, documentId: asId(documentId) });
  }

  /** Starts ingesting new files as a job; its progress is read with {@link job}. */
  startUpload(corpus: string, files: readonly UploadedFile[], options: Omit<IngestOptions, 'corpus'>): CorpusJob {
    return this.startJob(corpus, files, options, undefined);
  }

  /**
   * The active document of the corpus that a new file may replace. Another corpus's document is
   * not found; a superseded or withdrawn version, or a published previous answer, cannot be replaced.
   */
  async replaceableDocument(corpus: string, documentId: string): Promise<DocumentSummary> {
    const document = await this.getDocument(corpus, documentId);
    if (document.status !== 'active') {
      throw new ServiceError('NOT_FOUND', 'Ce document n’est plus en vigueur (remplacé ou retiré) : remplacez sa version en vigueur.');
    }
    if (document.kind !== 'document') {
      throw new ServiceError('BAD_REQUEST', 'Une réponse de la base de réponses ne se remplace pas par un fichier : corrigez-la depuis la relecture des réponses.');
    }
    return document;
  }

  /** Starts ingesting `file` as the next version of `document` (superseded once the new one is stored). */
  startReplacement(document: DocumentSummary, file: UploadedFile, options: Omit<IngestOptions, 'corpus'>): CorpusJob {
    return this.startJob(document.corpus, [file], options, document.id);
  }

  job(id: string): CorpusJob | undefined {
    return this.jobs.get(id);
  }

  async importAnswers(corpus: string, file: UploadedFile): Promise<AnswersImportResult> {
    const summary = await this.client.request<IngestionSummary>(
      corpusSubject(Subjects.ingestion.importAnswers, corpus),
      { v: INGESTION_CONTRACT_VERSION, fileName: file.name, contentBase64: file.bytes.toString('base64') },
      { timeoutMs: ANSWERS_IMPORT_TIMEOUT_MS },
    );
    return { corpus, stored: summary.ingested, duplicates: summary.unchanged, failed: summary.failed };
  }

  listAnswers(corpus: string, status: AnswerEntry['reviewStatus'] | undefined): Promise<AnswerEntry[]> {
    return this.client.request<AnswerEntry[]>(corpusSubject(Subjects.ingestion.listAnswers, corpus), { v: INGESTION_CONTRACT_VERSION, ...(status ? { status } : {}) });
  }

  reviewAnswer(
    corpus: string,
    entryId: string,
    review: { decision: 'approve' | 'reject'; question?: string; answer?: string },
    reviewerHash: string,
  ): Promise<AnswerEntry> {
    return this.client.request<AnswerEntry>(
      corpusSubject(Subjects.ingestion.reviewAnswer, corpus),
      { v: INGESTION_CONTRACT_VERSION, entryId: asId(entryId), ...review, reviewerHash },
      { timeoutMs: REVIEW_TIMEOUT_MS },
    );
  }

  private startJob(corpus: string, files: readonly UploadedFile[], options: Omit<IngestOptions, 'corpus'>, replaces: string | undefined): CorpusJob {
    const id = randomUUID();
    const job = this.jobs.start({ id, corpus, kind: replaces ? 'replace' : 'upload', ...(replaces ? { replaces } : {}), total: files.length });
    const request: IngestFilesRequest = {
      v: INGESTION_CONTRACT_VERSION,
      jobId: id,
      options: { corpus, ...options },
      files: files.map((file) => ({ name: file.name, contentBase64: file.bytes.toString('base64') })),
      ...(replaces ? { replaces } : {}),
    };
    // The job runs on after the HTTP response: its progress and outcome land in the job store.
    void this.client
      .request<IngestFilesResponse>(corpusSubject(Subjects.ingestion.ingestFiles, corpus), request, { timeoutMs: CORPUS_JOB_TIMEOUT_MS })
      .then(
        (response) => this.jobs.finish(id, response),
        (error: unknown) => {
          const message = error instanceof ServiceError ? error.message : 'Le service du corpus n’a pas pu traiter l’envoi. Réessayez.';
          this.logger.warn(`Job ${id} on ${corpus} failed: ${error instanceof ServiceError ? error.code : 'error'}`);
          this.jobs.fail(id, message);
        },
      );
    return job;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from the path: anything but a UUID names nothing. */
function asId(id: string): string {
  if (!UUID.test(id)) throw new ServiceError('NOT_FOUND', 'Aucun élément avec cet identifiant dans ce corpus.');
  return id.toLowerCase();
}
