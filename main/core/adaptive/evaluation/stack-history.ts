import { HISTORY_FEATURES, historyFeatures } from '../models/history-features.js';
import type { Sequence } from '../models/sequence.js';
import { STREAK_FEATURES, streakFeatures } from './streak-features.js';

/**
 * The learner-wide success weighted to recent answers, at three paces: the weight of the latest
 * answer. Measured on 5-fold stacks: IRT/Elo's ability moves at one fixed pace and lags a learner
 * whose form changes (on STATICS the simple models' stack went from 0.813 to 0.821 AUC with these).
 */
const PACES = [0.03, 0.1, 0.3] as const;

/** Learner-wide numbers in a row: right and wrong answers so far (log-scaled), then the recent successes. */
export const LEARNER_FEATURES = 2 + PACES.length;

/** A row of stackHistory: the history on the row's skill (historyFeatures), the learner-wide numbers, then the streaks (streakFeatures). */
export const STACK_HISTORY = HISTORY_FEATURES + LEARNER_FEATURES + STREAK_FEATURES;

/** Where the learner-wide recent successes are in a row of stackHistory. */
export const RECENT_AT: readonly number[] = PACES.map((_, k) => HISTORY_FEATURES + 2 + k);

/**
 * What a stack reads of a learner's past on each row (rows x STACK_HISTORY), from earlier answers
 * only: the rows of a multi-skill answer all read the past before the answer, as historyFeatures does.
 */
export function stackHistory(sequence: Sequence): Float32Array {
  const skill = historyFeatures(sequence);
  const streaks = streakFeatures(sequence);
  const out = new Float32Array(sequence.skills.length * STACK_HISTORY);
  let right = 0;
  let wrong = 0;
  const recent = PACES.map(() => 0);
  let pending: (0 | 1)[] = [];
  sequence.correct.forEach((correct, i) => {
    if (!(i > 0 && sequence.continues?.[i] === true)) {
      for (const c of pending) {
        if (c) right += 1;
        else wrong += 1;
        PACES.forEach((pace, k) => (recent[k] = (1 - pace) * recent[k]! + pace * (c ? 1 : -1)));
      }
      pending = [];
    }
    const at = i * STACK_HISTORY;
    out.set(skill.subarray(i * HISTORY_FEATURES, (i + 1) * HISTORY_FEATURES), at);
    out.set([Math.log1p(right), Math.log1p(wrong), ...recent], at + HISTORY_FEATURES);
    out.set(streaks.subarray(i * STREAK_FEATURES, (i + 1) * STREAK_FEATURES), at + HISTORY_FEATURES + LEARNER_FEATURES);
    pending.push(correct);
  });
  return out;
}
