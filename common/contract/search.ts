import { z } from 'zod';
import { contentIdSchema, localIdSchema } from './content.js';

export const contentKinds = ['lesson', 'exercise', 'quiz'] as const;

export const searchQuerySchema = z.strictObject({
  query: z.string().max(200),
  packId: localIdSchema.optional(),
  moduleId: contentIdSchema.optional(),
  kind: z.enum(contentKinds).optional(),
  difficulty: z.number().int().min(1).max(5).optional(),
  limit: z.number().int().min(1).max(100).default(20),
});
export type SearchQuery = z.input<typeof searchQuerySchema>;

/** A snippet as plain text runs, so no face ever has to trust HTML from the index. */
export const searchHitSchema = z.object({
  contentId: contentIdSchema,
  kind: z.enum(contentKinds),
  title: z.string(),
  moduleId: contentIdSchema,
  packId: localIdSchema,
  difficulty: z.number().int().nullable(),
  snippet: z.array(z.object({ text: z.string(), match: z.boolean() })),
});
export type SearchHit = z.infer<typeof searchHitSchema>;
