import { stepProgressSchema } from './step-progress.js';
import { z } from 'zod';
import { messageRefSchema } from '../i18n/message.js';
import {
  difficultyAdjustmentSchema,
  learningPathSchema,
  learningPatternSchema,
  pathGoalInputSchema,
  pathUpdateSchema,
  patternInputSchema,
  performanceInputSchema,
} from './adaptive.js';
import {
  adminPasswordSchema,
  adminSessionSchema,
  adminStatusSchema,
  restoreResultSchema,
  shippedPackSchema,
} from './admin.js';
import { analyticsInputShape, checkAnalyticsRange, userAnalyticsSchema } from './analytics.js';
import { appInfoSchema } from './app-info.js';
import {
  contentIdSchema,
  exerciseSchema,
  lessonSchema,
  localIdSchema,
  moduleDetailSchema,
  moduleSummarySchema,
} from './content.js';
import type { LearnMethod } from './methods.js';
import {
  importResultSchema,
  learnerIdSchema,
  learnerSchema,
  learnerSessionSchema,
  learnerSummarySchema,
  pinSchema,
  preferencesSchema,
  preferencesUpdateSchema,
  profileSchema,
  profileUpdateSchema,
  sessionSchema,
} from './learners.js';
import { draftSchema, exerciseTestsSchema, saveDraftInputSchema, submissionSchema } from './drafts.js';
import { installedPackSchema, installResultSchema, trustedKeySchema } from './packs.js';
import {
  executeRequestSchema,
  executeResultSchema,
  liveIdSchema,
  liveSummarySchema,
  playgroundStatusSchema,
  runIdSchema,
  sandboxIdSchema,
  sandboxRunRequestSchema,
  sandboxRunResultSchema,
  workspaceFilesSchema,
  validateRequestSchema,
  validateResultSchema,
} from './playground.js';
import {
  appendResultSchema,
  progressSummarySchema,
  summaryInputSchema,
  trackInputSchema,
  userProgressSchema,
} from './progress.js';
import {
  reviewAnswerInputSchema,
  reviewForecastInputSchema,
  reviewForecastSchema,
  reviewQuestionSchema,
  reviewRatingSchema,
  reviewResultSchema,
} from './reviews.js';
import { quizAnswerInputSchema, quizResultSchema, quizSchema, quizSelections } from './quiz.js';
import {
  assessmentAnswerInputSchema,
  assessmentFormSchema,
  assessmentIdSchema,
  assessmentResultSchema,
  assessmentSchema,
  assessmentSummarySchema,
  generateAssessmentInputSchema,
  topicIdSchema,
} from './assessments.js';
import { searchQuerySchema, searchResultSchema } from './search.js';
import { syncLinkInputSchema, syncStatusSchema } from './sync.js';
import { classroomApi } from './classroom.js';
import { notificationIdsSchema, notificationListSchema, sendMessageSchema, sendResultSchema } from './notifications.js';
import {
  distributionStatusSchema,
  folderInstallSummarySchema,
  foundServerSchema,
  publishResultSchema,
} from './distribution.js';
import { progressVisibilitySchema } from './privacy.js';
import { contentVersionSchema, moduleStructureSchema, prerequisitesSchema, sequenceItemSchema } from './structure.js';

interface MethodSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
}

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> => ({
  input,
  output,
});

/** Learner methods carry the session `openLearnerSession` returned: it names the learner and proves the PIN. */
const asLearner = <S extends z.ZodRawShape>(shape: S) => z.strictObject({ session: sessionSchema, ...shape });
/**
 * Admin methods (common/contract/admin.ts) carry an admin session, from `unlockAdmin`. Optional in
 * the schema so that a call without one reaches the core's gate and hears why, like a learner's.
 */
const asAdmin = <S extends z.ZodRawShape>(shape: S) => z.strictObject({ session: sessionSchema.optional(), ...shape });
const file = z.string().min(1).max(4096);

/** Methods that take nothing accept `undefined` or `{}`, so every transport can send one JSON value. */
const noInput = z.strictObject({}).optional();

