import { describe, expect, it } from 'vitest';
import { HISTORY_FEATURES, historyFeatures } from '../models/history-features.js';
import { LEARNER_FEATURES, RECENT_AT, STACK_HISTORY, stackHistory } from './stack-history.js';
import { STREAK_FEATURES, streakFeatures } from './streak-features.js';

const learnerWide = (rows: Float32Array, i: number) =>
  Array.from(
    rows.subarray(i * STACK_HISTORY + HISTORY_FEATURES, i * STACK_HISTORY + HISTORY_FEATURES + LEARNER_FEATURES),
  );

describe('stackHistory', () => {
  it('puts the skill history first, then the learner-wide counts of earlier answers only', () => {
    const sequence = { skills: [0, 1, 2, 3], correct: [1, 1, 0, 1] as (0 | 1)[] };
    const rows = stackHistory(sequence);
    expect(rows.length).toBe(4 * STACK_HISTORY);
    expect(STACK_HISTORY).toBe(HISTORY_FEATURES + LEARNER_FEATURES + STREAK_FEATURES);
    const skill = historyFeatures(sequence);
    for (let i = 0; i < 4; i++) {
      expect(Array.from(rows.subarray(i * STACK_HISTORY, i * STACK_HISTORY + HISTORY_FEATURES))).toEqual(
        Array.from(skill.subarray(i * HISTORY_FEATURES, (i + 1) * HISTORY_FEATURES)),
      );
    }
    expect(learnerWide(rows, 0)).toEqual([0, 0, 0, 0, 0]);
    const third = learnerWide(rows, 2);
    expect(third[0]).toBeCloseTo(Math.log1p(2));
    expect(third[1]).toBe(0);
    const fourth = learnerWide(rows, 3);
    expect(fourth[1]).toBeCloseTo(Math.log1p(1));
    // The latest answer was wrong: every pace's success fell, the fastest most.
    const fall = RECENT_AT.map((f) => rows[2 * STACK_HISTORY + f]! - rows[3 * STACK_HISTORY + f]!);
    fall.forEach((drop) => expect(drop).toBeGreaterThan(0));
    expect(fall[2]).toBeGreaterThan(fall[0]!);
    const streaks = streakFeatures(sequence);
    for (let i = 0; i < 4; i++) {
      expect(Array.from(rows.subarray((i + 1) * STACK_HISTORY - STREAK_FEATURES, (i + 1) * STACK_HISTORY))).toEqual(
        Array.from(streaks.subarray(i * STREAK_FEATURES, (i + 1) * STREAK_FEATURES)),
      );
    }
  });

  it('reads a multi-skill answer’s rows from the past before the answer (leak-free)', () => {
    // Answer 2 carries skills 1 and 2: its second row must not count its first.
    const sequence = {
      skills: [0, 1, 2, 3],
      correct: [1, 0, 0, 1] as (0 | 1)[],
      continues: [false, false, true, false],
    };
    const rows = stackHistory(sequence);
    expect(learnerWide(rows, 2)).toEqual(learnerWide(rows, 1));
    expect(learnerWide(rows, 3)[1]).toBeCloseTo(Math.log1p(2));
  });
});
