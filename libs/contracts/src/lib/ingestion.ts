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
  readonly finished: boolean;
}

/** Ingests small files sent inline (base64), e.g. a portal upload. */
export interface IngestFilesRequest {
  readonly v: typeof INGESTION_CONTRACT_VERSION;
  readonly options: IngestOptions;
  readonly files: readonly { readonly name: string; readonly contentBase64: string }[];
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
