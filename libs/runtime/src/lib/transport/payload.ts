import type { z } from 'zod';
import { ServiceError } from './service-error';

/**
 * Validates an incoming payload against its contract schema. A wrong contract version gives
 * `CONTRACT_VERSION`, anything else malformed gives `BAD_REQUEST`, each with the fields at fault.
 */
export function parsePayload<TSchema extends z.ZodType>(schema: TSchema, payload: unknown): z.infer<TSchema> {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => `${issue.path.join('.') || '(message)'} : ${issue.message}`);
  const versionIssue = result.error.issues.some((issue) => issue.path.length === 1 && issue.path[0] === 'v');
  if (versionIssue) {
    return failVersion(details);
  }
  throw new ServiceError('BAD_REQUEST', 'Message mal formé : vérifiez les champs indiqués.', details);
}

function failVersion(details: string[]): never {
  throw new ServiceError('CONTRACT_VERSION', 'Version de contrat non prise en charge : mettez à jour le service appelant.', details);
}
