import { sigmoid } from './random.js';

export interface RaschFit {
  /** Per question, its difficulty on the ability scale. */
  b: number[];
  /** Per learner, the ability on each concept (a posterior mode under an N(0, 1) prior). */
  abilities: number[][];
}

const clip = (x: number) => Math.max(-1, Math.min(1, x));

/**
 * A Rasch model with one ability per learner and concept, P(right) = sigmoid(theta - b), fitted by
 * alternating Newton steps (clipped to 1 logit, so a learner with every answer right cannot run
 * away): joint maximum likelihood for the questions, posterior modes for the abilities.
 */
export function fitRasch(answers: readonly (0 | 1)[][], concepts: readonly number[], iterations = 30): RaschFit {
  const conceptCount = Math.max(...concepts) + 1;
  const b = concepts.map(() => 0);
  const abilities = answers.map(() => Array.from({ length: conceptCount }, () => 0));
  for (let iteration = 0; iteration < iterations; iteration++) {
    answers.forEach((row, s) => {
      const theta = abilities[s]!;
      const gradient = theta.map((t) => -t);
      const curvature = theta.map(() => 1);
      row.forEach((y, q) => {
        const p = sigmoid(theta[concepts[q]!]! - b[q]!);
        gradient[concepts[q]!]! += y - p;
        curvature[concepts[q]!]! += p * (1 - p);
      });
      theta.forEach((t, c) => (theta[c] = t + clip(gradient[c]! / curvature[c]!)));
    });
    const gradient = b.map(() => 0);
    const curvature = b.map(() => 0);
    answers.forEach((row, s) => {
      row.forEach((y, q) => {
        const p = sigmoid(abilities[s]![concepts[q]!]! - b[q]!);
        gradient[q]! += y - p;
        curvature[q]! += p * (1 - p);
      });
    });
    b.forEach((value, q) => (b[q] = value - clip(gradient[q]! / Math.max(curvature[q]!, 1e-9))));
  }
  return { b, abilities };
}

/** Ordinary least squares by the normal equations (a handful of columns). */
export function leastSquares(rows: readonly number[][], y: readonly number[]): number[] {
  const n = rows[0]!.length;
  const a = Array.from({ length: n }, (_, i) => [
    ...Array.from({ length: n }, (_, j) => rows.reduce((sum, r) => sum + r[i]! * r[j]!, 0)),
    rows.reduce((sum, r, k) => sum + r[i]! * y[k]!, 0),
  ]);
  for (let col = 0; col < n; col++) {
    const pivot = a.reduce(
      (best, row, r) => (r >= col && Math.abs(row[col]!) > Math.abs(a[best]![col]!) ? r : best),
      col,
    );
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = a[r]![col]! / a[col]![col]!;
      a[r] = a[r]!.map((v, j) => v - factor * a[col]![j]!);
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}
