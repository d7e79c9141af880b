import type { DifficultyAdjustment, PerformanceInput } from '../../../../common/contract/adaptive.js';
import type { TargetSuccess } from '../../../../common/contract/learners.js';
import { predictFromEvidence } from '../models/performance-prior.js';
import type { Attempt } from '../practice-history.js';
import { bandWords, counted, percent } from './wording.js';

/** The answers a decision looks at: recent enough to follow the learner, enough to not chase noise. */
export const RECENT_ANSWERS = 10;
/** Fewer than this, and one lucky or unlucky answer would swing the level. */
const MIN_ANSWERS = 5;

const clampLevel = (level: number) => Math.min(5, Math.max(1, Math.round(level)));

/** The hardest level at which a learner without history is still predicted inside the band. */
export function startingDifficulty(band: TargetSuccess): number {
  for (let level = 5; level > 1; level--) {
    if (predictFromEvidence(level, []).probability >= band.low) return level;
  }
  return 1;
}

/**
 * The seed's adjustDifficulty: from the share of recent answers that were right, whether the next
 * exercises should be easier, the same or harder so the learner stays inside their target band.
 * `performance`, when given, stands in for the recorded answers.
 */
export function adjustDifficulty(input: {
  band: TargetSuccess;
  recent: readonly Attempt[];
  difficultyOf: (contentId: string) => number | undefined;
  performance?: PerformanceInput | undefined;
}): DifficultyAdjustment {
  const { band, recent, performance } = input;
  const levels = recent.map((a) => input.difficultyOf(a.contentId)).filter((d): d is number => d !== undefined);
  const recordedLevel = levels.length > 0 ? levels.reduce((a, b) => a + b, 0) / levels.length : undefined;
  const level = clampLevel(performance?.difficulty ?? recordedLevel ?? startingDifficulty(band));
  const attempts = performance?.attempts ?? recent.length;
  const correct = performance?.correct ?? recent.filter((a) => a.correct).length;
  const target = `your target of ${bandWords(band)}`;

  if (attempts === 0) {
    const start = predictFromEvidence(level, []).probability;
    return {
      direction: 'same',
      targetDifficulty: level,
      observedSuccess: null,
      attempts,
      band,
      reason: `No answers yet: start at difficulty ${level} of 5, where a newcomer gets about ${percent(start)} right.`,
    };
  }
  const observed = Math.min(1, correct / attempts);
  const result = { observedSuccess: observed, attempts, band };
  const got = `You got ${correct} of your last ${counted(attempts, 'answer')} right (${percent(observed)})`;
  if (attempts < MIN_ANSWERS) {
    return {
      ...result,
      direction: 'same',
      targetDifficulty: level,
      reason: `${got}: too few to judge, so stay at difficulty ${level} of 5 until there are ${MIN_ANSWERS}.`,
    };
  }
  if (observed < band.low) {
    const easier = clampLevel(level - 1);
    return {
      ...result,
      direction: 'easier',
      targetDifficulty: easier,
      reason:
        easier < level
          ? `${got}, below ${target}: easier exercises (difficulty ${easier} of 5) will get you back on track.`
          : `${got}, below ${target}: stay at the easiest level and read the lesson again before the next try.`,
    };
  }
  if (observed > band.high) {
    const harder = clampLevel(level + 1);
    return {
      ...result,
      direction: 'harder',
      targetDifficulty: harder,
      reason:
        harder > level
          ? `${got}, above ${target}: harder exercises (difficulty ${harder} of 5) will teach you more.`
          : `${got}, above ${target}, at the hardest level already: take on a new module.`,
    };
  }
  return {
    ...result,
    direction: 'same',
    targetDifficulty: level,
    reason: `${got}, inside ${target}: stay at difficulty ${level} of 5.`,
  };
}
