import { describe, expect, it } from 'vitest';
import { normal, seeded } from '../../adaptive/simulation/random.js';
import { calibrate } from './calibrate.js';
import type { ScoredAnswer } from './calibrate.js';
import { eap, nodesBetween } from './eap.js';
import { selectItem, skillTargets, stopReason } from './select-item.js';
import type { BankItem } from './select-item.js';
import { pearson, runAdaptive, simulatedBank, simulateTests } from './simulate.js';
import { authorParams, information, probability } from './two-pl.js';

const sigma = (z: number) => 1 / (1 + Math.exp(-z));

describe('the 2PL model', () => {
  it('gives a coin toss at the item’s difficulty and information a²/4 there', () => {
    expect(probability(0.7, { a: 1.6, b: 0.7 })).toBe(0.5);
    expect(information(0.7, { a: 1.6, b: 0.7 })).toBeCloseTo(0.64, 12);
    expect(probability(1, { a: 2, b: 0 })).toBeCloseTo(sigma(2), 12);
  });

  it('starts an item from its author’s difficulty: 1 is easy (b = -2), 3 average, 5 hard', () => {
    expect([1, 2, 3, 4, 5].map((d) => authorParams(d).b)).toEqual([-2, -1, 0, 1, 2]);
    expect(authorParams(3).a).toBe(1);
  });
});

describe('EAP ability and its standard error', () => {
  it('matches a hand computation on three nodes', () => {
    // Nodes -1, 0, 1; prior weights e^-0.5, 1, e^-0.5; one item (a 1, b 0) answered right:
    // likelihoods σ(-1), 1/2, σ(1). Posterior ∝ 0.60653·0.26894, 0.5, 0.60653·0.73106
    // = 0.16312, 0.5, 0.44341 (sum 1.10653): mean (0.44341 - 0.16312) / 1.10653 = 0.25331,
    // E[θ²] = (0.16312 + 0.44341) / 1.10653 = 0.54814, SD √(0.54814 - 0.25331²) = 0.69572.
    const { theta, se } = eap([{ item: { a: 1, b: 0 }, correct: true }], [-1, 0, 1]);
    expect(theta).toBeCloseTo(0.25331, 4);
    expect(se).toBeCloseTo(0.69572, 4);
    // A wrong answer mirrors it.
    const wrong = eap([{ item: { a: 1, b: 0 }, correct: false }], [-1, 0, 1]);
    expect(wrong.theta).toBeCloseTo(-0.25331, 4);
    expect(wrong.se).toBeCloseTo(0.69572, 4);
  });

  it('is the prior with no answers, and narrows as answers come in', () => {
    const none = eap([]);
    expect(none.theta).toBeCloseTo(0, 10);
    expect(none.se).toBeCloseTo(1, 3);
    // Two hard items right, on the default grid: against a fine numerical integral.
    const responses = [
      { item: { a: 1.5, b: 1 }, correct: true },
      { item: { a: 1.2, b: 1.5 }, correct: true },
    ];
    const fine = nodesBetween(-8, 8, 16001);
    const reference = eap(responses, fine);
    const ours = eap(responses);
    expect(ours.theta).toBeCloseTo(reference.theta, 2);
    expect(ours.se).toBeCloseTo(reference.se, 2);
    expect(ours.theta).toBeGreaterThan(0.5);
    expect(ours.se).toBeLessThan(none.se);
  });

  it('stays finite for a long test all right (no underflow)', () => {
    const all = Array.from({ length: 400 }, () => ({ item: { a: 2, b: 0 }, correct: true }));
    const { theta, se } = eap(all);
    expect(Number.isFinite(theta) && Number.isFinite(se)).toBe(true);
    expect(theta).toBeGreaterThan(2);
  });
});

