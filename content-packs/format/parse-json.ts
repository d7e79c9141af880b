import { z } from 'zod';

/** Parses JSON text by a schema; the error says which part of the pack is malformed and how. */
export function parseJsonAs<T>(schema: z.ZodType<T>, text: string, name: string): T {
  try {
    return schema.parse(JSON.parse(text));
  } catch (error) {
    const detail = error instanceof z.ZodError ? z.prettifyError(error) : (error as Error).message;
    throw new Error(`its ${name} is malformed (${detail})`, { cause: error });
  }
}
