import type { TargetSuccess } from '../../../../common/contract/learners.js';
import type { ProgressReader } from '../../progress/progress-reader.js';
import type { Candidate } from './candidates.js';
import { percent } from './wording.js';

/**
 * The recommendation rule: the exercise whose chance of going right is closest to the learner's
 * target band wins; among equals, the earliest in teaching order (the order of `ready`). Stops at
 * the first inside the band, so chances are asked for no further.
 */
export function pickInBand<T>(
  ready: readonly T[],
  chance: (exercise: T, index: number) => number,
  band: TargetSuccess,
): { exercise: T; probability: number } {
  let best: { exercise: T; probability: number; distance: number } | undefined;
  for (const [i, exercise] of ready.entries()) {
    const probability = chance(exercise, i);
    const distance = Math.max(0, band.low - probability, probability - band.high);
    if (!best || distance < best.distance) best = { exercise, probability, distance };
    if (distance === 0) break;
  }
  if (!best) throw new Error('pickInBand needs at least one exercise');
  return best;
}

/** Why this exercise, in the learner's words: their weakest skill in it, or that it is new. */
export function explainPick(deps: {
  skillsOf: (contentId: string) => string[];
  reader: Pick<ProgressReader, 'skillEvidence'>;
  skillTitle: (skillId: string) => string;
}) {
  const { reader } = deps;
  return (learnerId: string, exercise: Candidate, probability: number): string => {
    const skills = deps.skillsOf(exercise.id);
    const tried = skills
      .map((id) => ({ id, ...reader.skillEvidence(learnerId, [id])[0] }))
      .filter((s): s is { id: string; correct: number; attempts: number } => s.attempts !== undefined);
    const chance = `about ${percent(probability)} likely to go right`;
    if (tried.length === 0) {
      const topic = skills[0] ? deps.skillTitle(skills[0]) : 'this topic';
      return `Next in the course: you have not practised ${topic.toLowerCase()} yet, and this one is difficulty ${exercise.difficulty} of 5.`;
    }
    const weakest = tried.reduce((a, b) => (a.correct / a.attempts <= b.correct / b.attempts ? a : b));
    const topic = deps.skillTitle(weakest.id).toLowerCase();
    const missed = weakest.attempts - weakest.correct;
    if (missed * 2 >= weakest.attempts) {
      return `You missed ${missed} of ${weakest.attempts} on ${topic}; this one is pitched within reach (${chance}).`;
    }
    return `You got ${weakest.correct} of ${weakest.attempts} right on ${topic}; this one is a good stretch (${chance}).`;
  };
}
