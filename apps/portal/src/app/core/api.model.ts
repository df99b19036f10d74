// Shapes of the gateway's HTTP API the portal reads (docs/architecture.md, "Portal"). The shared contracts are
// browser-safe: types and a few constant lists, no server code reaches the bundle.
export type {
  AcademieSettings,
  AnswerEntry,
  AnswerList,
  AnswerReviewRequest,
  AnswersImportResult,
  CorpusDocumentList,
  CorpusJob,
  DocumentMetadataPatch,
  DocumentSummary,
  IngestionFileOutcome,
  ConversationMessage,
  ConversationSummary,
  Draft,
  DraftCitation,
  FeedbackOutcome,
  FeedbackReason,
  FeedbackRequest,
  SessionOptions,
  SessionUser,
  AskedDraftResponse as AskedDraft,
  ConversationDetail as Conversation,
  SessionResponse as Session,
  SignInMode as SessionMode,
  UserRole as Role,
} from '@mileva/contracts';
export {
  ANSWERS_FILE_EXTENSIONS,
  ASKING_ROLES,
  CORPUS_DOCUMENT_EXTENSIONS,
  CORPUS_MANAGING_ROLES,
  CORPUS_UPLOAD_MAX_FILES,
  INSTRUCTIONS_MAX_CHARS,
  SETTINGS_SHORT_TEXT_MAX_CHARS,
  FEEDBACK_COMMENT_MAX_CHARS,
  FEEDBACK_MINUTES_MAX,
  FEEDBACK_OUTCOMES,
  FEEDBACK_REASONS,
  USER_ROLES as ROLES,
} from '@mileva/contracts';

/** Body of `POST /api/v1/questions`. */
export interface QuestionRequest {
  readonly question: string;
  readonly conversationId?: string;
  /** A theme code of `@mileva/rh-taxonomy`. */
  readonly theme?: string;
  /** `YYYY-MM-DD`: the rules in force at that date. */
  readonly date?: string;
}

/** The gateway refuses longer questions. */
export const QUESTION_MAX_CHARS = 4000;

/** An API error body: a code and a French message meant for the user. */
export interface ApiErrorBody {
  readonly code: string;
  readonly message: string;
  readonly details?: readonly string[];
}
