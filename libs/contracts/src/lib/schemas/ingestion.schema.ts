import { z } from 'zod';
import { ANONYMIZATION_CONTRACT_VERSION } from '../anonymization';
import { isThemeCode } from '@mileva/rh-taxonomy';
import { INGESTION_CONTRACT_VERSION, type IngestionFailureCode } from '../ingestion';

const isoDate = z.iso.date({ error: 'date attendue au format AAAA-MM-JJ' });

export const IngestOptionsSchema = z
  .object({
    corpus: z.string().regex(/^[a-z][a-z0-9-]*$/, 'code de corpus invalide'),
    theme: z.string().min(1).optional(),
    validFrom: isoDate.optional(),
    validTo: isoDate.optional(),
  })
  .refine((options) => !options.validFrom || !options.validTo || options.validFrom <= options.validTo, {
    error: 'la date de fin de validité précède la date de début',
    path: ['validTo'],
  });

export const IngestFilesRequestSchema = z
  .object({
    v: z.literal(INGESTION_CONTRACT_VERSION),
    options: IngestOptionsSchema,
    files: z
      .array(z.object({ name: z.string().min(1).max(300), contentBase64: z.base64() }))
      .min(1, 'au moins un fichier')
      .max(50),
    jobId: z.uuid().optional(),
    replaces: z.uuid().optional(),
  })
  .refine((request) => request.replaces === undefined || request.files.length === 1, {
    error: 'un remplacement porte sur un seul fichier',
    path: ['files'],
  });

export const GetDocumentRequestSchema = z.object({ v: z.literal(INGESTION_CONTRACT_VERSION), documentId: z.uuid() });

const themeCode = z.string().refine(isThemeCode, { error: 'thème inconnu : choisissez un thème de la liste' });

/** Validity dates in order, when both are given. */
function datesInOrder(dates: { validFrom?: string | null; validTo?: string | null }): boolean {
  return !dates.validFrom || !dates.validTo || dates.validFrom <= dates.validTo;
}

const DATES_ORDER_ERROR = { error: 'la date de fin de validité précède la date de début', path: ['validTo'] };

export const UpdateDocumentRequestSchema = z
  .object({
    v: z.literal(INGESTION_CONTRACT_VERSION),
    documentId: z.uuid(),
    theme: themeCode.nullable().optional(),
    validFrom: isoDate.nullable().optional(),
    validTo: isoDate.nullable().optional(),
  })
  .refine((request) => request.theme !== undefined || request.validFrom !== undefined || request.validTo !== undefined, {
    error: 'rien à modifier : donnez un thème ou une date de validité',
  })
  .refine(datesInOrder, DATES_ORDER_ERROR);

export const ImportAnswersRequestSchema = z.object({
  v: z.literal(INGESTION_CONTRACT_VERSION),
  fileName: z.string().min(1).max(300),
  contentBase64: z.base64(),
});

/** Body of `PATCH /api/v1/corpus/documents/:id` (a field absent stays, `null` clears it). */
export const DocumentMetadataPatchSchema = z
  .strictObject({
    theme: themeCode.nullable().optional(),
    validFrom: isoDate.nullable().optional(),
    validTo: isoDate.nullable().optional(),
  })
  .refine((patch) => patch.theme !== undefined || patch.validFrom !== undefined || patch.validTo !== undefined, {
    error: 'rien à modifier : donnez theme, validFrom ou validTo',
  })
  .refine(datesInOrder, DATES_ORDER_ERROR);

/** A multipart form field: trimmed, and absent when empty. */
function formField<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (typeof value === 'string' ? value.trim() || undefined : value), schema.optional());
}

/** Text fields of the multipart upload of documents (`theme`, `validFrom`, `validTo`), all optional. */
export const DocumentUploadFieldsSchema = z
  .object({
    theme: formField(themeCode),
    validFrom: formField(isoDate),
    validTo: formField(isoDate),
  })
  .refine(datesInOrder, DATES_ORDER_ERROR);

