import type { TargetSuccess } from '../../../../common/contract/learners.js';
import type { ProgressReader } from '../../progress/progress-reader.js';
import type { Candidate } from './candidates.js';
import { EXPLORATION, PaceEstimate } from './pace-estimate.js';
import { seeded, seedOf } from './seeded-random.js';
import { say } from '../../../../common/i18n/message.js';
import type { Said } from '../../../../common/i18n/message.js';
import { percentOf } from './wording.js';

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

/** The answers the pace is measured on: enough to see how fast a learner goes, few enough to replay at every call. */
export const PACE_ANSWERS = 200;

/** The hardest difficulty: a skill whose hardest exercise is predicted above the band is in hand. */
const HARDEST = 5;

/** A learner's pace, measured from their graded answers (oldest first). */
export function measuredPace(
  answers: readonly { skills: string[]; correct: boolean; contentId: string }[],
  difficultyOf: (contentId: string) => number | undefined,
): PaceEstimate {
  const pace = new PaceEstimate();
  for (const a of answers) pace.observe(a.skills, difficultyOf(a.contentId) ?? 3, a.correct);
  return pace;
}

/**
 * The band rule ahead of what the learner already has: exercises in hand are passed over while
 * anything else is ready (the lagging prior kept offering them), then pickInBand.
 */
export function pickAhead<T>(
  ready: readonly T[],
  chance: (exercise: T) => number,
  inHand: (exercise: T) => boolean,
  band: TargetSuccess,
): { exercise: T; probability: number } {
  const ahead = ready.filter((exercise) => !inHand(exercise));
  return pickInBand(ahead.length > 0 ? ahead : ready, chance, band);
}

/**
 * The recommendation on the learner's measured pace. Where the deep model has no word, a skill the
 * learner has practised is judged by their own pace (a draw from PaceEstimate, which explores a
 * little where it is unsure) rather than the simple prior, which lags a fast learner; one whose
 * answers are not among those measured keeps the prior's chance. An exercise is in hand when the
 * draw puts the hardest exercise of each of its skills above the band.
 */
export function pickOnPace(
  ready: readonly Candidate[],
  deepChance: (index: number) => number | undefined,
  prior: (exercise: Candidate) => number,
  pace: { practised(skill: string): boolean; draw(skills: readonly string[], difficulty: number): number },
  band: TargetSuccess,
): { exercise: Candidate; probability: number } {
  const scored = ready.map((exercise, i) => ({
    exercise,
    probability:
      deepChance(i) ??
      (exercise.skills.some(pace.practised) ? pace.draw(exercise.skills, exercise.difficulty) : prior(exercise)),
    inHand:
      exercise.skills.length > 0 &&
      exercise.skills.every((skill) => pace.practised(skill) && pace.draw([skill], HARDEST) >= band.high),
  }));
  const { exercise: pick } = pickAhead(
    scored,
    (s) => s.probability,
    (s) => s.inHand,
    band,
  );
  return { exercise: pick.exercise, probability: pick.probability };
}

/** A learner's pace measured on their answers, and how many answers it has seen (what its draw is seeded with). */
export interface MeasuredPace {
  estimate: PaceEstimate;
  answers: number;
}

/**
 * A measured pace as pickOnPace reads it: one draw, seeded by who the learner is and how many answers
 * it has seen. Drawn afresh at every call: a draw takes skills not met yet from its seeded source in
 * the order they are asked about, so a draw kept between calls would answer differently.
 */
export function drawPace(learnerId: string, { estimate, answers }: MeasuredPace) {
  const draw = estimate.sample(seeded(seedOf(learnerId) + answers), EXPLORATION);
  return { practised: (skill: string) => estimate.attemptsOn(skill) > 0, draw };
}

/** A learner's measured pace as pickOnPace reads it, from their answers (oldest first). */
export function paceOf(
  learnerId: string,
  answers: readonly { skills: string[]; correct: boolean; contentId: string }[],
  difficultyOf: (contentId: string) => number | undefined,
) {
  return drawPace(learnerId, { estimate: measuredPace(answers, difficultyOf), answers: answers.length });
}

/** Why this exercise, in the learner's words: their weakest skill in it, or that it is new. */
export function explainPick(deps: {
  skillsOf: (contentId: string) => string[];
  reader: Pick<ProgressReader, 'skillEvidence'>;
  skillTitle: (skillId: string) => string;
}) {
  const { reader } = deps;
  return (learnerId: string, exercise: Candidate, probability: number): Said => {
    const skills = deps.skillsOf(exercise.id);
    const tried = skills
      .map((id) => ({ id, ...reader.skillEvidence(learnerId, [id])[0] }))
      .filter((s): s is { id: string; correct: number; attempts: number } => s.attempts !== undefined);
    if (tried.length === 0) {
      // Skill titles are the pack's (English) words, lowercased to sit inside a sentence.
      const topic = skills[0] ? deps.skillTitle(skills[0]).toLowerCase() : say('this-topic');
      return say('why-untried', { topic, difficulty: exercise.difficulty });
    }
    const weakest = tried.reduce((a, b) => (a.correct / a.attempts <= b.correct / b.attempts ? a : b));
    const topic = deps.skillTitle(weakest.id).toLowerCase();
    const missed = weakest.attempts - weakest.correct;
    const { attempts, correct } = weakest;
    const percent = percentOf(probability);
    if (missed * 2 >= attempts) return say('why-missed', { missed, attempts, topic, percent });
    return say('why-stretch', { correct, attempts, topic, percent });
  };
}
