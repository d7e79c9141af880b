import { z } from 'zod';
import { messageRefSchema } from '../i18n/message.js';
import { contentIdSchema } from './content.js';
import { targetSuccessSchema } from './learners.js';
import { summaryInputSchema } from './progress.js';

const share = z.number().min(0).max(1);
const difficulty = z.number().int().min(1).max(5);

/** Results a face saw but has not recorded (an adaptive quiz under way); they stand in for the recorded ones. */
export const performanceInputSchema = z.strictObject({
  correct: z.number().int().min(0).max(1000),
  attempts: z.number().int().min(1).max(1000),
  /** The mean difficulty (1-5) of what was tried; unknown, the recorded answers' is used. */
  difficulty: z.number().min(1).max(5).optional(),
});
export type PerformanceInput = z.infer<typeof performanceInputSchema>;

export const difficultyAdjustmentSchema = z.object({
  direction: z.enum(['easier', 'same', 'harder']),
  targetDifficulty: difficulty,
  /** Null until there is a result to go by. */
  observedSuccess: share.nullable(),
  attempts: z.number().int(),
  band: targetSuccessSchema,
  reason: z.string(),
  reasonI18n: messageRefSchema.optional(),
});
export type DifficultyAdjustment = z.infer<typeof difficultyAdjustmentSchema>;

/** A module id, a skill id (a module of the same id wins) or everything installed. */
export const pathGoalInputSchema = z.union([z.literal('all'), contentIdSchema]);

export const pathStepSchema = z.object({
  kind: z.enum(['lesson', 'exercise']),
  contentId: contentIdSchema,
  title: z.string(),
  moduleId: contentIdSchema,
  /** The chance of getting an exercise right now; null for lessons and steps done. */
  probability: share.nullable(),
  status: z.enum(['done', 'next', 'open', 'locked']),
  /** Titles of what a locked step waits for, nearest first. */
  waitsFor: z.array(z.string()),
  reason: z.string(),
  reasonI18n: messageRefSchema.optional(),
});
export type PathStep = z.infer<typeof pathStepSchema>;

export const learningPathSchema = z.object({
  goal: z.object({ kind: z.enum(['all', 'module', 'skill']), id: z.string().nullable(), title: z.string() }),
  /** Every step toward the goal, each after its prerequisites; exactly one is `next` while any is left. */
  steps: z.array(pathStepSchema),
  done: z.number().int(),
  remaining: z.number().int(),
  summary: z.string(),
  summaryI18n: messageRefSchema.optional(),
});
export type LearningPath = z.infer<typeof learningPathSchema>;

export const pathChangesSchema = z.object({
  /** False when no path was stored before: every remaining step counts as added. */
  hadPrevious: z.boolean(),
  completed: z.number().int(),
  added: z.number().int(),
  removed: z.number().int(),
  /** Steps left in both paths that moved: the fewest moves turning the old order into the new. */
  reordered: z.number().int(),
  summary: z.string(),
  summaryI18n: messageRefSchema.optional(),
});
export type PathChanges = z.infer<typeof pathChangesSchema>;

export const pathUpdateSchema = learningPathSchema.extend({ changes: pathChangesSchema });

const partOfDay = z.enum(['morning', 'afternoon', 'evening', 'night']);
export type PartOfDay = z.infer<typeof partOfDay>;

export const patternInputSchema = summaryInputSchema.pick({ tzOffsetMinutes: true });

/** Each finding carries one plain-language sentence a learner can read as is. */
export const learningPatternSchema = z.object({
  enoughData: z.boolean(),
  /** Graded answers looked at: the latest exercise submissions and quiz answers. */
  attempts: z.number().int(),
  summary: z.string(),
  summaryI18n: messageRefSchema.optional(),
  struggling: z.object({
    skills: z.array(
      z.object({ skillId: z.string(), title: z.string(), failed: z.number().int(), attempts: z.number().int() }),
    ),
    finding: z.string(),
    findingI18n: messageRefSchema.optional(),
  }),
  guessing: z.object({
    detected: z.boolean(),
    fastWrong: z.number().int(),
    wrong: z.number().int(),
    finding: z.string(),
    findingI18n: messageRefSchema.optional(),
  }),
  hintDependence: z.object({
    detected: z.boolean(),
    withHints: z.number().int(),
    submissions: z.number().int(),
    share: share.nullable(),
    finding: z.string(),
    findingI18n: messageRefSchema.optional(),
  }),
  timeOfDay: z.object({
    mostActive: partOfDay.nullable(),
    mostSuccessful: partOfDay.nullable(),
    finding: z.string(),
    findingI18n: messageRefSchema.optional(),
  }),
  streaks: z.object({
    current: z.number().int(),
    longest: z.number().int(),
    finding: z.string(),
    findingI18n: messageRefSchema.optional(),
  }),
});
export type LearningPattern = z.infer<typeof learningPatternSchema>;
