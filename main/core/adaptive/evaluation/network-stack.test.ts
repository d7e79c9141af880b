import { describe, expect, it } from 'vitest';
import { seeded } from '../policy/seeded-random.js';
import { metrics } from './metrics.js';
import { crossFittedNetworkBlend } from './network-stack.js';
import { crossFittedBlend } from './stacking.js';
import { STACK_HISTORY } from './stack-history.js';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Two models, each sharp on half the skills and noisy on the other half: which to trust depends on the skill. */
function bySkill(n: number, seed: number) {
  const random = seeded(seed);
  const skills = Array.from({ length: n }, () => Math.floor(random() * 10));
  const truth = skills.map(() => 4 * (random() - 0.5));
  const y = truth.map((x) => (random() < sigmoid(x) ? 1 : 0));
  const model = (sharpOn: (k: number) => boolean) =>
    truth.map((x, i) => sigmoid(sharpOn(skills[i]!) ? x : x * 0.2 + 3 * (random() - 0.5)));
  return {
    y,
    skills,
    predictions: [model((k) => k < 5), model((k) => k >= 5)],
    // Two parts, not STACK_PARTS: a network is fitted per part, and two are enough to see the cross-fitting.
    part: truth.map((_, i) => i % 2),
    // No past in this test: every row's history reads zero.
    history: new Float32Array(n * STACK_HISTORY),
  };
}

describe('the network stack', () => {
  it('trusts each model where it is good, by skill, as a logistic stack cannot, and gives the same chances twice', async () => {
    const { y, skills, predictions, part, history } = bySkill(8_000, 3);
    const network = await crossFittedNetworkBlend(predictions, y, part, history, skills);
    const logistic = metrics(crossFittedBlend(predictions, y, part, history), y);
    const stacked = metrics(network, y);
    expect(stacked.auc).toBeGreaterThan(logistic.auc + 0.02);
    expect(stacked.ece).toBeLessThan(0.03);
    expect(await crossFittedNetworkBlend(predictions, y, part, history, skills)).toEqual(network);
  });

  it('scores each part with a network fitted on the others: a part’s own answers do not move its chances', async () => {
    const { y, skills, predictions, part, history } = bySkill(2_000, 5);
    const before = await crossFittedNetworkBlend(predictions, y, part, history, skills);
    const flipped = y.map((v, i) => (part[i] === 0 ? 1 - v : v));
    const after = await crossFittedNetworkBlend(predictions, flipped, part, history, skills);
    part.forEach((p, i) => {
      if (p === 0) expect(after[i]).toBe(before[i]);
    });
    expect(after.some((p, i) => part[i] !== 0 && p !== before[i])).toBe(true);
  });
});
