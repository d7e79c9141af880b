import { describe, expect, it } from 'vitest';
import { fitCalibration } from './calibration.js';
import { Akt, Dkt, Dkvmn, Sakt } from './dkt.js';
import { DeepKt } from './deep-kt.js';
import { evaluate } from '../evaluation/evaluate.js';
import { SIMPLE_RECIPES } from '../evaluation/model-recipe.js';
import type { Sequence } from './sequence.js';
import { auc, metrics } from '../evaluation/metrics.js';
import { Bkt, Elo, Pfa } from './simple-models.js';
import { markContinuations } from '../evaluation/continuations.js';
import { multiSkillLearners } from '../testing/multi-skill-learners.js';

describe('metrics', () => {
  it('computes AUC with ties counted half, and the other scores', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    expect(auc([0.5, 0.5], [0, 1])).toBe(0.5);
    const m = metrics([0.9, 0.1, 0.8, 0.3], [1, 0, 1, 0]);
    expect(m).toMatchObject({ auc: 1, accuracy: 1, n: 4 });
    expect(m.rmse).toBeCloseTo(Math.sqrt((0.01 + 0.01 + 0.04 + 0.09) / 4));
    expect(m.ece).toBeCloseTo(0.175);
  });
});

/** Learners simulated from a Rasch model with learning: ability grows with practice. */
function simulate(learners: number, seed: number): Sequence[] {
  let s = seed;
  const random = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const difficulty = Array.from({ length: 10 }, (_, k) => (k - 5) / 2);
  return Array.from({ length: learners }, () => {
    let ability = random() * 2 - 1;
    const skills: number[] = [];
    const correct: (0 | 1)[] = [];
    for (let i = 0; i < 30; i++) {
      const k = Math.floor(random() * 10);
      const p = 1 / (1 + Math.exp(-(ability - difficulty[k]!)));
      const y = random() < p ? 1 : 0;
      skills.push(k);
      correct.push(y);
      ability += 0.05;
    }
    return { skills, correct };
  });
}

describe('the simple knowledge-tracing models', () => {
  it('all predict far better than chance, and those that follow the learner beat the item average', async () => {
    const scores = await evaluate(SIMPLE_RECIPES, simulate(400, 11), { folds: 3 });
    const by = Object.fromEntries(scores.map((s) => [s.model, s]));
    for (const s of scores) {
      expect(s.auc).toBeGreaterThan(0.65);
      expect(s.ece).toBeLessThan(0.08);
    }
    expect(by['IRT/Elo']!.auc).toBeGreaterThan(by['per-item average']!.auc);
    expect(by.PFA!.auc).toBeGreaterThan(by['per-item average']!.auc);
  });

  it('predicts each answer from earlier ones only: changing a later answer changes no earlier prediction', () => {
    const train = simulate(200, 3);
    const learner = train[0]!;
    for (const model of [new Bkt(), new Pfa(), new Elo()]) {
      model.fit(train.slice(1));
      const before = model.predict(learner) as number[];
      const flipped = { ...learner, correct: learner.correct.map((y, i) => (i === 20 ? ((1 - y) as 0 | 1) : y)) };
      const after = model.predict(flipped) as number[];
      expect(after.slice(0, 21)).toEqual(before.slice(0, 21));
    }
  });
});

describe('calibration', () => {
  it('recovers the scale and shift that turn logits into honest chances', () => {
    let s = 5;
    const random = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const logits = Array.from({ length: 4000 }, () => random() * 6 - 3);
    const answers = logits.map((x) => (random() < 1 / (1 + Math.exp(-(2 * x - 0.5))) ? 1 : 0));
    const c = fitCalibration(logits, answers);
    expect(c.scale).toBeCloseTo(2, 0);
    expect(c.shift).toBeCloseTo(-0.5, 0);
    expect(fitCalibration(logits.slice(0, 5), answers.slice(0, 5))).toEqual({ scale: 1, shift: 0 });
  });

  it('stays sane on logits that barely vary (an undertrained model): the base rate, not a wild slope', () => {
    let s = 9;
    const random = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const logits = Array.from({ length: 3000 }, () => 0.3 + random() * 1e-3);
    const answers = logits.map(() => (random() < 0.7 ? 1 : 0));
    const c = fitCalibration(logits, answers);
    expect(c.scale).toBeGreaterThan(0);
    expect(c.scale).toBeLessThan(5);
    const mean = answers.reduce((n: number, y) => n + y, 0) / answers.length;
    expect(1 / (1 + Math.exp(-(c.scale * 0.3 + c.shift)))).toBeCloseTo(mean, 2);
  });
});

