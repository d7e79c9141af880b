import { z } from 'zod';
import { contentIdSchema } from './content.js';
import { learnerIdSchema } from './learners.js';
import { ruleText } from '../i18n/input-issues.js';

const ms = z
  .number()
  .int()
  .min(0)
  .max(24 * 3600 * 1000);
/** The skills an answer counts toward, copied from the pack: a pack item names at most this many. */
export const MAX_EVENT_SKILLS = 20;
const skills = z.array(z.string().min(1).max(161)).max(MAX_EVENT_SKILLS).default([]);

/** Each learner action, with the data it carries. Versioned by the event's `version`. */
export const progressEventData = {
  LessonOpened: z.strictObject({ lessonId: contentIdSchema }),
  LessonCompleted: z.strictObject({ lessonId: contentIdSchema, timeSpentMs: ms }),
  ExerciseStarted: z.strictObject({ exerciseId: contentIdSchema }),
  ExerciseSubmitted: z.strictObject({
    exerciseId: contentIdSchema,
    codeHash: z.string().regex(/^[0-9a-f]{64}$/, ruleText('rule-sha256-digest')),
    tests: z.array(z.strictObject({ name: z.string().max(200), status: z.enum(['pass', 'fail', 'error']) })).max(200),
    durationMs: ms,
    hintsUsed: z.number().int().min(0).max(20),
    skills,
  }),
  ExerciseCompleted: z.strictObject({ exerciseId: contentIdSchema }),
  QuizAnswered: z.strictObject({
    quizItemId: contentIdSchema,
    correct: z.boolean(),
    answer: z.string().max(500),
    timeSpentMs: ms,
    skills,
  }),
  AssessmentCompleted: z.strictObject({
    assessmentId: z.string().min(1).max(100),
    score: z.number().min(0),
    total: z.number().positive(),
  }),
  ReviewDone: z.strictObject({
    skillId: z.string().min(1).max(161),
    rating: z.number().int().min(1).max(4),
    /**
     * The quiz item the review asked, when it asked one. Not a QuizAnswered event: an answer moves
     * the skill's mastery time, which anchors its review card, so a review would restart its own card.
     */
    itemId: contentIdSchema.optional(),
  }),
} as const;

export type ProgressEventType = keyof typeof progressEventData;
export const progressEventTypes = Object.keys(progressEventData) as ProgressEventType[];

const eventOf = <T extends ProgressEventType>(type: T) =>
  z.strictObject({
    eventId: z.uuid({ version: 'v7' }),
    type: z.literal(type),
    aggregateId: z.string().min(1).max(161),
    userId: learnerIdSchema,
    // Milliseconds, always: stored times compare as strings.
    timestamp: z.iso.datetime({ precision: 3 }),
    data: progressEventData[type],
    version: z.literal(1),
  });

/** The seed's DomainEvent, one schema per type. */
export const progressEventSchema = z.discriminatedUnion('type', [
  eventOf('LessonOpened'),
  eventOf('LessonCompleted'),
  eventOf('ExerciseStarted'),
  eventOf('ExerciseSubmitted'),
  eventOf('ExerciseCompleted'),
  eventOf('QuizAnswered'),
  eventOf('AssessmentCompleted'),
  eventOf('ReviewDone'),
]);
export type ProgressEvent = z.infer<typeof progressEventSchema>;

/**
 * What faces may post. The rest are the core's own record of what it checked: it runs the code
 * (ExerciseSubmitted, ExerciseCompleted), grades quiz answers (QuizAnswered, through
 * `answerQuizItem`) and scores assessments (AssessmentCompleted), so a face that sent one would be
 * claiming a result nobody produced. Reviews too (ReviewDone): the core grades the review's question
 * and derives the rating (`answerReview`), or takes the learner's own only for a skill without any
 * question to ask (`rateReview`). Lessons are the learner's own report.
 */
