import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { NATIONAL_CORPUS } from '@mileva/rh-taxonomy';
import type { IngestionProgressEvent, IngestionSummary } from '@mileva/contracts';
import { IngestionService } from '../ingestion.service';
import { fonctionPubliqueFiches, SEED_URI_PREFIX } from './fiches-vdd';

/**
 * On a fresh install, fills the national corpus with the public service-public.fr fiches on the
 * fonction publique, so that a newcomer can ask real questions at once.
 */
@Injectable()
export class NationalSeeder implements OnApplicationShutdown {
  private readonly logger = new Logger(NationalSeeder.name);
  private readonly abort = new AbortController();
  private running: Promise<unknown> | undefined;

  constructor(private readonly ingestion: IngestionService) {}

  /** Stops a seeding in progress between two fiches; the next start goes on where it stopped. */
  async onApplicationShutdown(): Promise<void> {
    this.abort.abort();
    await this.running?.catch(() => undefined);
  }

  /** Seeds when the national corpus has no document; resolves with the summary, or undefined when nothing was done. */
  async seedIfEmpty(onProgress?: (event: IngestionProgressEvent) => void): Promise<IngestionSummary | undefined> {
    const { documents } = await this.ingestion.store.counts(NATIONAL_CORPUS);
    const files = await fonctionPubliqueFiches();
    // A seeding interrupted half-way left some fiches only: go on (those already stored are skipped by hash).
    const interrupted = documents > 0 && documents < files.length && (await this.ingestion.store.hasOnlySeedDocuments(NATIONAL_CORPUS, SEED_URI_PREFIX));
    if (documents > 0 && !interrupted) return undefined;
    this.logger.log(`Seeding the national corpus with ${files.length} public fiches`);
    const job = this.ingestion.runJob(files, { corpus: NATIONAL_CORPUS }, onProgress, this.abort.signal);
    this.running = job;
    const summary = await job;
    if (summary.aborted) this.logger.warn('Seeding interrupted; it resumes at the next start');
    return summary;
  }
}
