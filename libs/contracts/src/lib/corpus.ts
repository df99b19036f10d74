import type { AcademieDraftSettings } from './generation';
import type { AnswerEntry, DocumentSummary, IngestionFailure, IngestionFileOutcome } from './ingestion';
import type { UserRole } from './session';

/**
 * Roles that run a corpus: an expert runs the corpus of their own académie (or the national one
 * when that is theirs), an administrator any corpus.
 */
export const CORPUS_MANAGING_ROLES: readonly UserRole[] = ['expert', 'admin'];

/** Most files in one upload (`POST /api/v1/corpus/documents`). */
export const CORPUS_UPLOAD_MAX_FILES = 20;

/** `GET /api/v1/corpus/documents`. */
export interface CorpusDocumentList {
  readonly corpus: string;
  readonly documents: readonly DocumentSummary[];
}

/**
 * An ingestion job started from the portal (`POST`/`PUT /api/v1/corpus/documents…`, then
 * `GET /api/v1/corpus/jobs/:id`): how far it is, and what became of each file handled so far.
 */
export interface CorpusJob {
  readonly id: string;
  readonly corpus: string;
  /** `upload`: new files; `replace`: a new version of one document. */
  readonly kind: 'upload' | 'replace';
  /** The document replaced, for `replace`. */
  readonly replaces?: string;
  readonly state: 'running' | 'finished' | 'failed';
  readonly total: number;
  readonly done: number;
  readonly chunks: number;
  readonly files: readonly IngestionFileOutcome[];
  readonly startedAt: string;
  readonly finishedAt?: string;
  /** Why the whole job failed (service unreachable…), in French. */
  readonly error?: string;
}

/** Body of `PATCH /api/v1/corpus/documents/:id`: absent fields stay, `null` clears. */
export interface DocumentMetadataPatch {
  readonly theme?: string | null;
  readonly validFrom?: string | null;
  readonly validTo?: string | null;
}

/** `GET /api/v1/corpus/answers`. */
export interface AnswerList {
  readonly corpus: string;
  readonly answers: readonly AnswerEntry[];
}

/**
 * Body of `POST /api/v1/corpus/answers/:id/review`: approve (optionally with corrected texts,
 * pseudonymized again before they are stored) or reject.
 */
export interface AnswerReviewRequest {
  readonly decision: 'approve' | 'reject';
  readonly question?: string;
  readonly answer?: string;
}

/** `POST /api/v1/corpus/answers/import`: entries stored for review, duplicates, refused lines. */
export interface AnswersImportResult {
  readonly corpus: string;
  readonly stored: number;
  readonly duplicates: number;
  readonly failed: readonly IngestionFailure[];
}

/**
 * `GET`/`PUT /api/v1/instructions`: the académie's draft settings as its experts edit them. `contact`
 * names who to turn to (« la division des personnels enseignants ») and `contactAddress` how (an
 * e-mail address or a web address); drafts say both.
 */
export interface AcademieSettings extends AcademieDraftSettings {
  readonly contactAddress?: string;
}

/** Longest answer instructions, in characters. */
export const INSTRUCTIONS_MAX_CHARS = 20_000;
/** Longest AI-use mention, contact name or contact address, in characters. */
export const SETTINGS_SHORT_TEXT_MAX_CHARS = 1_000;
