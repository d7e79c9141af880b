import { z } from 'zod';
import { contentIdSchema, contentLanguageSchema } from './content.js';

/** The longest answer a learner may type: the progress log keeps it whole in the QuizAnswered event. */
export const MAX_QUIZ_ANSWER_LENGTH = 500;
/** A choice item has at most this many choices (the pack format's limit). */
export const MAX_QUIZ_CHOICES = 8;
/** The longest code a learner may send for a code item: a small function, with room to spare. */
export const MAX_QUIZ_CODE_LENGTH = 20_000;

const questionBase = {
  id: contentIdSchema,
  prompt: z.string(),
  difficulty: z.number().int().min(1).max(5),
  skills: z.array(z.string()),
};

/**
 * A quiz item as a learner sees it before answering: never its answers or explanation, so a face
 * (or anyone reading the wire) cannot show them early.
 */
export const quizQuestionSchema = z.discriminatedUnion('kind', [
  z.object({
    ...questionBase,
    kind: z.literal('choice'),
    choices: z.array(z.string()),
    /** Several choices may be right ("choose all that apply"): answer with every right index. */
    multiple: z.boolean(),
  }),
  z.object({ ...questionBase, kind: z.literal('numeric') }),
  z.object({ ...questionBase, kind: z.literal('short') }),
  /** A small function to write, checked against hidden tests in the code sandbox. */
  z.object({ ...questionBase, kind: z.literal('code'), starter: z.string() }),
]);
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;

/** How every face and the core name a choice: A, B, C... for indexes 0, 1, 2... */
export const choiceLetter = (index: number): string => String.fromCharCode(65 + index);

/** Every item of a module's quiz, or only the ones the learner's latest answer got wrong. */
export const quizSelections = ['all', 'missed'] as const;

export const quizSchema = z.object({
  moduleId: contentIdSchema,
  moduleTitle: z.string(),
  only: z.enum(quizSelections),
  items: z.array(quizQuestionSchema),
  /** All the module's items, whatever `only` picked. */
  totalItems: z.number().int().nonnegative(),
  language: contentLanguageSchema,
});
export type Quiz = z.infer<typeof quizSchema>;

/**
 * An answer: a choice's 0-based index (single choice) or every chosen index (multiple); a number
 * (or the text of one) for a numeric item; the text for a short-answer item; `{ code }` for a code
 * item. The core checks the shape against the item's kind.
 */
export const quizAnswerSchema = z.union(
  [
    z.number(),
    z.string().max(MAX_QUIZ_ANSWER_LENGTH, `an answer is at most ${MAX_QUIZ_ANSWER_LENGTH} characters`),
    z.array(z.number()).max(MAX_QUIZ_CHOICES, `an answer names at most ${MAX_QUIZ_CHOICES} choices`),
    z.strictObject({
      code: z
        .string()
        .max(MAX_QUIZ_CODE_LENGTH, `code is at most ${MAX_QUIZ_CODE_LENGTH.toLocaleString('en')} characters`),
    }),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? `an answer is a choice’s index, a list of at most ${MAX_QUIZ_CHOICES} choice indexes, a number, ` +
          `text of at most ${MAX_QUIZ_ANSWER_LENGTH} characters, or { code } for a code item`
        : undefined,
  },
);
export type QuizAnswer = z.infer<typeof quizAnswerSchema>;

export const quizAnswerInputSchema = {
  moduleId: contentIdSchema,
  itemId: contentIdSchema,
  answer: quizAnswerSchema,
  /** How long the learner looked at the item before answering. */
  timeSpentMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3600 * 1000),
};

/** The graded answer, with what was right and why; recorded as a QuizAnswered event. */
export const quizResultSchema = z.object({
  itemId: contentIdSchema,
  correct: z.boolean(),
  /** The right answer in words ("4", "B and D", "0.5, give or take 0.05", "None"). */
  expected: z.string(),
  /** The right choices' indexes, for a choice item. */
  correctChoices: z.array(z.number().int()).optional(),
  explanation: z.string(),
  /** A code item's hidden tests, by name and verdict (`expected` then holds the reference solution). */
  checks: z
    .array(z.object({ name: z.string(), status: z.enum(['pass', 'fail', 'error']), message: z.string().optional() }))
    .optional(),
  /** Why a code item's tests could not judge the code (a syntax error, a time-out), in the learner's words. */
  checkMessage: z.string().optional(),
});
export type QuizResult = z.infer<typeof quizResultSchema>;
