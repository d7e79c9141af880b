import type { LearnService } from '../../../common/contract/api.js';
import { LearnError } from '../../../common/contract/errors.js';
import type { CatalogStore } from '../content/catalog-store.js';
import type { ProgressReader } from '../progress/progress-reader.js';
import type { LearnerSessions } from '../users/learner-sessions.js';
import type { Candidate, Candidates } from './candidates.js';
import { predictFromEvidence } from './performance-prior.js';
import type { ReviewSchedule } from './review-schedule.js';

export type AdaptiveService = Pick<LearnService, 'predictPerformance' | 'recommendNextExercise' | 'getReviewSchedule'>;

/** Where practice teaches most: hard enough to learn from, easy enough to succeed (configurable later per learner). */
export const TARGET_BAND = { low: 0.7, high: 0.85 };
const percent = (p: number) => `${Math.round(p * 100)}%`;

/** The seed's adaptive reads. For now the calibrated simple model answers every prediction. */
export function createAdaptiveService(deps: {
  sessions: LearnerSessions;
  catalog: Pick<CatalogStore, 'difficultyOf' | 'structure'>;
  reader: Pick<ProgressReader, 'skillEvidence'>;
  candidates: Candidates;
  reviews: ReviewSchedule;
}): AdaptiveService {
  const { candidates, reader } = deps;
  const { structure } = deps.catalog;

  const explain = (learnerId: string, exercise: Candidate, probability: number): string => {
    const skills = structure.skillsOf(exercise.id);
    const tried = skills
      .map((id) => ({ id, ...reader.skillEvidence(learnerId, [id])[0] }))
      .filter((s): s is { id: string; correct: number; attempts: number } => s.attempts !== undefined);
    const chance = `about ${percent(probability)} likely to go right`;
    if (tried.length === 0) {
      const topic = skills[0] ? candidates.skillTitle(skills[0]) : 'this topic';
      return `Next in the course: you have not practised ${topic.toLowerCase()} yet, and this one is difficulty ${exercise.difficulty} of 5.`;
    }
    const weakest = tried.reduce((a, b) => (a.correct / a.attempts <= b.correct / b.attempts ? a : b));
    const topic = candidates.skillTitle(weakest.id).toLowerCase();
    const missed = weakest.attempts - weakest.correct;
    if (missed * 2 >= weakest.attempts) {
      return `You missed ${missed} of ${weakest.attempts} on ${topic}; this one is pitched within reach (${chance}).`;
    }
    return `You got ${weakest.correct} of ${weakest.attempts} right on ${topic}; this one is a good stretch (${chance}).`;
  };

  return {
    getReviewSchedule: async ({ session }) => deps.reviews.schedule(deps.sessions.learnerOf(session)),

    recommendNextExercise: async ({ session }) => {
      const learnerId = deps.sessions.learnerOf(session);
      const done = candidates.lessonsDone(learnerId);
      const open = candidates.openExercises(learnerId);
      const ready = open.filter((c) => structure.requires('lesson', c.id).every((lesson) => done.has(lesson)));
      if (ready.length === 0) {
        // Every open exercise waits on lessons: the next lesson in teaching order leads there.
        const lesson = open.length > 0 ? candidates.firstLessonLeft(learnerId) : undefined;
        if (!lesson) return null;
        return {
          kind: 'lesson',
          contentId: lesson.id,
          title: lesson.title,
          moduleId: lesson.moduleId,
          probability: null,
          reason: `Read “${lesson.title}” first: the next exercises build on it.`,
        };
      }
      // Closest to the target band wins; among equals, the earliest in teaching order.
      let best: { exercise: Candidate; probability: number; distance: number } | undefined;
      for (const exercise of ready) {
        const evidence = reader.skillEvidence(learnerId, structure.skillsOf(exercise.id));
        const { probability } = predictFromEvidence(exercise.difficulty, evidence);
        const distance = Math.max(0, TARGET_BAND.low - probability, probability - TARGET_BAND.high);
        if (!best || distance < best.distance) best = { exercise, probability, distance };
        if (distance === 0) break;
      }
      const { exercise, probability } = best!;
      return {
        kind: 'exercise',
        contentId: exercise.id,
        title: exercise.title,
        moduleId: exercise.moduleId,
        probability,
        reason: explain(learnerId, exercise, probability),
      };
    },

    predictPerformance: async ({ session, contentId }) => {
      const learnerId = deps.sessions.learnerOf(session);
      const difficulty = deps.catalog.difficultyOf(contentId);
      if (difficulty === undefined) throw new LearnError('not-found', `No installed content "${contentId}".`);
      const skills = deps.catalog.structure.skillsOf(contentId);
      const prediction = predictFromEvidence(difficulty, deps.reader.skillEvidence(learnerId, skills));
      return { ...prediction, model: 'pooled PFA' };
    },
  };
}
