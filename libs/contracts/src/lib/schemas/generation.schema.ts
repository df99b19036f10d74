import { z } from 'zod';
import { GENERATION_CONTRACT_VERSION } from '../generation';

const nullableDate = z.string().nullable();

export const DraftPassageSchema = z.object({
  n: z.number().int().min(1).max(100),
  chunkId: z.string().min(1),
  documentId: z.string().min(1),
  corpus: z.string().min(1),
  title: z.string(),
  sourceUri: z.string(),
  headingPath: z.array(z.string()),
  text: z.string().max(20_000),
  page: z.number().int().nullable(),
  pageEnd: z.number().int().nullable(),
  theme: z.string().nullable(),
  validFrom: nullableDate,
  validTo: nullableDate,
  kind: z.enum(['document', 'answer']),
  score: z.number(),
  local: z.boolean(),
});

export const DraftRequestSchema = z.object({
  v: z.literal(GENERATION_CONTRACT_VERSION),
  question: z.string().trim().min(1, 'la question est vide').max(4_000, 'la question dépasse 4 000 caractères'),
  academie: z.string().min(1).max(50),
  passages: z.array(DraftPassageSchema).max(50),
  answerable: z.boolean(),
  settings: z
    .object({
      instructions: z.string().max(20_000).optional(),
      instructionsVersion: z.number().int().optional(),
      contact: z.string().max(1_000).optional(),
      aiNotice: z.string().max(1_000).optional(),
    })
    .optional(),
  statuts: z.array(z.string()).optional(),
});
