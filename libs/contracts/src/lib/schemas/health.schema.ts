import { z } from 'zod';
import { HEALTH_CONTRACT_VERSION } from '../health';

export const HealthRequestSchema = z.object({ v: z.literal(HEALTH_CONTRACT_VERSION) });

export const PingRequestSchema = z.object({
  v: z.literal(HEALTH_CONTRACT_VERSION),
  nonce: z.string().min(1).max(200),
});
