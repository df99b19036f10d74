import type { FeedbackOutcome, FeedbackReason } from './conversations';
import type { ProviderKind } from './generation';

/** Version of the analytics events and of the aggregates payloads. */
export const ANALYTICS_CONTRACT_VERSION = 1 as const;

/**
 * What the analytics service counts. Events carry codes, counters and durations only: never a
 * question, an answer, a comment, a name or a user id in clear (a keyed hash per user, so that
 * distinct users can be counted).
 */
export const ANALYTICS_EVENT_TYPES = [
  'question.asked',
  'answer.delivered',
  'feedback.given',
  'time-saved.declared',
  'document.ingested',
  'document.withdrawn',
] as const;

export type AnalyticsEventType = (typeof ANALYTICS_EVENT_TYPES)[number];

/** Theme of a question no theme was chosen for and none recognised in. */
export const ANALYTICS_NO_THEME = 'sans-theme';

/** Every académie or every theme, in an aggregate cell. */
export const ANALYTICS_ALL = '*';

/** Fewest distinct users an aggregate cell is built from; smaller cells are suppressed. */
export const ANALYTICS_MIN_USERS = 5;

/** Time zone of the aggregates' days, weeks (ISO, from Monday) and months. */
export const ANALYTICS_TIME_ZONE = 'Europe/Paris';

interface AnalyticsEventBase {
  readonly v: typeof ANALYTICS_CONTRACT_VERSION;
  /** Chosen by the publisher (a UUID): an event delivered twice is counted once. */
  readonly eventId: string;
  readonly type: AnalyticsEventType;
  /** When it happened (ISO 8601). */
  readonly occurredAt: string;
  /** Académie code of the user, or of the corpus for document events (`national` included). */
  readonly academie: string;
  /** Theme code, {@link ANALYTICS_NO_THEME}, or null for a document without theme. */
  readonly theme: string | null;
}

interface UserEventBase extends AnalyticsEventBase {
  /** Keyed hash of the user (64 hex characters): counts distinct users, identifies nobody. */
  readonly userHash: string;
  /** Random reference shared by a question, its answer and the feedback on it. */
  readonly answerRef: string;
}

export interface QuestionAskedEvent extends UserEventBase {
  readonly type: 'question.asked';
  /** True when the user picked the theme, false when it was recognised in the question. */
  readonly themeChosen: boolean;
}

export interface AnswerDeliveredEvent extends UserEventBase {
  readonly type: 'answer.delivered';
  readonly provider: ProviderKind;
  /** False when the documents did not answer. */
  readonly answerable: boolean;
  /** An excluded use refused before any search. */
  readonly refused: boolean;
  /** The configured model failed and the extractive composer wrote the draft. */
  readonly fallback: boolean;
  /** A corpus did not answer in time. */
  readonly degraded: boolean;
  /** From the question to the whole draft, in milliseconds. */
  readonly latencyMs: number;
  /** Passages cited. */
  readonly sources: number;
  /** Sentences whose citations do not support them. */
  readonly unsupportedCitations: number;
}

/** The user's feedback on an answer; a later one on the same answer replaces it. */
export interface FeedbackGivenEvent extends UserEventBase {
  readonly type: 'feedback.given';
  readonly useful: boolean;
  readonly reasons: readonly FeedbackReason[];
  readonly outcome: FeedbackOutcome | null;
  /** Whether a comment was written (its text stays with the gateway). */
  readonly commented: boolean;
}

/**
 * Minutes the user says the answer saved, sent with each feedback (0 when they say nothing); a
 * later declaration on the same answer replaces it.
 */
export interface TimeSavedDeclaredEvent extends UserEventBase {
  readonly type: 'time-saved.declared';
  readonly minutes: number;
}

interface DocumentEventBase extends AnalyticsEventBase {
  /** Id of the stored document version. */
  readonly documentRef: string;
}

export interface DocumentIngestedEvent extends DocumentEventBase {
  readonly type: 'document.ingested';
  readonly kind: 'document' | 'answer';
  readonly version: number;
  readonly chunks: number;
}

export interface DocumentWithdrawnEvent extends DocumentEventBase {
  readonly type: 'document.withdrawn';
}

export type AnalyticsEvent =
  | QuestionAskedEvent
  | AnswerDeliveredEvent
  | FeedbackGivenEvent
  | TimeSavedDeclaredEvent
  | DocumentIngestedEvent
  | DocumentWithdrawnEvent;

/** Root of the events' subjects; the JetStream stream captures `mileva.events.>`. */
export const ANALYTICS_EVENTS_ROOT = 'mileva.events';

/** Subject an event is published on: `mileva.events.answer.delivered`. */
export function analyticsEventSubject(type: AnalyticsEventType): string {
  return `${ANALYTICS_EVENTS_ROOT}.${type}`;
}

export const ANALYTICS_GRANULARITIES = ['day', 'week', 'month'] as const;
export type AnalyticsGranularity = (typeof ANALYTICS_GRANULARITIES)[number];

/** Dimensions an aggregates table may be broken down by, beside the period. */
export const ANALYTICS_BREAKDOWNS = ['academie', 'theme'] as const;
export type AnalyticsBreakdown = (typeof ANALYTICS_BREAKDOWNS)[number];

