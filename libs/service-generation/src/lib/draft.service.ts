import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Draft, DraftEvent, DraftRequest } from '@mileva/contracts';
import { buildPrompt, composeExtractive, detectExcludedUse, finishDraft, refusalDraft } from '@mileva/drafting';
import { createLlmProvider, ProviderUnavailableError, type LlmProvider } from '@mileva/llm';
import { MILEVA_CONFIG, type MilevaConfig } from '@mileva/runtime';
import { Observable } from 'rxjs';
import { readModelAnswer } from './model-answer';

/** Size of the pieces an extractive draft is streamed in (it exists whole at once). */
const EXTRACTIVE_PIECE = /[^\n]*\n?/g;

/**
 * Writes a draft from pseudonymized passages: with the configured model provider when there is one
 * and the documents answer, otherwise (and when the provider fails) with the extractive composer.
 * Every draft is finished the same way (`finishDraft`): citations checked against the passages, the
 * AI-use mention appended.
 */
@Injectable()
export class DraftService implements OnModuleInit {
  private readonly logger = new Logger(DraftService.name);
  private provider: LlmProvider | undefined;

  constructor(@Inject(MILEVA_CONFIG) private readonly config: MilevaConfig) {}

  onModuleInit(): void {
    this.provider = createLlmProvider(this.config.generation);
    this.logger.log(this.provider ? `Drafts by ${this.provider.kind} (${this.provider.model}), extractive as fallback` : 'Drafts by the extractive composer (no model)');
  }

  /** The draft as events: tokens as they come, then the checked draft. */
  draft(request: DraftRequest): Observable<DraftEvent> {
    return new Observable<DraftEvent>((subscriber) => {
      const abort = new AbortController();
      this.write(request, (text) => subscriber.next({ type: 'token', text }), abort.signal).then(
        (draft) => {
          subscriber.next({ type: 'draft', draft });
          subscriber.complete();
        },
        (error: unknown) => subscriber.error(error),
      );
      return () => abort.abort();
    });
  }

  async write(request: DraftRequest, onToken: (text: string) => void = () => undefined, signal?: AbortSignal): Promise<Draft> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const excluded = detectExcludedUse(request.question);
    if (excluded) {
      const draft = refusalDraft(request, excluded, { provider: 'extractive', ms: elapsed() });
      streamWhole(draft.answer, onToken);
      return draft;
    }
    const provider = this.provider;
    if (!provider || !request.answerable || request.passages.length === 0) return this.extractive(request, onToken, elapsed);
    let streamed = false;
    try {
      const prompt = buildPrompt(request);
      const result = await provider.complete({ system: prompt.system, messages: prompt.messages, signal }, (text) => {
        streamed = true;
        onToken(text);
      });
      const parts = readModelAnswer(result.text);
      return finishDraft({ request, answer: result.text, ...parts, provider: provider.kind, model: result.model, usage: result.usage, ms: elapsed() });
    } catch (error) {
      if (!(error instanceof ProviderUnavailableError)) throw error;
      this.logger.warn(`${provider.kind} failed (${error.code}${streamed ? ', after streaming' : ''}): falling back to the extractive composer`);
      // Tokens already shown are replaced by the final draft, which the client displays whole.
      return this.extractive(request, onToken, elapsed, { from: provider.kind, reason: `${error.message} Brouillon rédigé sans modèle, à partir des passages.` });
    }
  }

  private extractive(request: DraftRequest, onToken: (text: string) => void, elapsed: () => number, fallback?: Draft['fallback']): Draft {
    const composed = composeExtractive(request);
    streamWhole(composed.answer, onToken);
    return finishDraft({
      request,
      answer: composed.answer,
      followUpQuestions: composed.followUpQuestions,
      relatedRights: composed.relatedRights,
      provider: 'extractive',
      ...(fallback ? { fallback } : {}),
      ms: elapsed(),
    });
  }
}

/** Streams a text written at once, line by line, so that the client shows it the same way as a model's. */
function streamWhole(text: string, onToken: (text: string) => void): void {
  for (const [piece] of text.matchAll(EXTRACTIVE_PIECE)) if (piece) onToken(piece);
}
