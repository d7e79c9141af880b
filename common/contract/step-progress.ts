import { z } from 'zod';
import { messageRefSchema } from '../i18n/message.js';
import { contentIdSchema } from './content.js';

/**
 * How far a learner is with one lesson or exercise. "mastered": every skill it is tagged with is
 * mastered (done or not); "done": completed; "in-progress": opened or started, not finished.
 */
export const stepStates = ['not-started', 'in-progress', 'done', 'mastered'] as const;
export type StepProgressState = (typeof stepStates)[number];

const item = z.object({
  kind: z.enum(['lesson', 'exercise', 'quiz']),
  contentId: contentIdSchema,
  title: z.string(),
  /** Set for a quiz (the module's title with the core's word), said in the face's language. */
  titleI18n: messageRefSchema.optional(),
  moduleId: contentIdSchema,
});

export const stepProgressSchema = z.object({
  /** Every installed lesson and exercise, in teaching order. */
  steps: z.array(
    z.object({
      kind: z.enum(['lesson', 'exercise']),
      contentId: contentIdSchema,
      moduleId: contentIdSchema,
      state: z.enum(stepStates),
    }),
  ),
  /**
   * Where to continue: the last lesson opened or exercise started, while not finished ("unfinished");
   * once finished, the step after it in teaching order ("next"). Null before anything was opened, or
   * at the end of the course.
   */
  resume: item.extend({ why: z.enum(['unfinished', 'next']) }).nullable(),
});
export type StepProgress = z.infer<typeof stepProgressSchema>;
