import type { AnalyticsEvent, AnswerDeliveredEvent, FeedbackGivenEvent, QuestionAskedEvent, TimeSavedDeclaredEvent } from '@mileva/contracts';
import { createHash, randomUUID } from 'node:crypto';

/** A stand-in for the gateway's keyed user hash. */
export function userHash(user: string): string {
  return createHash('sha256').update(`test:${user}`).digest('hex');
}

export interface Asked {
  readonly user: string;
  readonly academie: string;
  readonly theme: string;
  /** ISO instant. */
  readonly at: string;
  readonly answerable?: boolean;
  readonly refused?: boolean;
  readonly latencyMs?: number;
  readonly sources?: number;
}

/** A question and its answer, as the gateway publishes them. */
export function exchange(asked: Asked): { question: QuestionAskedEvent; answer: AnswerDeliveredEvent } {
  const answerRef = randomUUID();
  const common = { v: 1 as const, occurredAt: asked.at, academie: asked.academie, theme: asked.theme, userHash: userHash(asked.user), answerRef };
  return {
    question: { ...common, eventId: randomUUID(), type: 'question.asked', themeChosen: false },
    answer: {
      ...common,
      eventId: randomUUID(),
      type: 'answer.delivered',
      provider: 'extractive',
      answerable: asked.answerable ?? true,
      refused: asked.refused ?? false,
      fallback: false,
      degraded: false,
      latencyMs: asked.latencyMs ?? 1_000,
      sources: asked.sources ?? 3,
      unsupportedCitations: 0,
    },
  };
}

/** The asker's feedback on an answer, with the minutes they declare saved (0 when not given), as the gateway sends them. */
export function feedbackOn(
  answer: AnswerDeliveredEvent,
  feedback: { useful: boolean; outcome?: FeedbackGivenEvent['outcome']; reasons?: FeedbackGivenEvent['reasons']; minutes?: number; at?: string },
): AnalyticsEvent[] {
  const common = { v: 1 as const, occurredAt: feedback.at ?? answer.occurredAt, academie: answer.academie, theme: answer.theme, userHash: answer.userHash, answerRef: answer.answerRef };
  const given: FeedbackGivenEvent = { ...common, eventId: randomUUID(), type: 'feedback.given', useful: feedback.useful, reasons: feedback.reasons ?? [], outcome: feedback.outcome ?? null, commented: false };
  const saved: TimeSavedDeclaredEvent = { ...common, eventId: randomUUID(), type: 'time-saved.declared', minutes: feedback.minutes ?? 0 };
  return [given, saved];
}