/** Body of `POST /api/v1/corpus/answers/:id/review`. */
export const AnswerReviewRequestSchema = z.strictObject({
  decision: z.enum(['approve', 'reject'], { error: 'decision doit valoir approve ou reject' }),
  question: z.string().trim().min(1, 'la question corrigée est vide').max(20_000).optional(),
  answer: z.string().trim().min(1, 'la réponse corrigée est vide').max(50_000).optional(),
}).refine((review) => review.decision === 'approve' || (review.question === undefined && review.answer === undefined), {
  error: 'une réponse rejetée ne se corrige pas : envoyez decision approve avec les textes corrigés',
});

/** Query of `GET /api/v1/corpus/answers`. */
export const AnswerStatusSchema = z.enum(['to_review', 'approved', 'rejected'], { error: 'status doit valoir to_review, approved ou rejected' });

export const WithdrawDocumentRequestSchema = z.object({ v: z.literal(INGESTION_CONTRACT_VERSION), documentId: z.uuid() });

export const ListDocumentsRequestSchema = z.object({ v: z.literal(INGESTION_CONTRACT_VERSION), includeInactive: z.boolean().optional() });

export const ListAnswersRequestSchema = z.object({
  v: z.literal(INGESTION_CONTRACT_VERSION),
  status: z.enum(['to_review', 'approved', 'rejected']).optional(),
});

export const ReviewAnswerRequestSchema = z.object({
  v: z.literal(INGESTION_CONTRACT_VERSION),
  entryId: z.uuid(),
  decision: z.enum(['approve', 'reject']),
  question: z.string().min(1).max(20_000).optional(),
  answer: z.string().min(1).max(50_000).optional(),
  reviewerHash: z.string().max(200).optional(),
});

export const PseudonymizeRequestSchema = z.object({
  v: z.literal(ANONYMIZATION_CONTRACT_VERSION),
  texts: z.array(z.string().max(100_000)).min(1).max(100),
});

export const PseudonymizeResponseSchema = z.object({
  v: z.literal(ANONYMIZATION_CONTRACT_VERSION),
  texts: z.array(z.string()),
  entities: z.record(z.string(), z.number().int().nonnegative()),
});

const INGESTION_FAILURE_CODES = [
  'EMPTY_FILE',
  'FILE_TOO_LARGE',
  'UNSUPPORTED_FORMAT',
  'EXTENSION_MISMATCH',
  'CORRUPT_FILE',
  'ENCRYPTED_PDF',
  'NO_TEXT_LAYER',
  'ZIP_BOMB',
  'INVALID_ENCODING',
  'READ_FAILED',
  'NO_CONTENT',
  'EMBEDDING_FAILED',
  'ANONYMIZATION_UNAVAILABLE',
  'INVALID_ENTRY',
  'STORAGE_FAILED',
] as const satisfies readonly IngestionFailureCode[];

export const IngestionFileOutcomeSchema = z.object({
  file: z.string(),
  status: z.enum(['ingested', 'updated', 'unchanged', 'failed']),
  documentId: z.uuid().optional(),
  version: z.number().int().positive().optional(),
  chunks: z.number().int().nonnegative(),
  code: z.enum(INGESTION_FAILURE_CODES).optional(),
  message: z.string().optional(),
});

/** Event `mileva.corpus.<code>.ingestion.progress`. */
export const IngestionProgressEventSchema = z.object({
  v: z.literal(INGESTION_CONTRACT_VERSION),
  jobId: z.string().min(1),
  corpus: z.string().regex(/^[a-z][a-z0-9-]*$/),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  chunks: z.number().int().nonnegative(),
  failures: z.number().int().nonnegative(),
  file: z.string().optional(),
  outcome: IngestionFileOutcomeSchema.optional(),
  finished: z.boolean(),
});
