import { z } from 'zod';
import { messageRefSchema } from '../i18n/message.js';
import { contentIdSchema, moduleSummarySchema } from './content.js';
import { contentKinds } from './search.js';

const kind = z.enum(contentKinds);

export const moduleStructureSchema = moduleSummarySchema.extend({
  requires: z.array(contentIdSchema),
  lessons: z.array(
    z.object({
      id: contentIdSchema,
      title: z.string(),
      skills: z.array(z.string()),
      requires: z.array(contentIdSchema),
    }),
  ),
  exercises: z.array(
    z.object({ id: contentIdSchema, title: z.string(), difficulty: z.number().int(), skills: z.array(z.string()) }),
  ),
  quizItemCount: z.number().int().nonnegative(),
});
export type ModuleStructure = z.infer<typeof moduleStructureSchema>;

export const sequenceItemSchema = z.object({
  contentId: contentIdSchema,
  kind,
  title: z.string(),
  /** A quiz's title is the module's with the core's word ("Functions: quiz"): a face says it in its language. */
  titleI18n: messageRefSchema.optional(),
  moduleId: contentIdSchema,
});
export type SequenceItem = z.infer<typeof sequenceItemSchema>;

export const prerequisitesSchema = z.object({
  contentId: contentIdSchema,
  /** Everything to finish first, transitively, nearest last. */
  prerequisites: z.array(z.object({ id: contentIdSchema, title: z.string(), depth: z.number().int().positive() })),
});
export type Prerequisites = z.infer<typeof prerequisitesSchema>;

export const contentVersionSchema = z.object({
  contentId: contentIdSchema,
  kind: z.enum(['lesson', 'exercise']),
  packId: z.string(),
  version: z.string(),
  title: z.string(),
  body: z.string(),
});
export type ContentVersion = z.infer<typeof contentVersionSchema>;
