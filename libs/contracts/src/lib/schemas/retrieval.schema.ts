import { z } from 'zod';
import { RETRIEVAL_CONTRACT_VERSION } from '../retrieval';

export const SearchRequestSchema = z.object({
  v: z.literal(RETRIEVAL_CONTRACT_VERSION),
  query: z.string().trim().min(1, 'la question est vide').max(4_000, 'la question dépasse 4 000 caractères'),
  k: z.number().int().min(1).max(50).optional(),
  date: z.iso.date({ error: 'date attendue au format AAAA-MM-JJ' }).optional(),
  theme: z.string().min(1).max(100).optional(),
  mode: z.enum(['hybrid', 'text', 'vector', 'bm25']).optional(),
});
