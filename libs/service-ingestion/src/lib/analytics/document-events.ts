import { Inject, Injectable, Logger } from '@nestjs/common';
import { analyticsEventSubject, type AnalyticsEvent, type IngestionFileOutcome } from '@mileva/contracts';
import { isCorpusCode, isThemeCode } from '@mileva/rh-taxonomy';
import { describeError, MILEVA_EVENT_LOG, type EventLog } from '@mileva/runtime';
import { randomUUID } from 'node:crypto';

/**
 * Publishes the corpus's analytics events (a document version stored, a document withdrawn) in the
 * background: institutional facts (corpus, theme, counts), never a file's content or name.
 */
@Injectable()
export class DocumentEvents {
  private readonly logger = new Logger(DocumentEvents.name);

  constructor(@Inject(MILEVA_EVENT_LOG) private readonly events: EventLog) {}

  /** A file of a job became a new document or a new version of one. */
  stored(corpus: string, theme: string | null | undefined, outcome: IngestionFileOutcome): void {
    if ((outcome.status !== 'ingested' && outcome.status !== 'updated') || !outcome.documentId) return;
    this.publish(corpus, {
      ...this.base(corpus, theme, outcome.documentId),
      type: 'document.ingested',
      kind: 'document',
      version: outcome.version ?? 1,
      chunks: outcome.chunks,
    });
  }

  withdrawn(corpus: string, theme: string | null | undefined, documentId: string): void {
    this.publish(corpus, { ...this.base(corpus, theme, documentId), type: 'document.withdrawn' });
  }

  private base(corpus: string, theme: string | null | undefined, documentId: string) {
    return { v: 1 as const, eventId: randomUUID(), occurredAt: new Date().toISOString(), academie: corpus, theme: theme && isThemeCode(theme) ? theme : null, documentRef: documentId };
  }

  private publish(corpus: string, event: AnalyticsEvent): void {
    // `*` (every corpus of a standalone process) never names a document's corpus; skip rather than guess.
    if (!isCorpusCode(corpus)) return;
    void this.events.append(analyticsEventSubject(event.type), event).catch((error: unknown) => {
      this.logger.warn(`Analytics event ${event.type} not published (${describeError(error)})`);
    });
  }
}