describe('item selection', () => {
  const bank: BankItem[] = [
    { id: 'easy', params: { a: 1, b: -2 }, skills: ['loops'] },
    { id: 'mid', params: { a: 1, b: 0 }, skills: ['loops'] },
    { id: 'sharp', params: { a: 2, b: 0.2 }, skills: ['loops'] },
    { id: 'hard', params: { a: 1, b: 2 }, skills: ['loops'] },
    { id: 'dict', params: { a: 1, b: 0 }, skills: ['dicts'] },
  ];
  const loops = bank.filter((i) => i.skills[0] === 'loops');

  it('takes the most informative item at the current ability when exposure control is off', () => {
    const pick = (theta: number) => selectItem(loops, [], theta, () => 0.99, { randomesque: 1 })!.id;
    expect(pick(0)).toBe('sharp');
    expect(pick(2.2)).toBe('hard');
    expect(pick(-2.5)).toBe('easy');
  });

  it('draws from the top few items only (randomesque), spreading exposure among them', () => {
    const random = seeded(7);
    const seen = new Map<string, number>();
    for (let i = 0; i < 3000; i++) {
      const id = selectItem(loops, [], 0, random, { randomesque: 2 })!.id;
      seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    expect([...seen.keys()].sort()).toEqual(['mid', 'sharp']);
    expect(seen.get('mid')! / 3000).toBeCloseTo(0.5, 1);
  });

  it('balances skills: the skill furthest below its share of the bank goes next', () => {
    expect(skillTargets(bank)).toEqual(
      new Map([
        ['loops', 0.8],
        ['dicts', 0.2],
      ]),
    );
    const given = [bank[1]!, bank[2]!, bank[3]!];
    // Three loops items given: dicts is furthest below its share, whatever is most informative.
    expect(selectItem(bank, given, 0, () => 0, { randomesque: 1 })!.id).toBe('dict');
    // Never an item twice; nothing when the bank is used up.
    expect(selectItem(bank, [...given, bank[4]!], 0, () => 0, { randomesque: 1 })!.id).toBe('easy');
    expect(selectItem(bank, bank, 0, () => 0)).toBeUndefined();
  });
});

describe('stopping', () => {
  const rule = { targetSe: 0.3, maxItems: 10, minItems: 3 };
  it.each([
    [2, 0.2, 5, null],
    [3, 0.3, 5, 'precise'],
    [5, 0.31, 5, null],
    [10, 0.5, 5, 'max-length'],
    [4, 0.5, 0, 'bank-used'],
  ] as const)('after %i items at SE %f with %i left: %s', (given, se, left, reason) => {
    expect(stopReason(rule, given, se, left)).toBe(reason);
  });

  it('ends an adaptive test at the target standard error, or at the maximum length', () => {
    const random = seeded(3);
    const bank = simulatedBank(200, 4, random);
    const long = { ...rule, maxItems: 60 };
    const precise = runAdaptive(bank, (i) => random() < probability(0.4, i.params), long, random);
    expect(precise.estimate.se).toBeLessThanOrEqual(0.3);
    // It stopped as soon as it was precise enough: one item fewer was not.
    expect(precise.given.length).toBeGreaterThan(rule.minItems);
    expect(eap(precise.responses.slice(0, -1)).se).toBeGreaterThan(0.3);
    const short = runAdaptive(bank, () => true, { targetSe: 0.05, maxItems: 6, minItems: 1 }, random);
    expect(short.given).toHaveLength(6);
    expect(new Set(short.given.map((i) => i.id)).size).toBe(6);
  });
});

describe('calibration by marginal maximum likelihood', () => {
  it('recovers known item parameters from simulated answers', () => {
    const random = seeded(11);
    const truth = Array.from({ length: 15 }, (_, i) => ({
      item: `q${i}`,
      a: 0.6 + (1.6 * i) / 14,
      b: -2 + (4 * ((i * 7) % 15)) / 14,
    }));
    const answers: ScoredAnswer[] = [];
    for (let learner = 0; learner < 1500; learner++) {
      const theta = normal(random);
      for (const t of truth)
        answers.push({ learner: `l${learner}`, item: t.item, correct: random() < probability(theta, t) });
    }
    // Priors at the author's guess of "average", which the data must overcome.
    const fit = calibrate(answers, { priorOf: () => ({ a: 1, b: 0 }) });
    expect(fit.converged).toBe(true);
    const byId = new Map(fit.items.map((i) => [i.item, i]));
    const rmse = (key: 'a' | 'b') =>
      Math.sqrt(truth.reduce((s, t) => s + (byId.get(t.item)![key] - t[key]) ** 2, 0) / truth.length);
    expect(rmse('b')).toBeLessThan(0.15);
    expect(rmse('a')).toBeLessThan(0.15);
    expect(
      pearson(
        truth.map((t) => t.b),
        truth.map((t) => byId.get(t.item)!.b),
      ),
    ).toBeGreaterThan(0.99);
    expect(fit.items.every((i) => i.answers === 1500)).toBe(true);
  }, 60_000);

  it('keeps an item nobody missed finite and near its author’s difficulty, and counts a first answer only', () => {
    const answers: ScoredAnswer[] = [];
    for (let l = 0; l < 30; l++) {
      answers.push({ learner: `l${l}`, item: 'easy', correct: true });
      answers.push({ learner: `l${l}`, item: 'easy', correct: false });
      answers.push({ learner: `l${l}`, item: 'coin', correct: l % 2 === 0 });
    }
    const fit = calibrate(answers, { priorOf: (id) => authorParams(id === 'easy' ? 1 : 3) });
    const easy = fit.items.find((i) => i.item === 'easy')!;
    expect(easy.answers).toBe(30);
    expect(Number.isFinite(easy.a) && Number.isFinite(easy.b)).toBe(true);
    expect(easy.b).toBeLessThan(-2);
    expect(easy.b).toBeGreaterThan(-8);
  });
});

describe('the simulation', () => {
  it('shows the adaptive test needs at least 40% fewer items than a fixed form at the same SE, r >= 0.9, deterministically', () => {
    const options = {
      learners: 150,
      items: 150,
      skills: 5,
      seed: 5,
      stopping: { targetSe: 0.3, maxItems: 60, minItems: 5 },
    };
    const result = simulateTests(options);
    expect(result.savings).toBeGreaterThanOrEqual(0.4);
    expect(result.fixed.meanSe).toBeLessThanOrEqual(result.adaptive.meanSe);
    expect(result.adaptive.correlation).toBeGreaterThanOrEqual(0.9);
    expect(result.adaptive.exposure.every((e) => e >= 0 && e <= 1)).toBe(true);
    expect(simulateTests(options)).toEqual(result);
  }, 120_000);
});
