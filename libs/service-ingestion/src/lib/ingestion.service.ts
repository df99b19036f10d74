import { Inject, Injectable, Logger } from '@nestjs/common';
import { corpusSubject, Subjects, type DocumentSummary, type IngestionProgressEvent, type IngestionSummary, type IngestOptions } from '@mileva/contracts';
import type { EmbeddingProvider } from '@mileva/embeddings';
import type { Database } from '@mileva/persistence';
import { MILEVA_CONFIG, MILEVA_DATABASE, MILEVA_EMBEDDINGS, ServiceClient, ServiceError, type MilevaConfig } from '@mileva/runtime';
import { DocumentIngester } from './pipeline/document-ingester';
import { runIngestionJob, type ProgressListener } from './pipeline/ingestion-job';
import type { SourceFile } from './pipeline/source-file';
import { DocumentStore } from './store/document-store';

/** Ingestion of a corpus: jobs over files, listing and withdrawal of documents. */
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
  ): Promise<IngestionSummary & { jobId: string; aborted: boolean }> {
    const subject = corpusSubject(Subjects.ingestion.progress, options.corpus);
    const summary = await runIngestionJob(this.ingester, files, options, async (event: IngestionProgressEvent) => {
      await onProgress?.(event);
      await this.client.emit(subject, event).catch((error: unknown) => this.logger.warn(`Progress event not published: ${String(error)}`));
    }, signal);
    this.logger.log(
      `Job ${summary.jobId} on ${options.corpus}: ${summary.ingested} ingested, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failed.length} failed, ${summary.chunks} chunks in ${summary.seconds} s`,
    );
    return summary;
  }

  list(corpus: string, includeInactive: boolean): Promise<DocumentSummary[]> {
    return this.store.list(corpus, includeInactive);
  }

  async withdraw(corpus: string, documentId: string): Promise<void> {
    if (!(await this.store.withdraw(corpus, documentId))) {
      throw new ServiceError('NOT_FOUND', 'Aucun document actif avec cet identifiant dans ce corpus : il a peut-être déjà été retiré ou remplacé.');
    }
    this.logger.log(`Document ${documentId} withdrawn from ${corpus}`);
  }
}
