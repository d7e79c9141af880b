import { z } from 'zod';
import { say } from '../../common/i18n/message.js';
import { PackReason } from './pack-reason.js';
import { sayIssues } from '../../common/i18n/input-issues.js';

/** Parses JSON text by a schema; the error says which part of the pack is malformed and how. */
export function parseJsonAs<T>(schema: z.ZodType<T>, text: string, name: string): T {
  try {
    return schema.parse(JSON.parse(text), { reportInput: true });
  } catch (error) {
    const detail = error instanceof z.ZodError ? sayIssues(error) : (error as Error).message;
    throw new PackReason(say('pack-part-malformed', { name, detail }), { cause: error });
  }
}
