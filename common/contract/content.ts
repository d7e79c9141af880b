import { z } from 'zod';
import { ruleText } from '../i18n/input-issues.js';

const slug = '[a-z0-9]+(?:-[a-z0-9]+)*';

/** A pack-local id, as authors write it in a manifest. */
export const localIdSchema = z
  .string()
  .max(80)
  .regex(new RegExp(`^${slug}$`), ruleText('rule-id-slug'));

/** A catalog-wide id: `<pack id>/<local id>`, stable across pack versions. */
export const contentIdSchema = z
  .string()
  .max(161)
  .regex(new RegExp(`^${slug}/${slug}$`), ruleText('rule-content-id'));
export type ContentId = z.infer<typeof contentIdSchema>;

/**
 * The language a pack is written in (its manifest's "language", a tag like "en" or "pt-BR"), sent with its
 * content so a face marks the content with it (`lang`) and a screen reader pronounces it right whatever the
 * app's language. Absent from an older core: English, the language every pack was written in then.
 */
export const contentLanguageSchema = z.string().max(35).optional();
export const DEFAULT_CONTENT_LANGUAGE = 'en';

export const moduleSummarySchema = z.object({
  id: contentIdSchema,
  packId: localIdSchema,
  packTitle: z.string(),
  title: z.string(),
  description: z.string(),
  lessonCount: z.number().int().nonnegative(),
  language: contentLanguageSchema,
});
export type ModuleSummary = z.infer<typeof moduleSummarySchema>;

export const lessonSummarySchema = z.object({
  id: contentIdSchema,
  title: z.string(),
});
export type LessonSummary = z.infer<typeof lessonSummarySchema>;

export const exerciseSummarySchema = z.object({
  id: contentIdSchema,
  title: z.string(),
  difficulty: z.number().int().min(1).max(5),
});
export type ExerciseSummary = z.infer<typeof exerciseSummarySchema>;

export const moduleDetailSchema = moduleSummarySchema.extend({
  lessons: z.array(lessonSummarySchema),
  exercises: z.array(exerciseSummarySchema),
  /** Items in the module's quiz (0: no quiz). */
  quizItemCount: z.number().int().nonnegative(),
});
export type ModuleDetail = z.infer<typeof moduleDetailSchema>;

export const lessonSchema = z.object({
  id: contentIdSchema,
  moduleId: contentIdSchema,
  moduleTitle: z.string(),
  title: z.string(),
  markdown: z.string(),
  previousLessonId: contentIdSchema.nullable(),
  nextLessonId: contentIdSchema.nullable(),
  language: contentLanguageSchema,
});
export type Lesson = z.infer<typeof lessonSchema>;

export const exerciseSchema = exerciseSummarySchema.extend({
  moduleId: contentIdSchema,
  moduleTitle: z.string(),
  /** Markdown: what to build, with the function names the tests call. */
  prompt: z.string(),
  starter: z.string(),
  hints: z.array(z.string()),
  language: contentLanguageSchema,
});
export type Exercise = z.infer<typeof exerciseSchema>;
