import { Inject, Injectable, Logger } from '@nestjs/common';
import { corpusSubject, Subjects, type DocumentSummary, type IngestionProgressEvent, type IngestOptions } from '@mileva/contracts';
import type { EmbeddingProvider } from '@mileva/embeddings';
import type { Database } from '@mileva/persistence';
import { MILEVA_CONFIG, MILEVA_DATABASE, MILEVA_EMBEDDINGS, ServiceClient, ServiceError, type MilevaConfig } from '@mileva/runtime';
import { DocumentEvents } from './analytics/document-events';
import { DocumentIngester } from './pipeline/document-ingester';
import { runIngestionJob, type IngestionJobResult, type ProgressListener } from './pipeline/ingestion-job';
import type { SourceFile } from './pipeline/source-file';
import { DocumentStore, type DocumentMetadataChange } from './store/document-store';

/** Options of a job beyond those of every file. */
export interface JobOptions {
  /** Progress of the job (the CLI's bar); events are published on the corpus's progress subject too. */
  readonly onProgress?: ProgressListener;
  readonly signal?: AbortSignal;
  /** Identifier chosen by the caller, who follows the job's progress events. */
  readonly jobId?: string;
}

/** Ingestion of a corpus: jobs over files, listing, metadata, replacement and withdrawal of documents. */
@Injectable()
export class IngestionService {
  private readonly logger = new Logger(IngestionService.name);
  readonly store: DocumentStore;
  private readonly ingester: DocumentIngester;

  constructor(
    @Inject(MILEVA_DATABASE) database: Database,
    @Inject(MILEVA_EMBEDDINGS) embedder: EmbeddingProvider,
    @Inject(MILEVA_CONFIG) config: MilevaConfig,
    private readonly client: ServiceClient,
    private readonly documentEvents: DocumentEvents,
  ) {
    this.store = new DocumentStore(database.dataSource);
    this.ingester = new DocumentIngester(this.store, embedder, config.ingestion.maxFileBytes);
  }

  /**
   * Ingests files as one job. Progress goes to `onProgress` (the CLI's bar) and is published as
   * an event on the corpus's progress subject.
   */
  async runJob(
    files: readonly SourceFile[],
    options: IngestOptions,
    onProgress?: ProgressListener,
    signal?: AbortSignal,
    jobId?: string,
  ): Promise<IngestionJobResult> {
    const subject = corpusSubject(Subjects.ingestion.progress, options.corpus);
    const summary = await runIngestionJob(
      this.ingester,
      files,
      options,
      async (event: IngestionProgressEvent) => {
        if (event.outcome) this.documentEvents.stored(options.corpus, options.theme, event.outcome);
        await onProgress?.(event);
        await this.client.emit(subject, event).catch((error: unknown) => this.logger.warn(`Progress event not published: ${String(error)}`));
      },
      signal,
      jobId,
    );
    this.logger.log(
      `Job ${summary.jobId} on ${options.corpus}: ${summary.ingested} ingested, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failed.length} failed, ${summary.chunks} chunks in ${summary.seconds} s`,
    );
    return summary;
  }

  /**
   * Ingests `file` as the next version of an active document: same source, so the document it
   * replaces is superseded (kept for audit, no longer searched). Theme and validity dates are the
   * document's unless `options` gives them.
   */
  async replace(corpus: string, documentId: string, file: SourceFile, options: Omit<IngestOptions, 'corpus'>, job: JobOptions = {}): Promise<IngestionJobResult> {
    const document = await this.store.get(corpus, documentId);
    if (!document || document.status !== 'active') {
      throw new ServiceError('NOT_FOUND', 'Aucun document en vigueur avec cet identifiant dans ce corpus : il a peut-être été retiré ou déjà remplacé.');
    }
    if (document.kind !== 'document') {
      throw new ServiceError('BAD_REQUEST', 'Une réponse de la base de réponses ne se remplace pas par un fichier : modifiez-la depuis la relecture des réponses.');
    }
    const source: SourceFile = { ...file, sourceUri: document.sourceUri };
    return this.runJob(
      [source],
      {
        corpus,
        theme: options.theme ?? document.theme ?? undefined,
        validFrom: options.validFrom ?? document.validFrom ?? undefined,
        validTo: options.validTo ?? document.validTo ?? undefined,
      },
      job.onProgress,
      job.signal,
      job.jobId,
    );
  }

  list(corpus: string, includeInactive: boolean): Promise<DocumentSummary[]> {
    return this.store.list(corpus, includeInactive);
  }

  async get(corpus: string, documentId: string): Promise<DocumentSummary> {
    const document = await this.store.get(corpus, documentId);
    if (!document) throw new ServiceError('NOT_FOUND', 'Aucun document avec cet identifiant dans ce corpus.');
    return document;
  }

  /** Changes the theme or validity dates of an active document; searches see the change at once. */
  async updateMetadata(corpus: string, documentId: string, change: DocumentMetadataChange): Promise<DocumentSummary> {
    const current = await this.store.get(corpus, documentId);
    if (!current || current.status !== 'active') {
      throw new ServiceError('NOT_FOUND', 'Aucun document en vigueur avec cet identifiant dans ce corpus : il a peut-être été retiré ou remplacé.');
    }
    const validFrom = change.validFrom === undefined ? current.validFrom : change.validFrom;
    const validTo = change.validTo === undefined ? current.validTo : change.validTo;
    if (validFrom && validTo && validFrom > validTo) {
      throw new ServiceError('BAD_REQUEST', `La fin de validité (${validTo}) précède le début (${validFrom}) : corrigez l’une des deux dates.`);
    }
    const updated = await this.store.updateMetadata(corpus, documentId, change);
    if (!updated) throw new ServiceError('NOT_FOUND', 'Le document a été retiré ou remplacé entre-temps : rechargez la liste.');
    this.logger.log(`Document ${documentId} of ${corpus}: metadata changed (${Object.keys(change).join(', ')})`);
    return updated;
  }

  async withdraw(corpus: string, documentId: string): Promise<void> {
    const document = await this.store.get(corpus, documentId);
    if (!(await this.store.withdraw(corpus, documentId))) {
      throw new ServiceError('NOT_FOUND', 'Aucun document actif avec cet identifiant dans ce corpus : il a peut-être déjà été retiré ou remplacé.');
    }
    this.documentEvents.withdrawn(corpus, document?.theme, documentId);
    this.logger.log(`Document ${documentId} withdrawn from ${corpus}`);
  }
}
