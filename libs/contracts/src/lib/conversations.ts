import type { Draft } from './generation';

/** The draft as the gateway gives it to the user who asked. */
export interface AskedDraftResponse extends Draft {
  readonly conversationId: string;
  /** Id of the stored assistant message, for feedback (absent when the gateway has no database). */
  readonly messageId?: string;
  /** Corpora that did not answer in time (the draft rests on the others). */
  readonly degraded: readonly { readonly corpus: string; readonly reason: string }[];
}

/** An item of `GET /api/v1/conversations` (ISO dates). */
export interface ConversationSummary {
  readonly id: string;
  readonly title: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ConversationList {
  readonly conversations: readonly ConversationSummary[];
}

export type ConversationMessageRole = 'user' | 'assistant';

/**
 * A turn of a conversation. Texts are re-filled with the user's personal data while the
 * conversation's pseudonymization session is alive, otherwise they show placeholders (`[PERSONNE_1]`).
 */
export interface ConversationMessage {
  readonly id: string;
  readonly role: ConversationMessageRole;
  readonly text: string;
  readonly draft?: AskedDraftResponse;
  readonly createdAt: string;
}

/** `GET /api/v1/conversations/:id`. */
export interface ConversationDetail {
  readonly id: string;
  readonly title: string;
  readonly createdAt: string;
  readonly messages: readonly ConversationMessage[];
}

export const FEEDBACK_REASONS = ['incomplete', 'wrong', 'outdated_source', 'no_source', 'too_long', 'other'] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

export const FEEDBACK_OUTCOMES = ['sent_as_is', 'edited', 'not_used'] as const;
export type FeedbackOutcome = (typeof FEEDBACK_OUTCOMES)[number];

export const FEEDBACK_MINUTES_MAX = 240;
export const FEEDBACK_COMMENT_MAX_CHARS = 2_000;

/** Body of `POST /api/v1/messages/:messageId/feedback`; a second one on the same message replaces the first. */
export interface FeedbackRequest {
  readonly useful: boolean;
  readonly reasons?: readonly FeedbackReason[];
  readonly outcome?: FeedbackOutcome;
  /** Whole minutes saved, 0 to 240. */
  readonly minutesSaved?: number;
  /** At most 2,000 characters; pseudonymized by the gateway before it is stored. */
  readonly comment?: string;
}

export interface FeedbackCreated {
  readonly id: string;
}
