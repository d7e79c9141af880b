import { z } from 'zod';
import { contentIdSchema } from './content.js';
import { quizAnswerSchema, quizQuestionSchema, quizResultSchema } from './quiz.js';

/** A skill id as the progress log and the review schedule carry it ("pack/skill"). */
const skillIdSchema = z.string().min(1).max(161);
const ms = z
  .number()
  .int()
  .min(0)
  .max(24 * 3600 * 1000);

/**
 * The share of reviews a learner wants to still recall when they come due (FSRS's request
 * retention). Below 70% reviews come so late that most are relearning; above 97% they come so often
 * that the workload grows several-fold for little gain.
 */
export const DESIRED_RETENTION_LIMITS = { min: 0.7, max: 0.97 } as const;
export const DEFAULT_DESIRED_RETENTION = 0.9;
export const desiredRetentionSchema = z.number().min(DESIRED_RETENTION_LIMITS.min).max(DESIRED_RETENTION_LIMITS.max);

/** FSRS's four grades, as the manual fallback and the derived rating name them. */
export const reviewRatingNames = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' } as const;
export const reviewRatingSchema = z.number().int().min(1).max(4);

/**
 * What to recall for a due skill: a quiz item of the skill (never the one answered last, when the
 * skill has another), or null when the skill has no quiz item and the learner rates it by hand.
 */
export const reviewQuestionSchema = z.object({
  skillId: z.string(),
  title: z.string(),
  question: quizQuestionSchema.nullable(),
});
export type ReviewQuestion = z.infer<typeof reviewQuestionSchema>;

export const reviewAnswerInputSchema = {
  skillId: skillIdSchema,
  itemId: contentIdSchema,
  answer: quizAnswerSchema,
  /** From showing the question to answering it: part of how well the skill came back. */
  timeSpentMs: ms,
};

/** The graded answer, the rating the core derived from it, and when the skill comes due next. */
export const reviewResultSchema = quizResultSchema.extend({
  skillId: z.string(),
  rating: reviewRatingSchema,
  /** Why this rating, in words ("right in 6 s: Easy"). */
  ratingReason: z.string(),
  nextDue: z.string(),
});
export type ReviewResult = z.infer<typeof reviewResultSchema>;

/** The longest forecast a learner may ask for. */
export const MAX_FORECAST_DAYS = 365;
/** Measured retention looks back this many days, as Anki's "true retention" does by default. */
export const RETENTION_WINDOW_DAYS = 30;

export const reviewForecastInputSchema = {
  days: z.number().int().min(1).max(MAX_FORECAST_DAYS).default(30),
  /** The learner's time zone, as `Date#getTimezoneOffset` gives it: days are local days. */
  tzOffsetMinutes: z
    .number()
    .int()
    .min(-14 * 60)
    .max(14 * 60)
    .default(0),
};

export const reviewForecastSchema = z.object({
  /** The next `days` local days from today; today counts the overdue reviews too. */
  days: z.array(z.object({ day: z.string(), due: z.number().int() })),
  /** Reviews due within the forecast, overdue ones included. */
  total: z.number().int(),
  /** The learner's setting the intervals were computed with. */
  desiredRetention: z.number(),
  /** Reviews of the last RETENTION_WINDOW_DAYS days, and how many were recalled (rated above Again). */
  retention: z.object({
    days: z.number().int(),
    reviews: z.number().int(),
    recalled: z.number().int(),
    /** recalled / reviews, or null without reviews. */
    share: z.number().nullable(),
  }),
});
export type ReviewForecast = z.infer<typeof reviewForecastSchema>;
