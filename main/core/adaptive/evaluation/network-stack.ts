import type * as TF from '@tensorflow/tfjs';
import { createParams, lookup, param } from '../models/networks/kt-network.js';
import { loadTf } from '../models/networks/tf-backend.js';
import { seeded } from '../policy/seeded-random.js';
import { logit, stackRow } from './stacking.js';

/**
 * The network's size and training. Chosen on ASSIST2015's 5-fold stacks (IRT/Elo and PFA with the
 * learner's past: 0.7236 logistic, 0.7244 by this network without the skill, 0.7271 with it).
 */
const UNITS = 32;
/** At least this many passes, and at least STEPS batches: a small set takes more passes to fit. */
const EPOCHS = 4;
const STEPS = 500;
const BATCH = 512;
const RATE = 0.003;

/**
 * crossFittedBlend's stack (the same inputs, the same parts) by a small network instead of a
 * logistic regression, which also reads the answer's skill (`skills`, one id per row) as a learned
 * vector: one hidden layer of UNITS, so a model's weight and the past's can differ by skill and
 * interact. Seeded and in a fixed order, so the same inputs give the same chances.
 */
export async function crossFittedNetworkBlend(
  predictions: readonly (readonly number[])[],
  y: readonly number[],
  part: readonly number[],
  history: Float32Array,
  skills: readonly number[],
): Promise<number[]> {
  const { tf } = await loadTf();
  const rows = y.map((_, i) =>
    stackRow(
      predictions.map((p) => logit(p[i]!)),
      history,
      i,
    ),
  );
  const width = rows[0]?.length ?? 0;
  const skillCount = skills.reduce((m, k) => Math.max(m, k + 1), 1);
  const out = new Array<number>(y.length);
  for (const scored of new Set(part)) {
    const fitOn = y.map((_, i) => i).filter((i) => part[i] !== scored);
    const scoredRows = y.map((_, i) => i).filter((i) => part[i] === scored);
    // Standardized on the rows it is fitted on: the logits and counts differ in scale by tens.
    const scale = standardizer(fitOn.map((i) => rows[i]!));
    const matrix = (at: readonly number[]) => {
      const m = new Float32Array(at.length * width);
      at.forEach((i, r) => m.set(scale(rows[i]!), r * width));
      return m;
    };
    const network = new StackNetwork(tf, width, skillCount);
    try {
      network.fit(
        matrix(fitOn),
        Int32Array.from(fitOn, (i) => skills[i]!),
        Float32Array.from(fitOn, (i) => y[i]!),
      );
      const p = network.predict(
        matrix(scoredRows),
        Int32Array.from(scoredRows, (i) => skills[i]!),
      );
      scoredRows.forEach((i, r) => (out[i] = p[r]!));
    } finally {
      network.dispose();
    }
  }
  return out;
}

function standardizer(rows: readonly number[][]): (row: readonly number[]) => number[] {
  const width = rows[0]?.length ?? 0;
  const mean = new Array<number>(width).fill(0);
  const square = new Array<number>(width).fill(0);
  for (const row of rows) {
    row.forEach((v, j) => {
      mean[j]! += v / rows.length;
      square[j]! += (v * v) / rows.length;
    });
  }
  const sd = mean.map((m, j) => Math.sqrt(Math.max(0, square[j]! - m * m)) + 1e-6);
  return (row) => row.map((v, j) => (v - mean[j]!) / sd[j]!);
}

/** relu(x W + skill vector + b) w + c: the stack's one hidden layer, the skill's vector added to it. */
class StackNetwork {
  readonly #tf: typeof TF;
  readonly #width: number;
  readonly #params: Map<string, TF.Variable>;

  constructor(tf: typeof TF, width: number, skills: number) {
    this.#tf = tf;
    this.#width = width;
    // Glorot-uniform from a fixed seed, as the knowledge-tracing networks start.
    this.#params = createParams(tf, 1, {
      w: [width, UNITS],
      skill: [skills, UNITS],
      b: [UNITS],
      out: [UNITS, 1],
      c: [1],
    });
  }

  #logits(x: TF.Tensor2D, skills: TF.Tensor1D): TF.Tensor2D {
    const p = (name: string) => param(this.#params, name);
    const tf = this.#tf;
    const hidden = tf.relu(
      x
        .matMul(p('w'))
        .add(lookup(tf, p('skill') as TF.Tensor2D, skills))
        .add(p('b')),
    );
    return hidden.matMul(p('out')).add(p('c')) as TF.Tensor2D;
  }

  fit(x: Float32Array, skills: Int32Array, y: Float32Array): void {
    const tf = this.#tf;
    const n = y.length;
    const optimizer = tf.train.adam(RATE);
    const order = seededOrder(n);
    const epochs = Math.max(EPOCHS, Math.ceil(STEPS / Math.ceil(n / BATCH)));
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let from = 0; from < n; from += BATCH) {
        const at = order.subarray(from, Math.min(n, from + BATCH));
        const xs = new Float32Array(at.length * this.#width);
        at.forEach((i, r) => xs.set(x.subarray(i * this.#width, (i + 1) * this.#width), r * this.#width));
        tf.tidy(() => {
          const batch = tf.tensor2d(xs, [at.length, this.#width]);
          const ks = tf.tensor1d(
            Int32Array.from(at, (i) => skills[i]!),
            'int32',
          );
          const ys = tf.tensor2d(
            Float32Array.from(at, (i) => y[i]!),
            [at.length, 1],
          );
          optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(ys, this.#logits(batch, ks)) as TF.Scalar);
        });
      }
    }
    optimizer.dispose();
  }

  predict(x: Float32Array, skills: Int32Array): Float32Array {
    const tf = this.#tf;
    return tf.tidy(
      () =>
        tf
          .sigmoid(this.#logits(tf.tensor2d(x, [skills.length, this.#width]), tf.tensor1d(skills, 'int32')))
          .dataSync() as Float32Array,
    );
  }

  dispose(): void {
    this.#params.forEach((v) => v.dispose());
  }
}

/** 0..n-1 shuffled by a fixed seed (Fisher-Yates): every run trains on the same batches. */
function seededOrder(n: number): Int32Array {
  const random = seeded(7);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
