import { describe, expect, it } from 'vitest';
import { seeded } from '../policy/seeded-random.js';
import { metrics } from './metrics.js';
import { crossFittedBlend, fitLogistic } from './stacking.js';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Answers whose true logit is `truth`, a model that sees it overconfidently, and one that sees only noise. */
function answers(n: number, seed: number) {
  const random = seeded(seed);
  const truth = Array.from({ length: n }, () => 3 * (random() - 0.5));
  const y = truth.map((x) => (random() < sigmoid(x) ? 1 : 0));
  return {
    y,
    sharp: truth.map((x) => sigmoid(3 * x)),
    noise: truth.map(() => random()),
    firstHalf: truth.map((_, i) => i % 2 === 0),
  };
}

describe('stacking models', () => {
  it('fits the weights a logistic model was drawn from', () => {
    const random = seeded(3);
    const x = Array.from({ length: 20_000 }, () => [random() * 4 - 2, random() * 4 - 2]);
    const y = x.map(([a, b]) => (random() < sigmoid(2 * a! - b! + 0.5) ? 1 : 0));
    const [wa, wb, bias] = fitLogistic(x, y);
    expect(wa).toBeCloseTo(2, 0);
    expect(wb).toBeCloseTo(-1, 0);
    expect(bias).toBeCloseTo(0.5, 0);
  });

  it('keeps the informative model’s ranking, ignores the noise and repairs its calibration', () => {
    const { y, sharp, noise, firstHalf } = answers(10_000, 5);
    const blend = metrics(crossFittedBlend([sharp, noise], y, firstHalf), y);
    const alone = metrics(sharp, y);
    expect(blend.auc).toBeGreaterThan(alone.auc - 0.005);
    expect(alone.ece).toBeGreaterThan(0.05);
    expect(blend.ece).toBeLessThan(0.02);
  });

  it('scores each half with weights fitted on the other: a half’s own answers do not move its chances', () => {
    const { y, sharp, noise, firstHalf } = answers(2_000, 9);
    const before = crossFittedBlend([sharp, noise], y, firstHalf);
    const flipped = y.map((v, i) => (firstHalf[i] ? 1 - v : v));
    const after = crossFittedBlend([sharp, noise], flipped, firstHalf);
    firstHalf.forEach((first, i) => {
      if (first) expect(after[i]).toBe(before[i]);
    });
    expect(after.some((p, i) => !firstHalf[i] && p !== before[i])).toBe(true);
  });
});
