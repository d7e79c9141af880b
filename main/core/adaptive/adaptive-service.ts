import type { LearnService } from '../../../common/contract/api.js';
import { LearnError } from '../../../common/contract/errors.js';
import { asField, refOf, say } from '../../../common/i18n/message.js';
import type { Said } from '../../../common/i18n/message.js';
import { DEFAULT_TARGET_SUCCESS } from '../../../common/contract/learners.js';
import type { CatalogStore } from '../content/catalog-store.js';
import type { ProgressReader } from '../progress/progress-reader.js';
import type { LearnerSessions } from '../users/learner-sessions.js';
import type { LearnerStore } from '../users/learner-store.js';
import type { Candidates } from './policy/candidates.js';
import type { FinishedSteps } from './policy/finished-steps.js';
import type { KnowledgeModel } from './models/inference/knowledge-model.js';
import { adjustDifficulty, RECENT_ANSWERS } from './policy/difficulty-adjustment.js';
import type { LearningPaths } from './policy/learning-path.js';
import { predictFromEvidence } from './models/performance-prior.js';
import type { PracticeHistory } from './practice-history.js';
import type { ReviewSchedule } from './policy/review-schedule.js';
import type { KeptPaces } from './policy/kept-paces.js';
import { drawPace, explainPick, measuredPace, PACE_ANSWERS, pickOnPace } from './policy/recommendation.js';
import { pathChanges } from './policy/stored-paths.js';
import type { StoredPaths } from './policy/stored-paths.js';
import { analyzeUserPattern, PATTERN_ANSWERS, PATTERN_DAYS } from './user-pattern.js';

export type AdaptiveService = Pick<
  LearnService,
  | 'predictPerformance'
  | 'recommendNextExercise'
  | 'getStepProgress'
  | 'getReviewSchedule'
  | 'adjustDifficulty'
  | 'generateLearningPath'
  | 'updateLearningPath'
  | 'analyzeUserPattern'
>;

/** A reason as the wire carries it: English, and the reference each face says in its learner's language. */
const because = (reason: Said) => ({ reason: reason.text, reasonI18n: refOf(reason) });

/** Where practice teaches most, unless the learner set their own band (preferences.targetSuccess). */
export const TARGET_BAND = DEFAULT_TARGET_SUCCESS;

