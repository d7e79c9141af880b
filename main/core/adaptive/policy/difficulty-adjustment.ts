import type { DifficultyAdjustment, PerformanceInput } from '../../../../common/contract/adaptive.js';
import type { TargetSuccess } from '../../../../common/contract/learners.js';
import { predictFromEvidence } from '../models/performance-prior.js';
import type { Attempt } from '../practice-history.js';
import { refOf, say } from '../../../../common/i18n/message.js';
import type { Said } from '../../../../common/i18n/message.js';
import { percentOf } from './wording.js';

/** A reason as the wire carries it: English, and the reference each face says in its learner's language. */
const because = (reason: Said) => ({ reason: reason.text, reasonI18n: refOf(reason) });

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
  const target = say('target-band', { low: Math.round(band.low * 100), high: Math.round(band.high * 100) });

  if (attempts === 0) {
    const start = predictFromEvidence(level, []).probability;
    return {
      direction: 'same',
      targetDifficulty: level,
      observedSuccess: null,
      attempts,
      band,
      ...because(say('difficulty-start', { level, percent: percentOf(start) })),
    };
  }
  const observed = Math.min(1, correct / attempts);
  const result = { observedSuccess: observed, attempts, band };
  const got = say('got-answers', { correct, count: attempts, percent: percentOf(observed) });
  if (attempts < MIN_ANSWERS) {
    return {
      ...result,
      direction: 'same',
      targetDifficulty: level,
      ...because(say('difficulty-too-few', { got, level, min: MIN_ANSWERS })),
    };
  }
  if (observed < band.low) {
    const easier = clampLevel(level - 1);
    return {
      ...result,
      direction: 'easier',
      targetDifficulty: easier,
      ...because(
        easier < level
          ? say('difficulty-easier', { got, target, level: easier })
          : say('difficulty-easiest', { got, target }),
      ),
    };
  }
  if (observed > band.high) {
    const harder = clampLevel(level + 1);
    return {
      ...result,
      direction: 'harder',
      targetDifficulty: harder,
      ...because(
        harder > level
          ? say('difficulty-harder', { got, target, level: harder })
          : say('difficulty-hardest', { got, target }),
      ),
    };
  }
  return {
    ...result,
    direction: 'same',
    targetDifficulty: level,
    ...because(say('difficulty-inside', { got, target, level })),
  };
}
