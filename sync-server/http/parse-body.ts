import type { z } from 'zod';
import { parseInput } from '../../common/i18n/input-issues.js';
import { ServerError } from './server-error.js';

/** Validates a request body; a failure answers 400 with each issue said per field, through the catalog. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = parseInput(schema, body);
  if (parsed.success) return parsed.data;
  throw new ServerError('invalid-input', parsed.problem);
}
