import { describe, expect, it } from 'vitest';
import { HISTORY_FEATURES, historyFeatures, SkillHistory } from './history-features.js';

const row = (features: Float32Array, i: number) =>
  Array.from(features.subarray(i * HISTORY_FEATURES, (i + 1) * HISTORY_FEATURES));
const ln = Math.log1p;

describe("a learner's per-skill history", () => {
  it('counts attempts, right and wrong answers, the last answer and the answers since, from earlier answers only', () => {
    // Skill 0 right, skill 1 wrong, skill 0 wrong, then skill 0 again.
    const features = historyFeatures({ skills: [0, 1, 0, 0], correct: [1, 0, 0, 1] });
    expect(row(features, 0)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    const third = row(features, 2);
    expect(third.slice(0, 6)).toEqual([ln(1), ln(1), ln(0), 1, ln(1), ln(2)].map(Math.fround));
    const fourth = row(features, 3);
    expect(fourth.slice(0, 6)).toEqual([ln(2), ln(1), ln(1), -1, ln(0), ln(3)].map(Math.fround));
    // Recency-weighted success: +1 after the right answer, moved 0.3 of the way to -1 by the wrong one.
    expect(third[6]).toBe(1);
    expect(fourth[6]).toBeCloseTo(0.4, 6);
  });

  it('reads every row of a multi-skill answer from the history before the answer', () => {
    const answer = { skills: [0, 1, 0, 1], correct: [1, 1, 1, 1] as (0 | 1)[] };
    const one = historyFeatures({ ...answer, continues: [false, false, false, true] });
    const rows = historyFeatures(answer);
    // Row 3 continues row 2's answer: it sees rows 0 and 1 only (skill 1 once, right, no answer since; two answers).
    expect(row(one, 3)).toEqual([ln(1), ln(1), 0, 1, 0, ln(2), 1].map(Math.fround));
    // As an answer of its own it would also see row 2: one answer since skill 1, three answers.
    expect(row(rows, 3)).toEqual([ln(1), ln(1), 0, 1, ln(1), ln(3), 1].map(Math.fround));
  });

  it('predicts the next answer as the next row would be read', () => {
    const history = new SkillHistory();
    const scratch = new Float32Array(HISTORY_FEATURES);
    [0, 1, 1].forEach((skill, i) => history.read(skill, 1, i === 2, scratch));
    const next = new Float32Array(HISTORY_FEATURES);
    history.next(1, next);
    const read = new Float32Array(HISTORY_FEATURES);
    history.read(1, 0, false, read);
    expect(Array.from(next)).toEqual(Array.from(read));
  });
});
