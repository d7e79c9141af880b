import { probability } from './two-pl.js';
import type { ItemParams } from './two-pl.js';

export interface Response {
  item: ItemParams;
  correct: boolean;
}

export interface Estimate {
  /** The posterior mean of the ability (EAP). */
  theta: number;
  /** The posterior standard deviation: the estimate's standard error. */
  se: number;
}

/** Evenly spaced quadrature nodes from `from` to `to`. */
export function nodesBetween(from: number, to: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => from + ((to - from) * k) / (count - 1));
}

/** 81 nodes over [-4, 4]: a step of 0.1, far finer than any standard error a test reaches. */
export const DEFAULT_NODES = nodesBetween(-4, 4, 81);

/**
 * Expected a posteriori ability with a normal prior (standard deviation 1, mean `priorMean`), by
 * quadrature over `nodes`: the posterior at each node is prior × likelihood, normalised; its mean is
 * the estimate and its standard deviation the standard error. Logs keep long tests from underflowing.
 */
export function eap(responses: readonly Response[], nodes: readonly number[] = DEFAULT_NODES, priorMean = 0): Estimate {
  const logPost = nodes.map((x) => {
    let sum = -0.5 * (x - priorMean) ** 2;
    for (const { item, correct } of responses) {
      const p = probability(x, item);
      sum += Math.log(correct ? p : 1 - p);
    }
    return sum;
  });
  const top = Math.max(...logPost);
  const weights = logPost.map((l) => Math.exp(l - top));
  const total = weights.reduce((s, w) => s + w, 0);
  const theta = weights.reduce((s, w, k) => s + w * nodes[k]!, 0) / total;
  const variance = weights.reduce((s, w, k) => s + w * (nodes[k]! - theta) ** 2, 0) / total;
  return { theta, se: Math.sqrt(variance) };
}
