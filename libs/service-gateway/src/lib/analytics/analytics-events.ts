import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ANALYTICS_NO_THEME,
  analyticsEventSubject,
  type AnalyticsEvent,
  type AnswerDeliveredEvent,
  type Draft,
  type FeedbackRequest,
} from '@mileva/contracts';
import { isThemeCode, matchThemes } from '@mileva/rh-taxonomy';
import { describeError, MILEVA_EVENT_LOG, type EventLog } from '@mileva/runtime';
import { randomUUID } from 'node:crypto';
import { GatewaySecrets } from '../auth/gateway-secrets';
import type { RequestUser } from '../auth/user';

/** What ties a question, its answer and the feedback on it in analytics; kept with the stored answer. */
export interface AnswerAnalytics {
  readonly answerRef: string;
  readonly theme: string;
}

/**
 * Publishes the gateway's analytics events: codes, counters, durations and the user's keyed
 * analytics hash, never a text nor an id in clear. Publishing never waits nor fails the user's
 * request: events are appended in the background and a failure is logged without the event.
 */
@Injectable()
export class AnalyticsEvents {
  private readonly logger = new Logger(AnalyticsEvents.name);

  constructor(
    @Inject(MILEVA_EVENT_LOG) private readonly events: EventLog,
    private readonly secrets: GatewaySecrets,
  ) {}

  /**
   * A question is asked: its theme is the one chosen, or the first recognised in the question
   * (read here, in the gateway; only the code leaves), or « sans-theme ».
   */
  questionAsked(user: RequestUser, question: string, chosenTheme: string | undefined): AnswerAnalytics {
    const chosen = chosenTheme !== undefined && isThemeCode(chosenTheme) ? chosenTheme : undefined;
    const analytics: AnswerAnalytics = { answerRef: randomUUID(), theme: chosen ?? matchThemes(question)[0]?.code ?? ANALYTICS_NO_THEME };
    this.publish({ ...this.base(user, analytics), type: 'question.asked', themeChosen: chosen !== undefined });
    return analytics;
  }

  answerDelivered(user: RequestUser, analytics: AnswerAnalytics, draft: Draft, degraded: boolean): void {
    const event: AnswerDeliveredEvent = {
      ...this.base(user, analytics),
      type: 'answer.delivered',
      provider: draft.provider,
      answerable: draft.answerable,
      refused: draft.refusal !== undefined,
      fallback: draft.fallback !== undefined,
      degraded,
      latencyMs: Math.max(0, Math.round(draft.ms)),
      sources: draft.citations.length,
      unsupportedCitations: draft.unsupported.length,
    };
    this.publish(event);
  }

  /** The feedback on an answer, and the minutes it saved as the user says (0 when they do not). */
  feedbackGiven(user: RequestUser, analytics: AnswerAnalytics, feedback: FeedbackRequest): void {
    this.publish({
      ...this.base(user, analytics),
      type: 'feedback.given',
      useful: feedback.useful,
      reasons: [...(feedback.reasons ?? [])],
      outcome: feedback.outcome ?? null,
      commented: Boolean(feedback.comment?.trim()),
    });
    // Always, 0 when not said: a feedback replacing one that declared minutes takes them back.
    this.publish({ ...this.base(user, analytics), type: 'time-saved.declared', minutes: feedback.minutesSaved ?? 0 });
  }

  private base(user: RequestUser, analytics: AnswerAnalytics) {
    return {
      v: 1 as const,
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      academie: user.academie,
      theme: analytics.theme,
      userHash: this.secrets.analyticsHash(user.id),
      answerRef: analytics.answerRef,
    };
  }

  private publish(event: AnalyticsEvent): void {
    void this.events.append(analyticsEventSubject(event.type), event).catch((error: unknown) => {
      this.logger.warn(`Analytics event ${event.type} not published (${describeError(error)})`);
    });
  }
}
