import { describe, expect, it } from 'vitest';
import { predictFromEvidence } from '../models/performance-prior.js';
import { PaceEstimate } from './pace-estimate.js';

/** A learner who starts average and gains `pace` logits at each attempt, answering difficulty-3 items by the chance their ability gives. */
function answer(estimate: PaceEstimate, pace: number, attempts: number, uniform: () => number) {
  let theta = 0;
  for (let i = 0; i < attempts; i++) {
    const correct = uniform() < 1 / (1 + Math.exp(-(theta - -0.5)));
    estimate.observe(['loops'], 3, correct);
    theta += pace;
  }
  return theta;
}

/** A fixed stream of uniforms, so the answers are the same on every run. */
const stream = (seed: number) => () => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};

describe('PaceEstimate', () => {
  it('starts from the simple prior, pulled towards even odds while it knows nothing', () => {
    const estimate = new PaceEstimate();
    for (const d of [1, 2, 5]) {
      const prior = predictFromEvidence(d, []).probability;
      const chance = estimate.chance(['x'], d);
      expect(Math.abs(chance - 0.5)).toBeLessThan(Math.abs(prior - 0.5));
      expect(Math.sign(chance - 0.5)).toBe(Math.sign(prior - 0.5));
    }
  });

  it('measures a fast learner as fast and a learner who does not learn as slow', () => {
    const fast = new PaceEstimate();
    const slow = new PaceEstimate();
    const uniform = stream(7);
    answer(fast, 0.4, 30, uniform);
    answer(slow, 0, 30, uniform);
    expect(fast.pace).toBeGreaterThan(0.25);
    expect(slow.pace).toBeLessThan(0.1);
  });

  it('keeps up with a fast learner where the simple prior lags', () => {
    const estimate = new PaceEstimate();
    const uniform = stream(3);
    const theta = answer(estimate, 0.4, 12, uniform);
    // The learner's true chance on the hardest items by now.
    const truth = 1 / (1 + Math.exp(-(theta - 0.5)));
    const attempts = 12;
    const correct = Math.round(attempts * 0.85);
    const prior = predictFromEvidence(5, [{ correct, attempts }]).probability;
    expect(Math.abs(estimate.chance(['loops'], 5) - truth)).toBeLessThan(Math.abs(prior - truth));
  });

  it('draws the same learner from the same seed, and explores most where it knows least', () => {
    const estimate = new PaceEstimate();
    answer(estimate, 0.2, 20, stream(5));
    const draws = (skill: string) => Array.from({ length: 200 }, (_, i) => estimate.sample(stream(i + 1))([skill], 3));
    expect(draws('loops')).toEqual(draws('loops'));
    const spread = (v: number[]) => Math.max(...v) - Math.min(...v);
    expect(spread(draws('loops'))).toBeLessThan(spread(draws('never-tried')));
  });
});
