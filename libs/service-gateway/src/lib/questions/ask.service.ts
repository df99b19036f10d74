import { Injectable, Logger } from '@nestjs/common';
import { GENERATION_CONTRACT_VERSION, Subjects, type Draft, type DraftEvent, type DraftPassage, type DraftRequest, type SearchHit } from '@mileva/contracts';
import { detectExcludedUse, refusalDraft } from '@mileva/drafting';
import { ServiceClient } from '@mileva/runtime';
import { Observable } from 'rxjs';
import { AcademieSettingsService } from './academie-settings.service';
import { PlaceholderStreamRefiller } from './placeholder-stream';
import { QuestionService, type AskedQuestion } from './question.service';

/** Longest wait for the generation service, first token to last (a model can take a while). */
export const DRAFT_TIMEOUT_MS = 120_000;
/** Passages given to generation. */
const DRAFT_PASSAGES = 8;
/** Placeholders of stored texts (previous answers): they are not this user's values. */
const STORED_PLACEHOLDER = /\[([A-Z_]+)_\d+\]/g;

/** What the asking user receives: the draft re-filled with their values, and what it rests on. */
export interface AskedDraft extends Draft {
  readonly conversationId: string;
  /** Id of the stored assistant message, for feedback (set once the exchange is stored). */
  readonly messageId?: string;
  /** Corpora that did not answer in time (the draft rests on the others). */
  readonly degraded: readonly { readonly corpus: string; readonly reason: string }[];
}

/** The exchange as it may be stored: the question and the draft with placeholders, never the user's values. */
export interface PseudonymizedExchange {
  readonly question: string;
  readonly draft: Draft;
}

/**
 * Events of an answer for its user: tokens (re-filled) as they come, then the draft; the draft
 * event also carries the pseudonymized exchange, for storage only (never sent to the user).
 */
export type AskEvent =
  | { readonly type: 'token'; readonly text: string }
  | { readonly type: 'draft'; readonly draft: AskedDraft; readonly pseudonymized: PseudonymizedExchange };

/**
 * The whole question path: refusal of excluded uses before anything else, pseudonymization and
 * search (QuestionService), generation over the bus from the pseudonymized question and passages,
 * and re-filling of the draft for the asking user only.
 */
@Injectable()
export class AskService {
  private readonly logger = new Logger(AskService.name);

  constructor(
    private readonly questions: QuestionService,
    private readonly settings: AcademieSettingsService,
    private readonly client: ServiceClient,
  ) {}

  /** The answer as a stream of events. */
  ask(question: AskedQuestion): Observable<AskEvent> {
    return new Observable<AskEvent>((subscriber) => {
      let cancelled = false;
      let inner: { unsubscribe(): void } | undefined;
      const started = performance.now();
      void (async () => {
        const settings = await this.settings.settingsOf(question.academie ?? 'national');
        const excluded = detectExcludedUse(question.text);
        if (excluded) {
          // Before any search: nothing of the request leaves the gateway.
          this.logger.log(`Question in conversation ${question.conversationId} refused (${excluded.reason})`);
          const request: DraftRequest = { v: GENERATION_CONTRACT_VERSION, question: '', academie: question.academie ?? 'national', passages: [], answerable: false, settings };
          const draft = refusalDraft(request, excluded, { provider: 'extractive', ms: Math.round(performance.now() - started) });
          const pseudonymized = { question: this.questions.pseudonymize(question), draft };
          subscriber.next({ type: 'token', text: draft.answer });
          subscriber.next({ type: 'draft', draft: { ...draft, conversationId: question.conversationId, degraded: [] }, pseudonymized });
          subscriber.complete();
          return;
        }
        const prepared = await this.questions.ask({ ...question, k: question.k ?? DRAFT_PASSAGES });
        if (cancelled) return;
        const request: DraftRequest = {
          v: GENERATION_CONTRACT_VERSION,
          question: prepared.pseudonymizedText,
          academie: question.academie ?? 'national',
          passages: prepared.search.hits.slice(0, DRAFT_PASSAGES).map((hit, index) => numbered(hit, index + 1)),
          answerable: prepared.search.answerable,
          settings,
          statuts: prepared.search.analysis.statuts,
        };
        const refiller = new PlaceholderStreamRefiller(prepared.reidentify);
        inner = this.client.stream<DraftEvent, DraftRequest>(Subjects.generation.draft, request, { timeoutMs: DRAFT_TIMEOUT_MS }).subscribe({
          next: (event) => {
            if (event.type === 'token') {
              const text = refiller.push(event.text);
              if (text) subscriber.next({ type: 'token', text });
            } else if (event.type === 'draft') {
              const rest = refiller.flush();
              if (rest) subscriber.next({ type: 'token', text: rest });
              const ms = Math.round(performance.now() - started);
              const draft: AskedDraft = {
                ...refillDraft(event.draft, prepared.reidentify),
                conversationId: question.conversationId,
                degraded: prepared.search.degraded,
                ms,
              };
              this.logger.log(
                `Draft for conversation ${question.conversationId}: ${draft.provider}${draft.fallback ? ` (fallback from ${draft.fallback.from})` : ''}, ` +
                  `answerable ${draft.answerable}, ${draft.citations.length} citations, ${draft.unsupported.length} unsupported, ${draft.ms} ms`,
              );
              subscriber.next({ type: 'draft', draft, pseudonymized: { question: prepared.pseudonymizedText, draft: { ...event.draft, ms } } });
            } else {
              subscriber.error(new Error(event.message));
            }
          },
          error: (error: unknown) => subscriber.error(error),
          complete: () => subscriber.complete(),
        });
      })().catch((error: unknown) => subscriber.error(error));
      return () => {
        cancelled = true;
        inner?.unsubscribe();
      };
    });
  }
}

/** A draft with its texts re-filled by `refill` (the values of the user's conversation). */
export function refillDraft<TDraft extends Draft>(draft: TDraft, refill: (text: string) => string): TDraft {
  return {
    ...draft,
    answer: refill(draft.answer),
    followUpQuestions: draft.followUpQuestions.map((text) => refill(text)),
    relatedRights: draft.relatedRights.map((right) => ({ ...right, text: refill(right.text) })),
    unsupported: draft.unsupported.map((text) => refill(text)),
  };
}

/**
 * A search hit numbered for citation. Placeholders inside a stored previous answer are another
 * person's, masked when it was imported: they become a neutral mark, so that re-filling the draft
 * for this user can never put this user's values in their place.
 */
function numbered(hit: SearchHit, n: number): DraftPassage {
  return { ...hit, n, text: hit.text.replace(STORED_PLACEHOLDER, (_match, type: string) => `(${type.toLowerCase().replace(/_/g, ' ')} masqué)`) };
}