/**
 * Asks for aggregate cells (sent on `mileva.analytics.aggregates` by the gateway, which has already
 * checked who may see what). `from` and `to` are widened to whole periods.
 */
export interface AggregatesRequest {
  readonly v: typeof ANALYTICS_CONTRACT_VERSION;
  readonly granularity: AnalyticsGranularity;
  /** First day (`YYYY-MM-DD`). */
  readonly from: string;
  /** Last day, included (`YYYY-MM-DD`). */
  readonly to: string;
  /** Only this académie (its code or `national`); absent: every académie. */
  readonly academie?: string;
  /** Only this theme (a theme code or {@link ANALYTICS_NO_THEME}). */
  readonly theme?: string;
  readonly by: readonly AnalyticsBreakdown[];
}

/** Questions and answers of a cell, built from at least {@link ANALYTICS_MIN_USERS} distinct users. */
export interface UsageMetrics {
  readonly questions: number;
  /** Distinct users who asked (active users). */
  readonly users: number;
  readonly answers: number;
  /** Answers the documents supported (refusals of excluded uses apart). */
  readonly answerable: number;
  /** Answers saying the documents do not answer. */
  readonly unanswered: number;
  /** Excluded uses refused. */
  readonly refused: number;
  /** answerable / (answers − refused), or null without such answers. */
  readonly answerableRate: number | null;
  readonly latencyP50Ms: number | null;
  readonly latencyP95Ms: number | null;
  readonly averageSources: number | null;
  readonly unsupportedCitations: number;
}

/** Feedback of a cell, built from at least {@link ANALYTICS_MIN_USERS} distinct users who gave it. */
export interface FeedbackMetrics {
  /** Distinct users who gave feedback. */
  readonly users: number;
  readonly feedbacks: number;
  readonly useful: number;
  /** useful / feedbacks. */
  readonly satisfactionRate: number | null;
  /** Feedbacks saying what became of the draft. */
  readonly withOutcome: number;
  readonly sentAsIs: number;
  /** sentAsIs / withOutcome. */
  readonly sentAsIsRate: number | null;
  readonly noSource: number;
  /** Minutes saved, as declared. */
  readonly minutesSaved: number;
  /** Feedbacks declaring some minutes saved. */
  readonly declarations: number;
}

/**
 * One cell: a period, an académie (or {@link ANALYTICS_ALL}) and a theme (or {@link ANALYTICS_ALL}).
 * A part built from fewer than {@link ANALYTICS_MIN_USERS} distinct users, or hidden so that it
 * cannot be worked out from the others, is `null` with its `suppressed` flag set.
 */
export interface AggregateCell {
  /** First day of the period (`YYYY-MM-DD`). */
  readonly period: string;
  readonly academie: string;
  readonly theme: string;
  readonly usage: UsageMetrics | null;
  readonly usageSuppressed: boolean;
  readonly feedback: FeedbackMetrics | null;
  readonly feedbackSuppressed: boolean;
  /** Hours saved per active user and per week of the period, when both parts are shown. */
  readonly hoursSavedPerUserPerWeek: number | null;
  /** Documents of the académie's corpus (institutional: never suppressed). */
  readonly documents: { readonly ingested: number; readonly withdrawn: number };
}

/** Themes whose questions the documents most often did not answer, from the cells shown. */
export interface UnansweredTheme {
  readonly academie: string;
  readonly theme: string;
  readonly unanswered: number;
  /** Answers of the theme, refusals of excluded uses apart. */
  readonly answers: number;
}

/** `GET /api/v1/analytics/aggregates` and the reply of `mileva.analytics.aggregates`. */
export interface AggregatesResponse {
  readonly v: typeof ANALYTICS_CONTRACT_VERSION;
  readonly granularity: AnalyticsGranularity;
  /** The period asked for, widened to whole periods. */
  readonly from: string;
  readonly to: string;
  readonly academie: string;
  readonly theme: string;
  readonly by: readonly AnalyticsBreakdown[];
  readonly minUsers: number;
  readonly timeZone: string;
  /** Facts recorded up to this instant are counted. */
  readonly dataAsOf: string;
  readonly cells: readonly AggregateCell[];
  readonly topUnanswered: readonly UnansweredTheme[];
}

/** A group of similar questions the documents did not answer (`GET /api/v1/analytics/gaps`). */
export interface GapCluster {
  /** Most common theme of the group. */
  readonly theme: string;
  readonly questions: number;
  readonly users: number;
  /** Questions the documents did not answer. */
  readonly unanswerable: number;
  /** Answers rated « pas de source » by their user. */
  readonly noSource: number;
  /** The question closest to the others, pseudonymized. */
  readonly representative: string;
  /** A few other questions of the group, pseudonymized. */
  readonly examples: readonly string[];
  readonly firstAskedAt: string;
  readonly lastAskedAt: string;
}

export interface GapTheme {
  readonly theme: string;
  readonly questions: number;
  readonly unanswerable: number;
  readonly noSource: number;
}

/** What the documents of an académie miss: for its experts only. */
export interface GapReport {
  readonly academie: string;
  readonly from: string;
  readonly to: string;
  /** Questions considered (the most recent ones when there are more). */
  readonly questions: number;
  readonly themes: readonly GapTheme[];
  readonly clusters: readonly GapCluster[];
  /** Vector space the questions were grouped in. */
  readonly embeddings: string;
}
