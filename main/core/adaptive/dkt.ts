import type * as TF from '@tensorflow/tfjs';
import type { Sequence } from './kt-data.js';
import type { KtModel } from './simple-models.js';
import { loadTf } from './tf-backend.js';
import type { Tf } from './tf-backend.js';

export interface DktOptions {
  hidden?: number;
  embedding?: number;
  /** Sequences are cut into windows of this many answers (the DKT papers use 100 to 200). */
  window?: number;
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  seed?: number;
  /** How many skills there are (ids 0..n-1); by default, one past the largest id in the training data. */
  skills?: number;
  /** Called after each epoch with the mean training loss. */
  onEpoch?: (epoch: number, loss: number) => void;
}

interface Batch {
  /** One-hot tokens, all zeros where a window is padded (masked for the LSTM). */
  tokens: TF.Tensor3D;
  nextSkill: TF.Tensor3D;
  correct: TF.Tensor2D;
  mask: TF.Tensor2D;
}

/**
 * Deep knowledge tracing (Piech et al. 2015): an LSTM reads (skill, answer) tokens and gives, after
 * each step, the probability of answering each skill right next. Token 0 pads; a start token lets
 * the model predict the very first answer too.
 */
export class Dkt implements KtModel {
  readonly name = 'DKT (LSTM)';
  #tf: Tf | undefined;
  #model: TF.LayersModel | undefined;
  #skills = 0;
  readonly #o: Required<Omit<DktOptions, 'onEpoch' | 'skills'>> & Pick<DktOptions, 'onEpoch' | 'skills'>;

  constructor(options: DktOptions = {}) {
    this.#o = {
      hidden: 64,
      embedding: 64,
      window: 100,
      epochs: 6,
      batchSize: 32,
      learningRate: 0.005,
      seed: 7,
      ...options,
    };
  }

  #token = (skill: number, correct: number) => 2 + skill + this.#skills * correct;

  async fit(train: readonly Sequence[]): Promise<void> {
    const { tf } = await loadTf();
    this.#tf = tf;
    this.#skills = this.#o.skills ?? skillCount(train);
    const vocabulary = 2 + 2 * this.#skills;
    // One-hot into a bias-free dense layer rather than an Embedding layer: the WebAssembly backend
    // lacks the kernel behind an embedding's gradient (UnsortedSegmentSum).
    const input = tf.input({ shape: [null, vocabulary] });
    const masked = tf.layers.masking({ maskValue: 0 }).apply(input) as TF.SymbolicTensor;
    const embedded = tf.layers.dense({ units: this.#o.embedding, useBias: false }).apply(masked) as TF.SymbolicTensor;
    const states = tf.layers
      .lstm({ units: this.#o.hidden, returnSequences: true, dropout: 0.1 })
      .apply(embedded) as TF.SymbolicTensor;
    const output = tf.layers.dense({ units: this.#skills, activation: 'sigmoid' }).apply(states) as TF.SymbolicTensor;
    this.#model = tf.model({ inputs: input, outputs: output });
    const optimizer = tf.train.adam(this.#o.learningRate);
    const windows = this.#windows(train);
    for (let epoch = 0; epoch < this.#o.epochs; epoch++) {
      shuffle(windows, this.#o.seed + epoch);
      let total = 0;
      let batches = 0;
      for (let i = 0; i < windows.length; i += this.#o.batchSize) {
        const batch = this.#batch(windows.slice(i, i + this.#o.batchSize));
        const loss = optimizer.minimize(() => this.#loss(batch, true), true) as TF.Scalar;
        total += (await loss.data())[0]!;
        batches += 1;
        tf.dispose([loss, batch.tokens, batch.nextSkill, batch.correct, batch.mask]);
      }
      this.#o.onEpoch?.(epoch, total / batches);
    }
  }

  predict(sequence: Sequence): number[] {
    const tf = this.#tf!;
    const out: number[] = [];
    for (const window of this.#windows([sequence])) {
      const batch = this.#batch([window]);
      const p = tf.tidy(() => {
        const all = this.#model!.apply(batch.tokens, { training: false }) as TF.Tensor3D;
        return all.mul(batch.nextSkill).sum(-1);
      });
      const values = p.dataSync();
      out.push(...Array.from(values.slice(0, window.skills.length)));
      tf.dispose([p, batch.tokens, batch.nextSkill, batch.correct, batch.mask]);
    }
    return out;
  }

  #loss(batch: Batch, training: boolean): TF.Scalar {
    const tf = this.#tf!;
    const all = this.#model!.apply(batch.tokens, { training }) as TF.Tensor3D;
    const p = all
      .mul(batch.nextSkill)
      .sum(-1)
      .clipByValue(1e-6, 1 - 1e-6);
    const ll = batch.correct.mul(p.log()).add(tf.scalar(1).sub(batch.correct).mul(tf.scalar(1).sub(p).log()));
    return ll.mul(batch.mask).sum().div(batch.mask.sum()).neg() as TF.Scalar;
  }

  /** Windows of at most `window` answers; unseen skills (ids past training) are dropped to the last known one. */
  #windows(sequences: readonly Sequence[]): Sequence[] {
    const w = this.#o.window;
    const out: Sequence[] = [];
    for (const s of sequences) {
      for (let i = 0; i < s.skills.length; i += w) {
        out.push({
          skills: s.skills.slice(i, i + w).map((k) => Math.min(k, this.#skills - 1)),
          correct: s.correct.slice(i, i + w),
        });
      }
    }
    return out;
  }

  /** Step t reads the answer before it (a start token at t = 0) and predicts answer t. */
  #batch(windows: readonly Sequence[]): Batch {
    const tf = this.#tf!;
    const length = Math.max(...windows.map((w) => w.skills.length));
    const tokens = new Int32Array(windows.length * length);
    const next = new Float32Array(windows.length * length * this.#skills);
    const correct = new Float32Array(windows.length * length);
    const mask = new Float32Array(windows.length * length);
    windows.forEach((w, b) => {
      w.skills.forEach((k, t) => {
        const at = b * length + t;
        tokens[at] = t === 0 ? 1 : this.#token(w.skills[t - 1]!, w.correct[t - 1]!);
        next[at * this.#skills + k] = 1;
        correct[at] = w.correct[t]!;
        mask[at] = 1;
      });
    });
    const vocabulary = 2 + 2 * this.#skills;
    return {
      tokens: tf.tidy(() =>
        tf
          .oneHot(tf.tensor2d(tokens, [windows.length, length], 'int32'), vocabulary)
          .toFloat()
          .mul(tf.tensor2d(mask, [windows.length, length]).expandDims(-1)),
      ) as TF.Tensor3D,
      nextSkill: tf.tensor3d(next, [windows.length, length, this.#skills]),
      correct: tf.tensor2d(correct, [windows.length, length]),
      mask: tf.tensor2d(mask, [windows.length, length]),
    };
  }
}

/** One past the largest skill id (a spread would overflow the stack on real data sets). */
export const skillCount = (sequences: readonly Sequence[]): number =>
  sequences.reduce((max, s) => s.skills.reduce((m, k) => (k > m ? k : m), max), -1) + 1;

function shuffle<T>(items: T[], seed: number): void {
  let s = seed;
  for (let i = items.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
