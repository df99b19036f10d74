import { ServiceError } from '@mileva/runtime';
import type { z } from 'zod';

/** Validates a request body against its schema; a bad one gives a 400 with the French `message` and the fields at fault. */
export function parseBody<TSchema extends z.ZodType>(schema: TSchema, body: unknown, message: string): z.infer<TSchema> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new ServiceError(
    'BAD_REQUEST',
    message,
    result.error.issues.map((issue) => `${issue.path.join('.') || '(corps)'} : ${issue.message}`),
  );
}
