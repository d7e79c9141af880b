import { z } from 'zod';
import { messageRefSchema, say } from '../i18n/message.js';
import type { Said } from '../i18n/message.js';
import { contentIdSchema, localIdSchema } from './content.js';
import { quizAnswerInputSchema, quizQuestionSchema } from './quiz.js';
import { ruleText } from '../i18n/input-issues.js';

/**
 * An adaptive test picks each item for the learner's estimated ability (2PL IRT); a fixed form
 * asks the items someone picked, in their order.
 */
export const assessmentKinds = ['adaptive', 'fixed'] as const;
export type AssessmentKind = (typeof assessmentKinds)[number];

/** The most items one assessment asks, and the longest time limit it may have. */
export const MAX_ASSESSMENT_ITEMS = 100;
export const MAX_ASSESSMENT_MINUTES = 600;

export const assessmentIdSchema = z.uuid({ version: 'v4', message: ruleText('rule-assessment-id') });

/** What to assess: a pack ("python-foundations") or a module ("python-foundations/functions"). */
export const topicIdSchema = z.union([contentIdSchema, localIdSchema], {
  error: () => 'a topic is a pack id ("python-foundations") or a module id ("python-foundations/functions")',
});

export const generateAssessmentInputSchema = {
  topicId: topicIdSchema,
  kind: z.enum(assessmentKinds).default('adaptive'),
  /** A fixed form's items, in order (a teacher's pick); items spread over the topic when left out. */
  itemIds: z.array(contentIdSchema).min(1).max(MAX_ASSESSMENT_ITEMS).optional(),
  /** A test the pack's authors wrote (`listAssessmentForms`): its items and time limit; the topic is the pack. */
  formId: localIdSchema.optional(),
  /** The core ends the assessment at this limit, whatever a face shows; none when left out. */
  timeLimitMinutes: z.number().int().min(1).max(MAX_ASSESSMENT_MINUTES).optional(),
  /** An adaptive test stops once its standard error is at most this... */
  targetSe: z.number().min(0.1).max(1).default(0.3),
  /** ...or after this many items. */
  maxItems: z.number().int().min(1).max(MAX_ASSESSMENT_ITEMS).default(20),
};

export const endReasons = ['precise', 'max-length', 'all-asked', 'time-up', 'handed-in'] as const;
export type EndReason = (typeof endReasons)[number];

/**
 * An assessment as a learner sees it while taking it: the current question, how far along, the
 * time left. Nothing about how earlier answers went (no verdicts, no ability), so nothing a face
 * shows can give the answers away before the end.
 */
export const assessmentSchema = z.object({
  assessmentId: assessmentIdSchema,
  kind: z.enum(assessmentKinds),
  topicId: z.string(),
  /** The content's title with the core's words around it ("Functions: adaptive test"), in English. */
  title: z.string(),
  /** The same as a catalog reference, so a face says the words around the content's title in its language. */
  titleI18n: messageRefSchema.optional(),
  status: z.enum(['in-progress', 'ended']),
  startedAt: z.string(),
  /** When the core ends it, or null without a time limit. */
  deadline: z.string().nullable(),
  /** Milliseconds until the deadline as the core counts them, or null without a time limit. */
  timeLeftMs: z.number().int().nonnegative().nullable(),
  endedAt: z.string().nullable(),
  endReason: z.enum(endReasons).nullable(),
  answered: z.number().int().nonnegative(),
  /** The most items it will ask (a fixed form asks all of them; an adaptive test may stop sooner). */
  maxItems: z.number().int().positive(),
  /** The item to answer now; null once it ended. */
  question: quizQuestionSchema.nullable(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

const { moduleId: _moduleId, ...answerFields } = quizAnswerInputSchema;
export const assessmentAnswerInputSchema = {
  assessmentId: assessmentIdSchema,
  /** The question answered (it must be the one asked now, so an answer sent twice is not counted twice), the answer, and how long it took. */
  ...answerFields,
};

/** How a learner stands on one skill of the test, and whether to study it next. */
export const skillResultSchema = z.object({
  skillId: z.string(),
  title: z.string(),
  answered: z.number().int(),
  correct: z.number().int(),
  /** The expected share right on the skill's items in the bank, at the skill's own ability estimate. */
  mastery: z.number().min(0).max(1),
  studyNext: z.boolean(),
  /** Where the skill is taught: the modules whose quizzes practise it. */
  modules: z.array(z.object({ moduleId: z.string(), title: z.string() })),
});
export type SkillResult = z.infer<typeof skillResultSchema>;

/** The report, once the assessment ended: the score, the ability, each skill, and every item with its key. */
export const assessmentResultSchema = z.object({
  assessmentId: assessmentIdSchema,
  kind: z.enum(assessmentKinds),
  topicId: z.string(),
  title: z.string(),
  titleI18n: messageRefSchema.optional(),
  startedAt: z.string(),
  endedAt: z.string(),
  endReason: z.enum(endReasons),
  answered: z.number().int(),
  correct: z.number().int(),
  /** The ability estimate (EAP, 0 is the average learner, most learners fall between -2 and 2). */
  ability: z.number(),
  standardError: z.number(),
  /** Weakest first; `studyNext` marks the ones to study before the others. */
  skills: z.array(skillResultSchema),
  items: z.array(
    z.object({
      question: quizQuestionSchema,
      answer: z.string(),
      correct: z.boolean(),
      expected: z.string(),
      correctChoices: z.array(z.number().int()).optional(),
      explanation: z.string(),
    }),
  ),
});
export type AssessmentResult = z.infer<typeof assessmentResultSchema>;

/** A fixed form a pack ships: started with `generateAssessment({ topicId: packId, formId })`. */
export const assessmentFormSchema = z.object({
  formId: z.string(),
  title: z.string(),
  items: z.number().int().positive(),
  timeLimitMinutes: z.number().int().nullable(),
});
export type AssessmentForm = z.infer<typeof assessmentFormSchema>;

/** One assessment in the learner's list: the ones to resume, and the history. */
export const assessmentSummarySchema = assessmentSchema
  .pick({
    assessmentId: true,
    kind: true,
    topicId: true,
    title: true,
    titleI18n: true,
    status: true,
    startedAt: true,
    endedAt: true,
  })
  .extend({
    answered: z.number().int(),
    /** Known once it ended. */
    correct: z.number().int().nullable(),
    ability: z.number().nullable(),
  });
export type AssessmentSummary = z.infer<typeof assessmentSummarySchema>;

/** Why an assessment ended, in words every face shows. */
export const endReasonSaid: Record<EndReason, Said> = {
  precise: say('end-precise'),
  'max-length': say('end-max-length'),
  'all-asked': say('end-all-asked'),
  'time-up': say('end-time-up'),
  'handed-in': say('end-handed-in'),
};
/** The same in English, for faces that show them as they are. */
export const endReasonWords = Object.fromEntries(
  Object.entries(endReasonSaid).map(([reason, said]) => [reason, said.text]),
) as Record<EndReason, string>;

/** An ability on the standard scale (0 is the average learner) in words (catalog keys in common/i18n). */
export function abilitySaid(theta: number): Said {
  if (theta >= 1) return say('ability-well-above');
  if (theta >= 0.3) return say('ability-above');
  if (theta > -0.3) return say('ability-average');
  if (theta > -1) return say('ability-below');
  return say('ability-well-below');
}
export const abilityWords = (theta: number): string => abilitySaid(theta).text;