describe.each([
  ['DKT (LSTM)', () => new Dkt({ epochs: 8, hidden: 24, embedding: 16, batchSize: 32, learningRate: 0.02 })],
  ['SAKT (attention)', () => new Sakt({ epochs: 8, hidden: 16, heads: 2, window: 32, learningRate: 0.02 })],
  ['AKT (attention)', () => new Akt({ epochs: 8, hidden: 16, heads: 2, window: 32, learningRate: 0.02 })],
  ['DKVMN (memory)', () => new Dkvmn({ epochs: 8, hidden: 16, window: 32, learningRate: 0.02 })],
  [
    'DKVMN+history (memory)',
    () => new DeepKt({ architecture: 'dkvmn-history', epochs: 8, hidden: 16, window: 32, learningRate: 0.02 }),
  ],
])('deep knowledge tracing (tfjs): %s', (name, make) => {
  it('learns from answers, and predicts each one from earlier answers only', async () => {
    const data = simulate(300, 5);
    const model = make();
    expect(model.name).toBe(name);
    await model.fit(data.slice(50));
    const test = data.slice(0, 50);
    const p = model.predictAll(test).flat();
    expect(
      metrics(
        p,
        test.flatMap((s) => s.correct),
      ).auc,
    ).toBeGreaterThan(0.62);
    const learner = test[0]!;
    const before = model.predict(learner);
    const flipped = { ...learner, correct: learner.correct.map((y, i) => (i === 20 ? ((1 - y) as 0 | 1) : y)) };
    const after = model.predict(flipped);
    expect(after.slice(0, 21)).toEqual(before.slice(0, 21));
    expect(after[21]).not.toBe(before[21]);
    // The next answer's chance is what predict gives for an answer appended there.
    const history = { skills: learner.skills.slice(0, 25), correct: learner.correct.slice(0, 25) };
    const [next] = model.predictNext(history, [learner.skills[25]!]);
    expect(next).toBeCloseTo(before[25]!, 5);
  }, 120_000);

  it('trains on learners with a single answer (batches of one-step windows)', async () => {
    const model = make();
    await model.fit(Array.from({ length: 40 }, (_, i) => ({ skills: [i % 3], correct: [(i % 2) as 0 | 1] })));
    expect(model.predict({ skills: [1], correct: [1] })).toHaveLength(1);
  }, 60_000);
});

describe('a multi-skill answer as one step', () => {
  const { sequences } = multiSkillLearners(120, 3);
  const learner = markContinuations(sequences).sequences.find((s) => s.continues!.some(Boolean))!;
  const at = learner.continues!.indexOf(true);
  // The answer's first row flipped: what a model reading it would copy.
  const flipped = { ...learner, correct: learner.correct.map((y, i) => (i === at - 1 ? ((1 - y) as 0 | 1) : y)) };

  for (const make of [
    () => new Elo(),
    () => new Dkt({ hidden: 8, embedding: 8, window: 64, epochs: 1, validation: 0 }),
    () => new Sakt({ hidden: 8, heads: 2, window: 64, epochs: 1, validation: 0 }),
    () => new Akt({ hidden: 8, heads: 2, window: 64, epochs: 1, validation: 0 }),
    () => new Dkvmn({ hidden: 8, window: 64, epochs: 1, validation: 0 }),
    () => new DeepKt({ architecture: 'dkvmn-history', hidden: 8, window: 64, epochs: 1, validation: 0 }),
  ]) {
    it(`${make().name}: no row of the answer reads another, while every row an answer of its own does`, async () => {
      const model = make();
      await model.fit(markContinuations(sequences).sequences);
      const [before, after] = [await model.predict(learner), await model.predict(flipped)];
      expect(after[at]).toBeCloseTo(before[at]!, 6);
      const rows = { skills: learner.skills, correct: learner.correct };
      const copied = await model.predict({ skills: flipped.skills, correct: flipped.correct });
      expect(Math.abs(copied[at]! - (await model.predict(rows))[at]!)).toBeGreaterThan(1e-4);
      if ('dispose' in model) model.dispose();
    }, 30_000);
  }

  for (const make of [
    () => new Dkt({ hidden: 8, embedding: 8, window: 128, epochs: 1, validation: 0 }),
    () => new Sakt({ hidden: 8, heads: 2, window: 128, epochs: 1, validation: 0 }),
    () => new Akt({ hidden: 8, heads: 2, window: 128, epochs: 1, validation: 0 }),
    () => new Dkvmn({ hidden: 8, window: 128, epochs: 1, validation: 0 }),
    () => new DeepKt({ architecture: 'dkvmn-history', hidden: 8, window: 128, epochs: 1, validation: 0 }),
  ]) {
    it(`${make().name}: each row of the answer is predicted as the app predicts the answer’s skills next`, async () => {
      const model = make();
      await model.fit(markContinuations(sequences).sequences);
      const predicted = model.predict(learner);
      const first = at - 1;
      const before = { skills: learner.skills.slice(0, first), correct: learner.correct.slice(0, first) };
      const next = model.predictNext(before, [learner.skills[first]!, learner.skills[at]!]);
      expect(predicted[first]).toBeCloseTo(next[0]!, 5);
      expect(predicted[at]).toBeCloseTo(next[1]!, 5);
      model.dispose();
    }, 30_000);
  }
});

describe('seeded training', () => {
  for (const make of [
    (seed: number) => new Dkt({ hidden: 8, embedding: 8, window: 32, epochs: 2, seed }),
    (seed: number) => new Sakt({ hidden: 8, heads: 2, window: 32, epochs: 2, seed }),
    (seed: number) => new Akt({ hidden: 8, heads: 2, window: 32, epochs: 2, seed }),
    (seed: number) => new Dkvmn({ hidden: 8, window: 32, epochs: 2, seed }),
  ]) {
    it(`${make(1).name}: two runs with one seed give identical predictions, another seed others`, async () => {
      const data = simulate(60, 5);
      const run = async (seed: number) => {
        const model = make(seed);
        await model.fit(data);
        const predicted = model.predictAll(data.slice(0, 10));
        model.dispose();
        return predicted;
      };
      const first = await run(3);
      expect(await run(3)).toEqual(first);
      expect(await run(4)).not.toEqual(first);
    }, 60_000);
  }
});
