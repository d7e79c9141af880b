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

/**
 * What a search answers. When the query as typed finds fewer than a few items and respelling its
 * unknown words from the index's vocabulary finds more, `didYouMean` carries the respelled query:
 * `applied` when the query as typed found nothing and `hits` are the respelled query's, else a
 * suggestion beside the query's own hits.
 */
export const searchResultSchema = z.object({
  hits: z.array(searchHitSchema),
  didYouMean: z.object({ query: z.string(), applied: z.boolean() }).nullable(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
