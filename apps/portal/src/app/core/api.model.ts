// Shapes of the gateway's HTTP API the portal reads (contract: docs/architecture.md, "Portal").
// Draft types come from the shared contracts as types only: no server code reaches the bundle.
import type { Draft, DraftCitation } from '@mileva/contracts';

export type { Draft, DraftCitation };

export const ROLES = ['gestionnaire', 'expert', 'superviseur', 'dgrh', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that ask questions and keep conversations (the DGRH reads national figures only). */
export const ASKING_ROLES: readonly Role[] = ['gestionnaire', 'expert', 'superviseur', 'admin'];

export type SessionMode = 'dev' | 'oidc';

export interface SessionUser {
  readonly id: string;
  /** An académie code, or `national`. */
  readonly academie: string;
  readonly role: Role;
  readonly name?: string;
}

/** `GET /api/v1/session`, `POST /api/v1/session/dev`. */
export interface Session {
  readonly user: SessionUser;
  readonly mode: SessionMode;
}

/** `GET /api/v1/session/options`: what the sign-in page offers. */
export interface SessionOptions {
  readonly mode: SessionMode;
  readonly roles: readonly string[];
  readonly academies: readonly { readonly code: string; readonly name: string }[];
}

/** Body of `POST /api/v1/questions`. */
export interface QuestionRequest {
  readonly question: string;
  readonly conversationId?: string;
  readonly theme?: string;
  /** `YYYY-MM-DD`: the rules in force at that date. */
  readonly date?: string;
}

/** The draft as the gateway sends it to the asking user. */
export interface AskedDraft extends Draft {
  readonly conversationId: string;
  /** Id of the stored assistant message, used for feedback. */
  readonly messageId?: string;
  /** Corpora that did not answer in time (the draft rests on the others). */
  readonly degraded?: readonly { readonly corpus: string; readonly reason: string }[];
}

/** `GET /api/v1/conversations`. */
export interface ConversationSummary {
  readonly id: string;
  readonly title: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ConversationMessage {
  readonly id: string;
  readonly role: 'user' | 'assistant';
  readonly text: string;
  readonly draft?: AskedDraft | Draft;
  readonly createdAt: string;
}

/** `GET /api/v1/conversations/:id`. */
export interface Conversation {
  readonly id: string;
  readonly title: string;
  readonly createdAt: string;
  readonly messages: readonly ConversationMessage[];
}

export const FEEDBACK_REASONS = ['incomplete', 'wrong', 'outdated_source', 'no_source', 'too_long', 'other'] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

export const FEEDBACK_OUTCOMES = ['sent_as_is', 'edited', 'not_used'] as const;
export type FeedbackOutcome = (typeof FEEDBACK_OUTCOMES)[number];

/** Body of `POST /api/v1/messages/:messageId/feedback`. */
export interface FeedbackRequest {
  readonly useful: boolean;
  readonly reasons?: readonly FeedbackReason[];
  readonly outcome?: FeedbackOutcome;
  /** Whole minutes, 0 to 240. */
  readonly minutesSaved?: number;
  /** At most 2,000 characters; pseudonymized by the gateway before storage. */
  readonly comment?: string;
}

export const FEEDBACK_MINUTES_MAX = 240;
export const FEEDBACK_COMMENT_MAX_CHARS = 2000;
/** The gateway refuses longer questions. */
export const QUESTION_MAX_CHARS = 4000;

/** An API error body: a code and a French message meant for the user. */
export interface ApiErrorBody {
  readonly code: string;
  readonly message: string;
  readonly details?: readonly string[];
}
