/** Version of the ingestion payloads. */
export const INGESTION_CONTRACT_VERSION = 1 as const;

/** Why a file or an entry could not be ingested. Each comes with a French message saying what to do. */
export type IngestionFailureCode =
  | 'EMPTY_FILE'
  | 'FILE_TOO_LARGE'
  | 'UNSUPPORTED_FORMAT'
  | 'EXTENSION_MISMATCH'
  | 'CORRUPT_FILE'
  | 'ENCRYPTED_PDF'
  | 'NO_TEXT_LAYER'
  | 'ZIP_BOMB'
  | 'INVALID_ENCODING'
  | 'READ_FAILED'
  | 'NO_CONTENT'
  | 'EMBEDDING_FAILED'
  | 'ANONYMIZATION_UNAVAILABLE'
  | 'INVALID_ENTRY'
  | 'STORAGE_FAILED';

export interface IngestionFailure {
  readonly file: string;
  readonly code: IngestionFailureCode;
  readonly message: string;
}

/** Options of an ingestion job, for every file of it. */
export interface IngestOptions {
  /** `national` or an académie code. */
  readonly corpus: string;
  /** Theme code of the taxonomy; inferred from the content when absent. */
  readonly theme?: string;
  /** First day in force (`YYYY-MM-DD`). */
  readonly validFrom?: string;
  /** Last day in force (`YYYY-MM-DD`). */
  readonly validTo?: string;
}

/** What the `mileva ingest --json` command prints, and what a job ends with. */
export interface IngestionSummary {
  readonly ingested: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly failed: readonly IngestionFailure[];
  /** Documents newly stored by this job (ingested + updated). */
  readonly documents: number;
  readonly chunks: number;
  readonly pages: number;
  readonly seconds: number;
}

/**
 * Extensions of the documents a corpus takes (PDF, Word, HTML, Markdown, text, XML). The gateway
 * refuses others at once; the ingestion service still checks that the content matches.
 */
export const CORPUS_DOCUMENT_EXTENSIONS = ['.pdf', '.docx', '.html', '.htm', '.md', '.markdown', '.txt', '.xml'] as const;

/** Extensions of a base of previous answers (CSV with `question` and `reponse` columns, or JSON Lines). */
export const ANSWERS_FILE_EXTENSIONS = ['.csv', '.jsonl', '.ndjson'] as const;

/** What became of one file of a job. */
export interface IngestionFileOutcome {
  /** File name as uploaded (an institutional document's name, never personal data). */
  readonly file: string;
  readonly status: 'ingested' | 'updated' | 'unchanged' | 'failed';
  /** The stored (or, when unchanged, the already active) version. */
  readonly documentId?: string;
  readonly version?: number;
  readonly chunks: number;
  /** Why it failed, with a French message saying what to do. */
  readonly code?: IngestionFailureCode;
  readonly message?: string;
}

/** Progress of an ingestion job, published as an event after each file. */
export interface IngestionProgressEvent {
  readonly v: typeof INGESTION_CONTRACT_VERSION;
  readonly jobId: string;
  readonly corpus: string;
  readonly done: number;
  readonly total: number;
  readonly pages: number;
  readonly chunks: number;
  readonly failures: number;
  /** File just handled (file names of institutional documents, never personal data). */
  readonly file?: string;
  /** What became of that file. */
  readonly outcome?: IngestionFileOutcome;
  readonly finished: boolean;
}

/** Ingests small files sent inline (base64), e.g. a portal upload. */
export interface IngestFilesRequest {
  readonly v: typeof INGESTION_CONTRACT_VERSION;
  readonly options: IngestOptions;
  readonly files: readonly { readonly name: string; readonly contentBase64: string }[];
  /** Identifier of the job, chosen by the caller to follow its progress events (a UUID). */
  readonly jobId?: string;
  /**
   * Id of an active document that the one file replaces: it becomes the next version of that
   * document (same source), which is superseded; theme and validity are kept unless given.
   */
  readonly replaces?: string;
}

/** What an ingestion job ends with, file by file. */
export interface IngestFilesResponse extends IngestionSummary {
  readonly jobId: string;
  readonly outcomes: readonly IngestionFileOutcome[];
}

export interface GetDocumentRequest {
  readonly v: typeof INGESTION_CONTRACT_VERSION;
  readonly documentId: string;
}

/**
 * Changes the metadata of an active document. A field absent stays as it is; `null` clears it.
 * The document's `updated_at` moves, so that searches notice the change.
 */
export interface UpdateDocumentRequest {
  readonly v: typeof INGESTION_CONTRACT_VERSION;
  readonly documentId: string;
  readonly theme?: string | null;
  readonly validFrom?: string | null;
  readonly validTo?: string | null;
}

/** Imports a base of previous answers (CSV or JSONL, sent inline): pseudonymized, then waiting for review. */
export interface ImportAnswersRequest {
  readonly v: typeof INGESTION_CONTRACT_VERSION;
  readonly fileName: string;
  readonly contentBase64: string;
}

export interface WithdrawDocumentRequest {
  readonly v: typeof INGESTION_CONTRACT_VERSION;
  readonly documentId: string;
}

export type DocumentStatusName = 'active' | 'superseded' | 'withdrawn';

export interface DocumentSummary {
  readonly id: string;
  readonly corpus: string;
  readonly title: string;
  readonly sourceUri: string;
  readonly theme: string | null;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly version: number;
  readonly status: DocumentStatusName;
  readonly kind: 'document' | 'answer';
  readonly chunks: number;
  readonly pages: number | null;
  readonly updatedAt: string;
}

export interface ListDocumentsRequest {
  readonly v: typeof INGESTION_CONTRACT_VERSION;
  readonly includeInactive?: boolean;
}

/** A previous answer as imported: pseudonymized, awaiting review. */
export interface AnswerEntry {
  readonly id: string;
  readonly corpus: string;
  readonly question: string;
  readonly answer: string;
  readonly theme: string | null;
  readonly reviewStatus: 'to_review' | 'approved' | 'rejected';
  readonly sourceRef: string | null;
}

export interface ReviewAnswerRequest {
  readonly v: typeof INGESTION_CONTRACT_VERSION;
  readonly entryId: string;
  readonly decision: 'approve' | 'reject';
  /** Edited (still pseudonymized) texts, when the expert corrected them. */
  readonly question?: string;
  readonly answer?: string;
  readonly reviewerHash?: string;
}