export const facePostableEventTypes = [
  'LessonOpened',
  'LessonCompleted',
  'ExerciseStarted',
] as const satisfies readonly ProgressEventType[];
export type FacePostableEventType = (typeof facePostableEventTypes)[number];
export const isFacePostable = (type: string): type is FacePostableEventType =>
  (facePostableEventTypes as readonly string[]).includes(type);

const inputOf = <T extends ProgressEventType>(type: T) =>
  z.strictObject({
    eventId: z.uuid({ version: 'v7' }).optional(),
    type: z.literal(type),
    timestamp: z.iso.datetime({ precision: 3 }).optional(),
    data: progressEventData[type],
  });

/** What a face sends: the core fills in the id (if absent), learner, aggregate, time and version. */
export const trackInputSchema = z.discriminatedUnion(
  'type',
  [inputOf('LessonOpened'), inputOf('LessonCompleted'), inputOf('ExerciseStarted')],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? `a face may post only ${facePostableEventTypes.join(', ')}: the app records the others itself`
        : undefined,
  },
);
export type TrackInput = z.infer<typeof trackInputSchema>;

/** What the core records, of any type, before it stamps it: faces' inputs and its own results. */
export type RecordInput = {
  [T in ProgressEventType]: {
    eventId?: string;
    type: T;
    timestamp?: string;
    data: z.input<(typeof progressEventData)[T]>;
  };
}[ProgressEventType];

const completion = { total: z.number().int(), completed: z.number().int() };

/** Read in the learner's time zone: `tzOffsetMinutes` is what `Date#getTimezoneOffset` returns. */
export const summaryInputSchema = z.object({
  tzOffsetMinutes: z
    .number()
    .int()
    .min(-14 * 60)
    .max(14 * 60)
    .refine((m) => m % 15 === 0, ruleText('rule-zone-offset'))
    .default(0),
  days: z.number().int().min(1).max(366).default(30),
});

export const progressSummarySchema = z.object({
  learnerId: learnerIdSchema,
  lessonsCompleted: z.number().int(),
  exercisesCompleted: z.number().int(),
  quizItemsCorrect: z.number().int(),
  packs: z.array(z.object({ packId: z.string(), title: z.string(), ...completion })),
  modules: z.array(z.object({ moduleId: z.string(), packId: z.string(), title: z.string(), ...completion })),
  /** Share of correct attempts per skill, with the evidence behind it. */
  mastery: z.array(
    z.object({ skillId: z.string(), title: z.string(), correct: z.number().int(), attempts: z.number().int() }),
  ),
  streakDays: z.number().int(),
  longestStreakDays: z.number().int(),
  timeOnTaskMs: z.number().int(),
  /** The last `days` local days, oldest first, including days without activity. */
  days: z.array(z.object({ day: z.string(), events: z.number().int(), timeMs: z.number().int() })),
  /** Kind, title and module are null when the content is no longer installed. */
  resume: z
    .object({
      contentId: z.string(),
      kind: z.enum(['lesson', 'exercise', 'quiz']).nullable(),
      title: z.string().nullable(),
      moduleId: z.string().nullable(),
      at: z.string(),
    })
    .nullable(),
});
export type ProgressSummary = z.infer<typeof progressSummarySchema>;

export const userProgressSchema = z.object({
  lessons: z.array(
    z.object({
      lessonId: z.string(),
      firstOpenedAt: z.string().nullable(),
      completedAt: z.string().nullable(),
      timeMs: z.number().int(),
    }),
  ),
  exercises: z.array(
    z.object({
      exerciseId: z.string(),
      attempts: z.number().int(),
      bestPassed: z.number().int(),
      bestTotal: z.number().int(),
      maxHintsUsed: z.number().int(),
      completedAt: z.string().nullable(),
    }),
  ),
  quizItems: z.array(
    z.object({
      quizItemId: z.string(),
      attempts: z.number().int(),
      correct: z.number().int(),
      firstCorrectAt: z.string().nullable(),
    }),
  ),
});
export type UserProgress = z.infer<typeof userProgressSchema>;

export const appendResultSchema = z.object({ appended: z.number().int(), duplicates: z.number().int() });
export type AppendResult = z.infer<typeof appendResultSchema>;
