import { Controller, Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ALL_CORPORA, corpusSubject, Subjects } from '@mileva/contracts';
import { IngestionProgressEventSchema } from '@mileva/contracts/validation';
import { CorpusJobStore } from './corpus-jobs';

/**
 * Progress events of every corpus service, feeding the job store. Every gateway instance hears
 * every event (no queue group): whichever instance the portal polls knows the job.
 */
@Controller()
export class CorpusProgressController {
  private readonly logger = new Logger(CorpusProgressController.name);

  constructor(private readonly jobs: CorpusJobStore) {}

  // A concrete subject (every corpus), not a template: the gateway serves no corpus of its own.
  @EventPattern(corpusSubject(Subjects.ingestion.progress, ALL_CORPORA), { queue: undefined })
  progress(@Payload() payload: unknown): void {
    const parsed = IngestionProgressEventSchema.safeParse(payload);
    if (!parsed.success) {
      this.logger.warn('Ignored a malformed ingestion progress event');
      return;
    }
    this.jobs.progress(parsed.data);
  }
}
