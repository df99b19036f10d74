import { z } from 'zod';
import { ANONYMIZATION_CONTRACT_VERSION } from '../anonymization';
import { INGESTION_CONTRACT_VERSION } from '../ingestion';

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

export const IngestFilesRequestSchema = z.object({
  v: z.literal(INGESTION_CONTRACT_VERSION),
  options: IngestOptionsSchema,
  files: z
    .array(z.object({ name: z.string().min(1).max(300), contentBase64: z.base64() }))
    .min(1, 'au moins un fichier')
    .max(50),
});

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
