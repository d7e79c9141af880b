import { describe, expect, it } from 'vitest';
import { seeded } from '../policy/seeded-random.js';
import { metrics } from './metrics.js';
import { crossFittedBlend, fitLogistic, STACK_PARTS } from './stacking.js';
import { stackHistory } from './stack-history.js';
import type { Sequence } from '../models/sequence.js';

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
    part: truth.map((_, i) => i % STACK_PARTS),
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
    const { y, sharp, noise, part } = answers(10_000, 5);
    const blend = metrics(crossFittedBlend([sharp, noise], y, part), y);
    const alone = metrics(sharp, y);
    expect(blend.auc).toBeGreaterThan(alone.auc - 0.005);
    expect(alone.ece).toBeGreaterThan(0.05);
    expect(blend.ece).toBeLessThan(0.02);
  });

  it('scores each part with weights fitted on the others: a part’s own answers do not move its chances', () => {
    const { y, sharp, noise, part } = answers(2_000, 9);
    const before = crossFittedBlend([sharp, noise], y, part);
    for (let flippedPart = 0; flippedPart < STACK_PARTS; flippedPart++) {
      const flipped = y.map((v, i) => (part[i] === flippedPart ? 1 - v : v));
      const after = crossFittedBlend([sharp, noise], flipped, part);
      part.forEach((p, i) => {
        if (p === flippedPart) expect(after[i]).toBe(before[i]);
      });
      expect(after.some((p, i) => part[i] !== flippedPart && p !== before[i])).toBe(true);
    }
  });

  it('reads the learner’s history when given it: answers that repeat the last one on their skill', () => {
    // Each learner repeats their last answer on a skill 85% of the time; the model sees none of it.
    const random = seeded(11);
    const learners: Sequence[] = Array.from({ length: 200 }, () => {
      const last = new Map<number, 0 | 1>();
      const s: Sequence = { skills: [], correct: [] };
      for (let t = 0; t < 40; t++) {
        const skill = Math.floor(random() * 4);
        const before = last.get(skill);
        const answer: 0 | 1 = before !== undefined && random() < 0.85 ? before : random() < 0.6 ? 1 : 0;
        last.set(skill, answer);
        s.skills.push(skill);
        s.correct.push(answer);
      }
      return s;
    });
    const y = learners.flatMap((s) => s.correct);
    const part = learners.flatMap((s, i) => s.correct.map(() => i % STACK_PARTS));
    const blind = y.map(() => 0.4 + 0.2 * random());
    const history = new Float32Array(learners.flatMap((s) => [...stackHistory(s)]));
    const without = metrics(crossFittedBlend([blind], y, part), y);
    const withHistory = metrics(crossFittedBlend([blind], y, part, history), y);
    expect(without.auc).toBeLessThan(0.6);
    expect(withHistory.auc).toBeGreaterThan(0.75);
    expect(withHistory.ece).toBeLessThan(0.03);
  });

  it('reads the learner’s form over all skills: streaks that run across skills never seen twice', () => {
    // A learner's form persists from answer to answer (it flips 10% of the time); every answer is on a new skill.
    const random = seeded(13);
    const learners: Sequence[] = Array.from({ length: 200 }, () => {
      let good = random() < 0.5;
      const s: Sequence = { skills: [], correct: [] };
      for (let t = 0; t < 40; t++) {
        if (random() < 0.1) good = !good;
        s.skills.push(t);
        s.correct.push(random() < (good ? 0.85 : 0.25) ? 1 : 0);
      }
      return s;
    });
    const y = learners.flatMap((s) => s.correct);
    const part = learners.flatMap((s, i) => s.correct.map(() => i % STACK_PARTS));
    const blind = y.map(() => 0.4 + 0.2 * random());
    const history = new Float32Array(learners.flatMap((s) => [...stackHistory(s)]));
    expect(metrics(crossFittedBlend([blind], y, part), y).auc).toBeLessThan(0.6);
    expect(metrics(crossFittedBlend([blind], y, part, history), y).auc).toBeGreaterThan(0.7);
  });
});
