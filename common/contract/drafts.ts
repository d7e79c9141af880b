import { z } from 'zod';
import { contentIdSchema } from './content.js';
import { codeSchema } from './playground.js';

/** A learner's unsubmitted code for one exercise, saved as they type. */
export const draftSchema = z.object({
  exerciseId: contentIdSchema,
  code: z.string(),
  /** ISO 8601 time of the last save, on whichever device made it. */
  savedAt: z.string(),
});
export type Draft = z.infer<typeof draftSchema>;

export const saveDraftInputSchema = z.strictObject({ exerciseId: contentIdSchema, code: codeSchema });

/** The code of the learner's last submission of an exercise, so they can go back to it. */
export const submissionSchema = z.object({
  exerciseId: contentIdSchema,
  code: z.string(),
  submittedAt: z.string(),
});
export type Submission = z.infer<typeof submissionSchema>;

/** The exercise's test file (tests.py), to show a test's code on demand. */
export const exerciseTestsSchema = z.object({ exerciseId: contentIdSchema, source: z.string() });