/**
 * The API every face exposes, written once: each method's input and output schema.
 * Faces validate inputs with these schemas before the core sees them.
 */
export const learnApi = {
  getAppInfo: method(noInput, appInfoSchema),
  listModules: method(noInput, z.array(moduleSummarySchema)),
  getModule: method(z.strictObject({ moduleId: contentIdSchema }), moduleDetailSchema),
  getLesson: method(z.strictObject({ lessonId: contentIdSchema }), lessonSchema),
  getExercise: method(z.strictObject({ exerciseId: contentIdSchema }), exerciseSchema),
  searchContent: method(searchQuerySchema, searchResultSchema),
  getModuleStructure: method(z.strictObject({ moduleId: contentIdSchema }), moduleStructureSchema),
  getPrerequisites: method(z.strictObject({ contentId: contentIdSchema }), prerequisitesSchema),
  /** What follows in the pack's teaching order (lessons, then exercises, then the quiz of each module). */
  getNextContent: method(z.strictObject({ currentId: contentIdSchema }), sequenceItemSchema.nullable()),
  getContentVersion: method(
    z.strictObject({ contentId: contentIdSchema, version: z.string().min(1).max(64).optional() }),
    contentVersionSchema,
  ),
  listPacks: method(noInput, z.array(installedPackSchema)),
  installPack: method(
    asAdmin({
      file: z.string().min(1).max(4096),
      allowDowngrade: z.boolean().default(false),
      /** Re-pin the pack id to this file's signing key (an admin's explicit choice). */
      replaceKey: z.boolean().optional(),
    }),
    installResultSchema,
  ),
  removePack: method(asAdmin({ packId: localIdSchema }), z.null()),
  activatePackVersion: method(asAdmin({ packId: localIdSchema, version: z.string().min(1).max(64) }), z.null()),
  /** The packs shipped with the app and whether each is still as shipped. */
  listShippedPacks: method(noInput, z.array(shippedPackSchema)),
  /** Installs a shipped pack's own version again, pinned to the app, whatever replaced or removed it. */
  restoreShippedPack: method(asAdmin({ packId: localIdSchema }), restoreResultSchema),
  listTrustedKeys: method(noInput, z.array(trustedKeySchema)),
  addTrustedKey: method(
    asAdmin({ publicKey: z.string().min(1).max(1000), label: z.string().min(1).max(200) }),
    trustedKeySchema,
  ),
  removeTrustedKey: method(asAdmin({ keyId: z.string().regex(/^[0-9a-f]{16}$/) }), z.null()),

  getAdminStatus: method(noInput, adminStatusSchema),
  /**
   * Sets the machine admin password. The first one needs nothing (whoever sets up the machine);
   * changing it needs an admin session. Either way the caller comes back unlocked.
   */
  setAdminPassword: method(
    z.strictObject({ password: adminPasswordSchema, session: sessionSchema.optional() }),
    adminSessionSchema,
  ),
  /** The admin password for an admin session; wrong ones lock unlocking out as wrong PINs do. */
  unlockAdmin: method(z.strictObject({ password: z.string().min(1).max(200) }), adminSessionSchema),
  lockAdmin: method(z.strictObject({ session: sessionSchema }), z.null()),

  listLearners: method(noInput, z.array(learnerSummarySchema)),
  /** The seed's createUser; the new learner's session comes back, so the face can go straight in. */
  createLearner: method(z.strictObject({ profile: profileSchema, pin: pinSchema.optional() }), learnerSessionSchema),
  openLearnerSession: method(
    z.strictObject({ learnerId: learnerIdSchema, pin: pinSchema.optional() }),
    learnerSessionSchema,
  ),
  closeLearnerSession: method(asLearner({}), z.null()),
  getLearner: method(asLearner({}), learnerSchema),
  updateProfile: method(asLearner({ profile: profileUpdateSchema }), learnerSchema),
  getUserPreferences: method(asLearner({}), preferencesSchema),
  updatePreferences: method(asLearner({ preferences: preferencesUpdateSchema }), preferencesSchema),
  /** Sets, changes or (with null) removes the PIN; the session already proved the old one. */
  setPin: method(asLearner({ pin: pinSchema.nullable() }), z.null()),
  /** An admin's: writes the export file first; `confirmName` must repeat the display name. */
  removeLearner: method(
    asAdmin({ learnerId: learnerIdSchema, confirmName: z.string().min(1).max(60) }),
    z.strictObject({ exportFile: file }),
  ),
  exportLearner: method(asLearner({ file: file.optional() }), z.strictObject({ file, events: z.number().int() })),
  /** Idempotent: events already present are skipped. Into an existing learner with a PIN only with their session. */
  importLearner: method(z.strictObject({ file, session: sessionSchema.optional() }), importResultSchema),
  /** The seed's trackProgress: one event. */
  trackProgress: method(asLearner({ event: trackInputSchema }), appendResultSchema),
  /** The seed's updateUserProgress: a batch, in one transaction. */
  updateUserProgress: method(asLearner({ events: z.array(trackInputSchema).min(1).max(5000) }), appendResultSchema),
  getUserProgress: method(asLearner({}), userProgressSchema),
  getProgressSummary: method(asLearner(summaryInputSchema.shape), progressSummarySchema),
  /** The seed's getUserAnalytics over local days: time on task, mastery over time, accuracy, activity, assessments. */
  getUserAnalytics: method(asLearner(analyticsInputShape).superRefine(checkAnalyticsRange), userAnalyticsSchema),
  /** A module's quiz without answers or explanations; `only: 'missed'` keeps the items last answered wrong. */
  getQuiz: method(asLearner({ moduleId: contentIdSchema, only: z.enum(quizSelections).default('all') }), quizSchema),
  /** Grades one answer in the core and records it (QuizAnswered); returns the right answer and its explanation. */
  answerQuizItem: method(asLearner(quizAnswerInputSchema), quizResultSchema),
  /** Starts an adaptive test or a fixed form of a pack or module; returns it with its first question. */
  generateAssessment: method(asLearner(generateAssessmentInputSchema), assessmentSchema),
  /** An assessment to resume: the question asked now and the time left (ended by the core at its deadline). */
  getAssessment: method(asLearner({ assessmentId: assessmentIdSchema }), assessmentSchema),
  /** Grades the answer to the current question without saying how it went; returns the next question or the end. */
  answerAssessmentItem: method(asLearner(assessmentAnswerInputSchema), assessmentSchema),
  /** Ends the assessment if it still runs (handed in), records AssessmentCompleted, and returns the report. */
  evaluateAssessment: method(asLearner({ assessmentId: assessmentIdSchema }), assessmentResultSchema),
  /** The learner's assessments, newest first: the ones to resume and the history. */
  listAssessments: method(asLearner({}), z.array(assessmentSummarySchema)),
  /** The tests a pack ships (fixed forms with their time limits); none for a module. */
  listAssessmentForms: method(asLearner({ topicId: topicIdSchema }), z.array(assessmentFormSchema)),
  getPlaygroundStatus: method(
    z
      .strictObject({
        runtime: z
          .string()
          .regex(/^[a-z0-9.-]{1,40}$/)
          .default('python-3.11'),
      })
      .default({
        runtime: 'python-3.11',
      }),
    playgroundStatusSchema,
  ),
  /** The seed's executeCode: a fresh hardened container per run. */
  executeCode: method(asLearner(executeRequestSchema.shape), executeResultSchema),
  /** Stops the learner's run of that id (its executeCode then answers with what it printed); no run, no-op. */
  cancelRun: method(asLearner({ runId: runIdSchema }), z.null()),
  /** The seed's validateCode: the exercise's tests against the code; records an ExerciseSubmitted event. */
  validateCode: method(asLearner(validateRequestSchema.shape), validateResultSchema),
  /** The seed's live sessions: edits are checked as you type; feedback arrives as live-feedback events. */
  startLiveSession: method(asLearner({ exerciseId: contentIdSchema }), z.strictObject({ liveId: liveIdSchema })),
  updateLiveCode: method(asLearner({ liveId: liveIdSchema, code: z.string().max(200_000) }), z.null()),
  endLiveSession: method(asLearner({ liveId: liveIdSchema }), liveSummarySchema),
  /** The seed's createSandbox: a scratch workspace whose files persist between runs, for this learner only. */
  createSandbox: method(asLearner({}), z.strictObject({ sandboxId: sandboxIdSchema, files: workspaceFilesSchema })),
  runInSandbox: method(asLearner(sandboxRunRequestSchema.shape), sandboxRunResultSchema),
  destroySandbox: method(asLearner({ sandboxId: sandboxIdSchema }), z.null()),
  /** The seed's predictPerformance: the chance this learner gets this content right next, with its confidence. */
  predictPerformance: method(
    asLearner({ contentId: contentIdSchema }),
    z.object({
      probability: z.number().min(0).max(1),
      confidence: z.number().min(0).max(1),
      /** The evidence: attempts and right answers on the content's skills. */
      attempts: z.number().int(),
      correct: z.number().int(),
      /** Which model answered: the deep model, or the simple one ('pooled PFA'); English, `modelI18n` for a face. */
      model: z.string(),
      modelI18n: messageRefSchema.optional(),
      /** Why the deep model did not answer, when it did not (too little history, no or a damaged model file). */
      note: z.string().optional(),
      noteI18n: messageRefSchema.optional(),
    }),
  ),
  /** The seed's recommendNextExercise: what to do next and why, in words a learner understands. */
  recommendNextExercise: method(
    asLearner({}),
    z
      .object({
        kind: z.enum(['exercise', 'lesson']),
        contentId: contentIdSchema,
        title: z.string(),
        moduleId: contentIdSchema,
        probability: z.number().min(0).max(1).nullable(),
        reason: z.string(),
        reasonI18n: messageRefSchema.optional(),
      })
      .nullable(),
  ),
  /** Done / in progress / mastered per lesson and exercise, and where to continue: for the home and module screens. */
  getStepProgress: method(asLearner({}), stepProgressSchema),
  /** Mastered skills in spaced review (FSRS), soonest first; `due` at or before now means due. */
  getReviewSchedule: method(
    asLearner({}),
    z.array(z.object({ skillId: z.string(), title: z.string(), due: z.string(), reviews: z.number().int() })),
  ),
  /** A question to recall a due skill with: a quiz item of it not answered last; null question when it has none. */
  getReviewQuestion: method(asLearner({ skillId: z.string().min(1).max(161) }), reviewQuestionSchema),
  /** Grades a review's answer, derives its FSRS rating from the answer and the time, and records it (ReviewDone). */
  answerReview: method(asLearner(reviewAnswerInputSchema), reviewResultSchema),
  /** The learner's own rating, only for a due skill without any quiz item to ask. */
  rateReview: method(
    asLearner({ skillId: z.string().min(1).max(161), rating: reviewRatingSchema }),
    z.object({ skillId: z.string(), rating: reviewRatingSchema, nextDue: z.string() }),
  ),
  /** Reviews due per day over the next `days` days, and the measured retention of the last 30 days. */
  getReviewForecast: method(asLearner(reviewForecastInputSchema), reviewForecastSchema),
  /** The seed's adjustDifficulty: easier, the same or harder, to keep recent success inside the learner's band. */
  adjustDifficulty: method(asLearner({ performance: performanceInputSchema.optional() }), difficultyAdjustmentSchema),
  /** The seed's generateLearningPath: ordered steps toward a goal (else the profile's, else everything); stored. */
  generateLearningPath: method(asLearner({ goal: pathGoalInputSchema.optional() }), learningPathSchema),
  /** The seed's updateLearningPath: the stored path's goal recomputed after new progress, and what changed. */
  updateLearningPath: method(asLearner({}), pathUpdateSchema),
  /** The seed's analyzeUserPattern: struggles, guessing, hint use, time of day and streaks, in plain words. */
  analyzeUserPattern: method(asLearner(patternInputSchema.shape), learningPatternSchema),
  /** Signs in to a sync server (POST /auth/login) and links this learner to the account; syncing starts. */
  linkSyncAccount: method(asLearner(syncLinkInputSchema.shape), syncStatusSchema),
  /** Signs out (POST /auth/logout) and forgets the synced copy; the progress on this machine stays. */
  unlinkSyncAccount: method(asLearner({}), syncStatusSchema),
  /** Tries again at once (after an error or between retries) and re-syncs every document. */
  syncNow: method(asLearner({}), syncStatusSchema),
  getSyncStatus: method(asLearner({}), syncStatusSchema),
  /** Who on the linked class server can see this learner's progress (GET /me/visibility); null when not linked or unreachable. */
  getSyncVisibility: method(asLearner({}), progressVisibilitySchema.nullable()),
  /** The learner's saved code for an exercise, or null when they have not changed its starter. */
  getDraft: method(asLearner({ exerciseId: contentIdSchema }), draftSchema.nullable()),
  /** Saves the learner's code for an exercise (as they type); it syncs with their notes when linked. */
  saveDraft: method(asLearner(saveDraftInputSchema.shape), draftSchema),
  /** The code of the learner's last submission of an exercise (validateCode keeps it), or null. */
  getLastSubmission: method(asLearner({ exerciseId: contentIdSchema }), submissionSchema.nullable()),
  /** The exercise's tests (tests.py), so a learner can read the code of a test. */
  getExerciseTests: method(z.strictObject({ exerciseId: contentIdSchema }), exerciseTestsSchema),
  ...classroomApi,
  /** The learner's notifications (synced inbox and this device's own), newest first, and how many are unread. */
  listNotifications: method(asLearner({}), notificationListSchema),
  /** Marks read; a synced item's mark reaches the learner's other devices. */
  markNotificationsRead: method(asLearner({ ids: notificationIdsSchema }), notificationListSchema),
  markAllNotificationsRead: method(asLearner({}), notificationListSchema),
  /** Removes from the list (on every device, for synced items). */
  dismissNotifications: method(asLearner({ ids: notificationIdsSchema }), notificationListSchema),
  /** A teacher or admin sends a message through the class server this learner's profile is linked to. */
  sendNotification: method(asLearner({ message: sendMessageSchema }), sendResultSchema),
  /** The background pull of the class server's pack feed (signed-in accounts' server): state and last outcomes. */
  getDistributionStatus: method(noInput, distributionStatusSchema),
  /** Checks the class server's pack feed at once and brings what it lists. */
  pullPacksNow: method(noInput, distributionStatusSchema),
  /** Installs every .lpack in a folder on this machine (a USB stick); one outcome per file. */
  installPackFolder: method(asAdmin({ folder: file }), folderInstallSummarySchema),
  /**
   * Publishes a signed .lpack on the class server the profile of `learnerSession` is linked to, as that account
   * (a server admin): every app signed in to the server then pulls it. Needs the machine admin too.
   */
  publishPack: method(asAdmin({ learnerSession: sessionSchema, file }), publishResultSchema),
  /** Class servers announcing themselves on the LAN (mDNS), listened for a moment; the manual address is the fallback. */
  findClassServers: method(noInput, z.array(foundServerSchema)),
} satisfies Record<LearnMethod, MethodSpec<z.ZodType, z.ZodType>>;

export type LearnApiSpec = typeof learnApi;
export { learnMethods } from './methods.js';
export type { LearnMethod } from './methods.js';

export type InputOf<M extends LearnMethod> = z.input<LearnApiSpec[M]['input']>;
export type ParsedInputOf<M extends LearnMethod> = z.output<LearnApiSpec[M]['input']>;
export type OutputOf<M extends LearnMethod> = z.output<LearnApiSpec[M]['output']>;

type ArgsOf<M extends LearnMethod> = undefined extends InputOf<M> ? [input?: InputOf<M>] : [input: InputOf<M>];

/** What the renderer and other callers program against. */
export type LearnApi = { [M in LearnMethod]: (...args: ArgsOf<M>) => Promise<OutputOf<M>> };

/** What the core implements: inputs arrive already validated. */
export type LearnService = { [M in LearnMethod]: (input: ParsedInputOf<M>) => Promise<OutputOf<M>> };

export const isLearnMethod = (name: string): name is LearnMethod => Object.hasOwn(learnApi, name);
