import { describe, expect, it } from 'vitest';
import { answerAuc } from './answer-scores.js';
import { auc } from './metrics.js';
import { stackAnswers } from './stack-answers.js';

/** The stackAnswers of one learner whose answers have the given numbers of rows. */
const marksOf = (sizes: number[]) => {
  const continues = sizes.flatMap((size) => Array.from({ length: size }, (_, k) => k > 0));
  return stackAnswers({ skills: continues.map((_, i) => i), correct: continues.map(() => 1), continues });
};

describe('answerAuc', () => {
  it('scores a multi-skill answer once, where the row AUC counts it once per row', () => {
    // A wrong three-skill answer at 0.6 beats the right answer at 0.5 three times per row, once per answer.
    const p = [0.6, 0.6, 0.6, 0.5, 0.7, 0.4];
    const y = [0, 0, 0, 1, 1, 0];
    expect(auc(p, y)).toBeCloseTo(5 / 8, 10);
    expect(answerAuc(p, y, marksOf([3, 1, 1, 1]))).toBeCloseTo(3 / 4, 10);
  });

  it("scores an answer by the mean of its rows' chances", () => {
    // Rows at 0.2 and 0.9: the mean 0.55 ranks above the wrong 0.5 and below the right 0.6.
    const y = [1, 1, 0, 1];
    expect(answerAuc([0.2, 0.9, 0.5, 0.6], y, marksOf([2, 1, 1]))).toBe(1);
    expect(answerAuc([0.2, 0.9, 0.56, 0.6], y, marksOf([2, 1, 1]))).toBe(0.5);
  });

  it('gives nothing where every answer is one row: the row AUC is the answer AUC', () => {
    expect(answerAuc([0.2, 0.7], [0, 1], marksOf([1, 1]))).toBeUndefined();
  });

  it('scores an answer whose rows disagree once per label, at the same chance', () => {
    // The two-row answer at 0.5 is both right and wrong: a tie with itself, counted half.
    expect(answerAuc([0.4, 0.6, 0.9, 0.1], [1, 0, 1, 0], marksOf([2, 1, 1]))).toBeCloseTo((1 + 1 + 0.5 + 1) / 4, 10);
  });

  it('refuses marks that do not line up with the chances, with a clear error', () => {
    expect(() => answerAuc([0.5, 0.5, 0.5], [1, 0, 1], marksOf([2]))).toThrow('stackAnswers gave 2 rows for 3');
    expect(() => answerAuc([0.5, 0.5], [1, 0, 1], marksOf([2]))).toThrow('3 answers for 2 chances');
    const broken = marksOf([2, 1]);
    broken[1] = 0;
    expect(() => answerAuc([0.5, 0.5, 0.5], [1, 0, 1], broken)).toThrow('row 0 does not start an answer');
  });
});