/** The seed's adaptive reads. Predictions come from the deep model once it knows enough, else the calibrated simple model. */
export function createAdaptiveService(deps: {
  sessions: LearnerSessions;
  catalog: Pick<CatalogStore, 'difficultyOf' | 'difficulties' | 'structure'>;
  reader: Pick<ProgressReader, 'skillEvidence' | 'evidenceBySkill' | 'summary'>;
  candidates: Candidates;
  /** What counts as done, shared with the learning path so "Up next" never names a step the path shows done. */
  finished: FinishedSteps;
  reviews: ReviewSchedule;
  learners: Pick<LearnerStore, 'find'>;
  history: PracticeHistory;
  paths: LearningPaths;
  storedPaths: StoredPaths;
  /** Each learner's measured pace, kept until their log or the catalog changes. */
  paces: KeptPaces;
  /** The deep model, which answers predictions once the learner has history enough for it. */
  knowledge: Pick<KnowledgeModel, 'predict' | 'predictMany'>;
  now: () => Date;
}): AdaptiveService {
  const { candidates, reader, history, paths, storedPaths } = deps;
  const { structure } = deps.catalog;

  const learnerOf = (session: string) => {
    const learner = deps.learners.find(deps.sessions.learnerOf(session));
    if (!learner) throw new LearnError('not-found', say('profile-removed'));
    return learner;
  };

  const explain = explainPick({
    skillsOf: (id) => structure.skillsOf(id),
    reader,
    skillTitle: (id) => candidates.skillTitle(id),
  });

  return {
    getReviewSchedule: async ({ session }) => {
      const { id, preferences } = learnerOf(session);
      return deps.reviews.schedule(id, preferences.desiredRetention);
    },

    recommendNextExercise: async ({ session }) => {
      const { id: learnerId, preferences } = learnerOf(session);
      const band = preferences.targetSuccess;
      const { isDone } = deps.finished.of(learnerId);
      const open = candidates.openExercises(learnerId).filter((c) => !isDone(c.id));
      const ready = open.filter((c) => c.lessons.every(isDone));
      if (ready.length === 0) {
        // Every open exercise waits on lessons: the next lesson in teaching order leads there.
        const lesson = open.length > 0 ? candidates.firstLessonLeft(learnerId, isDone) : undefined;
        if (!lesson) return null;
        return {
          kind: 'lesson',
          contentId: lesson.id,
          title: lesson.title,
          moduleId: lesson.moduleId,
          probability: null,
          ...because(say('why-read-first', { title: lesson.title })),
        };
      }
      // The deep model scores every candidate in one call where it can; the simple model the rest.
      const deep = await deps.knowledge.predictMany(
        learnerId,
        ready.map((c) => c.skills),
      );
      const evidence = reader.evidenceBySkill(learnerId);
      const measured = deps.paces.of(learnerId, () => {
        const answers = history.latest(learnerId, PACE_ANSWERS).reverse();
        const difficulties = deps.catalog.difficulties();
        return { estimate: measuredPace(answers, (id) => difficulties.get(id)), answers: answers.length };
      });
      const pace = drawPace(learnerId, measured);
      const { exercise, probability } = pickOnPace(
        ready,
        (i) => {
          const d = deep[i]!;
          return 'probability' in d ? d.probability : undefined;
        },
        (exercise) =>
          predictFromEvidence(
            exercise.difficulty,
            exercise.skills.flatMap((skill) => evidence.get(skill) ?? []),
          ).probability,
        pace,
        band,
      );
      return {
        kind: 'exercise',
        contentId: exercise.id,
        title: exercise.title,
        moduleId: exercise.moduleId,
        probability,
        ...because(explain(learnerId, exercise, probability)),
      };
    },

    getStepProgress: async ({ session }) => {
      const { steps, last } = deps.finished.progress(deps.sessions.learnerOf(session));
      if (!last) return { steps, resume: null };
      const { finished, ...item } = last;
      if (!finished) return { steps, resume: item };
      // Finished what they were on: continue with what comes after it in teaching order.
      const next = structure.next(item.contentId);
      return { steps, resume: next ? { ...next, why: 'next' } : null };
    },

    predictPerformance: async ({ session, contentId }) => {
      const learnerId = deps.sessions.learnerOf(session);
      const difficulty = deps.catalog.difficultyOf(contentId);
      if (difficulty === undefined)
        throw new LearnError('not-found', say('content-unknown-difficulty', { id: contentId }));
      const skills = deps.catalog.structure.skillsOf(contentId);
      const prediction = predictFromEvidence(difficulty, deps.reader.skillEvidence(learnerId, skills));
      const deep = await deps.knowledge.predict(learnerId, skills);
      if ('note' in deep)
        return { ...prediction, ...asField('model', say('model-pooled-pfa')), ...asField('note', deep.note) };
      return { ...prediction, ...deep };
    },

    adjustDifficulty: async ({ session, performance }) => {
      const { id, preferences } = learnerOf(session);
      const difficulties = deps.catalog.difficulties();
      return adjustDifficulty({
        band: preferences.targetSuccess,
        recent: history.latest(id, RECENT_ANSWERS),
        difficultyOf: (contentId) => difficulties.get(contentId),
        performance,
      });
    },

    generateLearningPath: async ({ session, goal }) => {
      const learner = learnerOf(session);
      const resolved = goal ? paths.findGoal(goal) : paths.defaultGoal(learner.goals);
      if (!resolved) {
        throw new LearnError('not-found', say('goal-unknown', { goal: goal ?? '' }));
      }
      const path = paths.plan(learner.id, resolved);
      storedPaths.save(learner.id, { goal: goal ?? null, steps: path.steps }, deps.now());
      return path;
    },

    updateLearningPath: async ({ session }) => {
      const learner = learnerOf(session);
      const previous = storedPaths.last(learner.id);
      // The goal asked for last time; once no longer installed, the profile's takes over.
      const asked = previous?.goal ?? null;
      const found = asked === null ? undefined : paths.findGoal(asked);
      const path = paths.plan(learner.id, found ?? paths.defaultGoal(learner.goals));
      storedPaths.save(learner.id, { goal: found ? asked : null, steps: path.steps }, deps.now());
      return { ...path, changes: pathChanges(previous?.steps, path.steps) };
    },

    analyzeUserPattern: async ({ session, tzOffsetMinutes }) => {
      const learnerId = deps.sessions.learnerOf(session);
      const now = deps.now();
      const { streakDays, longestStreakDays } = reader.summary(learnerId, { tzOffsetMinutes, days: 1, now });
      return analyzeUserPattern({
        attempts: history.latest(learnerId, PATTERN_ANSWERS),
        quarters: history.activeQuarters(learnerId, new Date(now.getTime() - PATTERN_DAYS * 86_400_000)),
        streaks: { current: streakDays, longest: longestStreakDays },
        tzOffsetMinutes,
        skillTitle: (id) => candidates.skillTitle(id),
      });
    },
  };
}
