import { nodesBetween } from './eap.js';
import type { ItemParams } from './two-pl.js';

/** One learner's answer to one item, for calibration. */
export interface ScoredAnswer {
  learner: string;
  item: string;
  correct: boolean;
}

export interface CalibratedItem extends ItemParams {
  item: string;
  /** Learners whose answer to it the fit used. */
  answers: number;
}

export interface CalibrationOptions {
  /** Where each item's fit is pulled toward when its answers say little (its author's difficulty). */
  priorOf: (item: string) => ItemParams;
  /** Standard deviations of the priors on the slope `a` and the intercept `-a·b`. */
  priorSd?: { a: number; intercept: number };
  maxIterations?: number;
  /** Stop when no parameter moves by more than this in one EM cycle. */
  tolerance?: number;
}

export interface Calibration {
  items: CalibratedItem[];
  iterations: number;
  converged: boolean;
}

const NODES = nodesBetween(-4, 4, 41);
const PRIOR = (() => {
  const w = NODES.map((x) => Math.exp(-0.5 * x * x));
  const total = w.reduce((s, v) => s + v, 0);
  return w.map((v) => v / total);
})();

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * Fits the 2PL model by marginal maximum likelihood (Bock and Aitkin's EM): abilities are integrated
 * out over a standard normal on quadrature nodes, which also fixes the scale. The E-step gives each
 * item the expected count of learners, and of right answers, at each node; the M-step fits each
 * item's logistic curve to those counts by Newton steps, with Gaussian priors on its slope and
 * intercept (a MAP step) so an item few learners answered, or all answered right, stays finite and
 * near its author's difficulty. A learner's first answer per item counts (later ones were learned).
 */
export function calibrate(answers: readonly ScoredAnswer[], options: CalibrationOptions): Calibration {
  const sdA = options.priorSd?.a ?? 0.75;
  const sdC = options.priorSd?.intercept ?? 2;
  const maxIterations = options.maxIterations ?? 500;
  const tolerance = options.tolerance ?? 1e-4;

  const itemIndex = new Map<string, number>();
  const learnerIndex = new Map<string, number>();
  const byLearner: { item: number; correct: boolean }[][] = [];
  const seen = new Set<string>();
  for (const answer of answers) {
    const key = `${answer.learner}\u0000${answer.item}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!itemIndex.has(answer.item)) itemIndex.set(answer.item, itemIndex.size);
    if (!learnerIndex.has(answer.learner)) {
      learnerIndex.set(answer.learner, learnerIndex.size);
      byLearner.push([]);
    }
    byLearner[learnerIndex.get(answer.learner)!]!.push({ item: itemIndex.get(answer.item)!, correct: answer.correct });
  }
  const ids = [...itemIndex.keys()];
  const priors = ids.map((id) => {
    const { a, b } = options.priorOf(id);
    return { a, c: -a * b };
  });
  // Slope-intercept form: logit P = a·x + c.
  const a = priors.map((p) => p.a);
  const c = priors.map((p) => p.c);
  const counts = ids.map(() => 0);
  for (const list of byLearner) for (const { item } of list) counts[item]! += 1;

  const K = NODES.length;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations += 1;
    // E-step: expected learners (n) and right answers (r) per item and node.
    const n = ids.map(() => new Float64Array(K));
    const r = ids.map(() => new Float64Array(K));
    const post = new Float64Array(K);
    for (const list of byLearner) {
      let top = -Infinity;
      for (let k = 0; k < K; k++) {
        let l = Math.log(PRIOR[k]!);
        for (const { item, correct } of list) {
          const z = a[item]! * NODES[k]! + c[item]!;
          // log σ(z) and log σ(-z), without overflow.
          l -= correct ? Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
        }
        post[k] = l;
        if (l > top) top = l;
      }
      let total = 0;
      for (let k = 0; k < K; k++) total += post[k] = Math.exp(post[k]! - top);
      for (let k = 0; k < K; k++) post[k]! /= total;
      for (const { item, correct } of list) {
        const nj = n[item]!;
        const rj = r[item]!;
        for (let k = 0; k < K; k++) {
          nj[k]! += post[k]!;
          if (correct) rj[k]! += post[k]!;
        }
      }
    }
    // M-step: a few Newton steps on each item's penalised expected log-likelihood.
    let moved = 0;
    for (let j = 0; j < ids.length; j++) {
      let aj = a[j]!;
      let cj = c[j]!;
      for (let step = 0; step < 5; step++) {
        let ga = -(aj - priors[j]!.a) / sdA ** 2;
        let gc = -(cj - priors[j]!.c) / sdC ** 2;
        let haa = -1 / sdA ** 2;
        let hcc = -1 / sdC ** 2;
        let hac = 0;
        for (let k = 0; k < K; k++) {
          const x = NODES[k]!;
          const p = 1 / (1 + Math.exp(-(aj * x + cj)));
          const resid = r[j]![k]! - n[j]![k]! * p;
          const w = n[j]![k]! * p * (1 - p);
          ga += resid * x;
          gc += resid;
          haa -= w * x * x;
          hcc -= w;
          hac -= w * x;
        }
        const det = haa * hcc - hac * hac;
        const da = (hcc * ga - hac * gc) / det;
        const dc = (haa * gc - hac * ga) / det;
        aj = clamp(aj - da, 0.05, 6);
        cj = clamp(cj - dc, -30, 30);
        if (Math.abs(da) + Math.abs(dc) < 1e-8) break;
      }
      moved = Math.max(moved, Math.abs(aj - a[j]!), Math.abs(cj - c[j]!));
      a[j] = aj;
      c[j] = cj;
    }
    converged = moved < tolerance;
  }
  return {
    items: ids.map((item, j) => ({ item, a: a[j]!, b: -c[j]! / a[j]!, answers: counts[j]! })),
    iterations,
    converged,
  };
}
