import type { z } from 'zod';
import { ServerError } from './server-error.js';

/** Validates a request body; a failure answers 400 with zod's messages, each prefixed by its field. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const message = result.error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'body'}: ${issue.message}`)
    .join('; ');
  throw new ServerError('invalid-input', message);
}
