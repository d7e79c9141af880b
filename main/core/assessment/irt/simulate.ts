import { normal, seeded } from '../../adaptive/simulation/random.js';
import type { Random } from '../../adaptive/simulation/random.js';
import { eap } from './eap.js';
import type { Estimate, Response } from './eap.js';
import { DEFAULT_SELECTION, selectItem, skillTargets, stopReason } from './select-item.js';
import type { BankItem, SelectionRules, StoppingRule } from './select-item.js';
import { information, probability } from './two-pl.js';

export interface SimulationOptions {
  learners: number;
  items: number;
  skills: number;
  seed: number;
  stopping: StoppingRule;
  selection?: SelectionRules;
}

export interface SideResult {
  /** Items each learner answered, on average. */
  meanItems: number;
  meanSe: number;
  /** Pearson correlation of the estimates with the true abilities. */
  correlation: number;
  /** Root mean squared error of the estimates. */
  rmse: number;
  /** Per bank item, the share of learners who were given it. */
  exposure: number[];
}

export interface FixedResult extends SideResult {
  formLength: number;
}

export interface SimulationResult {
  bank: BankItem[];
  adaptive: SideResult;
  /**
   * A fixed form as a teacher assembles it: items sampled from the bank, one order for everyone, as
   * long as it must be for its mean standard error to match the adaptive test's.
   */
  fixed: FixedResult;
  /**
   * The best any linear form of this bank can do for this class: its items most informative over a
   * standard normal spread of ability first. A stricter yardstick than a teacher's form.
   */
  bestLinear: FixedResult;
  /** 1 - adaptive items / fixed form items. */
  savings: number;
}

/** Fisher-Yates with the seeded source. */
function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * A calibrated bank as packs have them: difficulties spread around the average learner, most
 * discriminations between 0.6 and 2, each item on one of `skills` skills.
 */
export function simulatedBank(size: number, skills: number, random: Random): BankItem[] {
  return Array.from({ length: size }, (_, i) => ({
    id: `item-${String(i + 1).padStart(3, '0')}`,
    params: { a: clamp(Math.exp(0.1 + 0.3 * normal(random)), 0.4, 2.5), b: clamp(1.2 * normal(random), -3, 3) },
    skills: [`skill-${(i % skills) + 1}`],
  }));
}

export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const mean = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** One adaptive test, as the app runs it: the items given and the final estimate. */
export function runAdaptive(
  bank: readonly BankItem[],
  answer: (item: BankItem) => boolean,
  stopping: StoppingRule,
  random: Random,
  selection: SelectionRules = DEFAULT_SELECTION,
) {
  const targets = skillTargets(bank);
  const given: BankItem[] = [];
  const responses: Response[] = [];
  let estimate = eap(responses);
  while (stopReason(stopping, given.length, estimate.se, bank.length - given.length) === null) {
    const item = selectItem(bank, given, estimate.theta, random, selection, targets)!;
    given.push(item);
    responses.push({ item: item.params, correct: answer(item) });
    estimate = eap(responses);
  }
  return { given, responses, estimate };
}

const side = (truth: number[], estimates: { theta: number; se: number }[], lengths: number[], exposure: number[]) => ({
  meanItems: lengths.reduce((s, n) => s + n, 0) / lengths.length,
  meanSe: estimates.reduce((s, e) => s + e.se, 0) / estimates.length,
  correlation: pearson(
    truth,
    estimates.map((e) => e.theta),
  ),
  rmse: Math.sqrt(estimates.reduce((s, e, i) => s + (e.theta - truth[i]!) ** 2, 0) / estimates.length),
  exposure,
});

/**
 * Learners of known ability (standard normal) take the adaptive test and fixed forms of the same
 * bank, answering all from the same draws (the same learner answers an item the same way in each).
 * Each fixed form grows item by item until its mean standard error is no worse than the adaptive
 * test's: that length is the comparison at the same standard error. Deterministic for a seed.
 */
export function simulateTests(options: SimulationOptions): SimulationResult {
  const random = seeded(options.seed);
  const bank = simulatedBank(options.items, options.skills, random);
  const truth = Array.from({ length: options.learners }, () => normal(random));
  // One draw per learner and item, shared by both tests: the same learner answers the same way.
  const draws = truth.map(() => bank.map(() => random()));
  const index = new Map(bank.map((item, i) => [item.id, i]));
  const answerOf = (learner: number) => (item: BankItem) =>
    draws[learner]![index.get(item.id)!]! < probability(truth[learner]!, item.params);

  const counts = bank.map(() => 0);
  const adaptive = truth.map((_, learner) => {
    const run = runAdaptive(bank, answerOf(learner), options.stopping, random, options.selection);
    for (const item of run.given) counts[index.get(item.id)!]! += 1;
    return run;
  });
  const adaptiveSide = side(
    truth,
    adaptive.map((r) => r.estimate),
    adaptive.map((r) => r.given.length),
    counts.map((n) => n / options.learners),
  );

  // Expected information over a standard normal class, on a coarse grid.
  const grid = Array.from({ length: 17 }, (_, k) => -4 + k * 0.5);
  const weight = grid.map((x) => Math.exp(-0.5 * x * x));
  const expectedInfo = (item: BankItem) => grid.reduce((s, x, k) => s + weight[k]! * information(x, item.params), 0);
  const sampled = shuffled(bank, random);
  const best = [...bank].sort((x, y) => expectedInfo(y) - expectedInfo(x));
  const fixed = (form: readonly BankItem[]) => {
    const responses: Response[][] = truth.map(() => []);
    let estimates: Estimate[] = [];
    let length = 0;
    while (length < form.length) {
      const item = form[length]!;
      length += 1;
      estimates = truth.map((_, learner) => {
        responses[learner]!.push({ item: item.params, correct: answerOf(learner)(item) });
        return eap(responses[learner]!);
      });
      if (estimates.reduce((s, e) => s + e.se, 0) / estimates.length <= adaptiveSide.meanSe) break;
    }
    const inForm = new Set(form.slice(0, length).map((item) => item.id));
    const exposure = bank.map((item) => (inForm.has(item.id) ? 1 : 0));
    return {
      ...side(
        truth,
        estimates,
        truth.map(() => length),
        exposure,
      ),
      formLength: length,
    };
  };
  const fixedSide = fixed(sampled);
  return {
    bank,
    adaptive: adaptiveSide,
    fixed: fixedSide,
    bestLinear: fixed(best),
    savings: 1 - adaptiveSide.meanItems / fixedSide.formLength,
  };
}
