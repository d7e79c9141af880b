import type * as TF from '@tensorflow/tfjs';
import { AKT_SKILL_ROWS, aktNetwork } from './networks/akt-network.js';
import { ATTENTION_SKILL_ROWS, attentionNetwork } from './networks/attention-network.js';
import { DKVMN_SKILL_ROWS, dkvmnNetwork } from './networks/dkvmn-network.js';
import { calibrate, fitCalibration, IDENTITY, sigmoid } from './calibration.js';
import type { Calibration } from './calibration.js';
import { HISTORY_FEATURES, historyFeatures } from './history-features.js';
import { answerStarts } from './sequence.js';
import type { Sequence } from './sequence.js';
import { batches, lcg, predictionWindows, span, trainingWindows } from './windows.js';
import type { Window } from './windows.js';
import { kindOf, tokenOf } from './networks/kt-network.js';
import type { KtNetwork, KtShape, SkillRows } from './networks/kt-network.js';
import { LSTM_SKILL_ROWS, lstmNetwork } from './networks/lstm-network.js';
import { LstmStepper } from './networks/lstm-step.js';
import { auc } from '../evaluation/metrics.js';
import type { KtModel } from './simple-models.js';
import { loadTf } from './networks/tf-backend.js';
import type { Tf } from './networks/tf-backend.js';

export type Architecture = 'lstm' | 'lstm-history' | 'lstm-answer' | 'attention' | 'akt' | 'dkvmn' | 'dkvmn-history';

const ARCHITECTURES: Record<
  Architecture,
  {
    name: string;
    network: typeof lstmNetwork;
    skillRows: Record<string, SkillRows>;
    features: number;
    partners?: boolean;
    /** Whether the network splits its units among attention heads (`heads`). */
    headed?: boolean;
  }
> = {
  lstm: { name: 'DKT (LSTM)', network: lstmNetwork, skillRows: LSTM_SKILL_ROWS, features: 0 },
  // The LSTM reading each skill's counts beside the answers (history-features.ts).
  'lstm-history': {
    name: 'DKT+history (LSTM)',
    network: lstmNetwork,
    skillRows: LSTM_SKILL_ROWS,
    features: HISTORY_FEATURES,
  },
  // And each row of a multi-skill answer knows the answer's other skill: a pair of skills is nearly an item.
  'lstm-answer': {
    name: 'DKT+history+answer (LSTM)',
    network: lstmNetwork,
    skillRows: LSTM_SKILL_ROWS,
    features: HISTORY_FEATURES,
    partners: true,
  },
  attention: {
    name: 'SAKT (attention)',
    network: attentionNetwork,
    skillRows: ATTENTION_SKILL_ROWS,
    features: 0,
    headed: true,
  },
  // Monotonic attention over question and knowledge encoders, Rasch-style skill vectors (akt-network.ts).
  akt: { name: 'AKT (attention)', network: aktNetwork, skillRows: AKT_SKILL_ROWS, features: 0, headed: true },
  // A key-value memory of latent concepts, read and written through each skill's weights (dkvmn-network.ts).
  dkvmn: { name: 'DKVMN (memory)', network: dkvmnNetwork, skillRows: DKVMN_SKILL_ROWS, features: 0 },
  'dkvmn-history': {
    name: 'DKVMN+history (memory)',
    network: dkvmnNetwork,
    skillRows: DKVMN_SKILL_ROWS,
    features: HISTORY_FEATURES,
  },
};

/** Whether `architecture` splits its units among attention heads, so `heads` means something to it. */
export const isHeaded = (architecture: Architecture): boolean => ARCHITECTURES[architecture].headed ?? false;

export interface EpochReport {
  epoch: number;
  /** Mean training log loss (without the prior's penalty). */
  loss: number;
  /** On the learners held out for early stopping, when there are enough of them. */
  validation?: { logLoss: number; auc: number };
}

export interface DeepKtOptions {
  architecture?: Architecture;
  /** What evaluation tables call the model: by default its architecture's name, a size or seed appended by the caller. */
  name?: string;
  hidden?: number;
  /** Size of the LSTM's input vectors (the attention model uses `hidden` throughout). */
  embedding?: number;
  /** Training cuts learners into windows of this many answers; predictions read up to this many back. */
  window?: number;
  /** At most this many passes; fewer when the validation AUC stops improving. */
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  dropout?: number;
  heads?: number;
  seed?: number;
  /** How many skills there are (ids 0..n-1); by default, one past the largest id in the training data. */
  skills?: number;
  /** Share of the training learners held out to stop early and to calibrate (0: neither). */
  validation?: number;
  /**
   * Precision of the Gaussian prior on each per-skill deviation (1 / variance): larger keeps skills
   * with few answers closer to the shared vectors. Scaled by the number of training answers.
   */
  l2?: number;
  /** Epochs without a better validation AUC before training stops. */
  patience?: number;
  /** Called after each epoch with the mean training loss (and the validation scores, as a third argument). */
  onEpoch?: (epoch: number, loss: number, report: EpochReport) => void;
}

/** What is saved of a trained model besides its weights. */
export interface DeepKtTopology {
  format: 'lionlearn-kt';
  version: 1;
  architecture: Architecture;
  shape: KtShape;
  calibration: Calibration;
}

/**
 * A deep knowledge-tracing model in TensorFlow.js: an LSTM (DKT) or self-attention (SAKT) over
 * (skill, answer) tokens, trained on windows of learners with early stopping on held-out learners,
 * then calibrated on them (Platt scaling) so its probabilities can be read as chances.
 */
export class DeepKt implements KtModel {
  readonly name: string;
  #tf: Tf | undefined;
  #network: KtNetwork | undefined;
  #shape: KtShape | undefined;
  #calibration: Calibration = IDENTITY;
  #stepper: LstmStepper | undefined;
  /** What was saved beside the weights (for a loaded model). */
  metadata: Record<string, unknown> = {};
  readonly #o: Required<Omit<DeepKtOptions, 'onEpoch' | 'skills' | 'name'>> & Pick<DeepKtOptions, 'onEpoch' | 'skills'>;

  constructor(options: DeepKtOptions = {}) {
    this.#o = {
      // Tuned on STATICS, where overfitting the item tables is the risk, then checked on the ASSISTments sets.
      architecture: 'lstm',
      hidden: 64,
      embedding: 64,
      window: 200,
      epochs: 12,
      batchSize: 32,
      learningRate: 0.002,
      dropout: 0.2,
      heads: 2,
      seed: 7,
      validation: 0.15,
      l2: 100,
      patience: 2,
      ...options,
    };
    this.name = options.name ?? ARCHITECTURES[this.#o.architecture].name;
  }

  get architecture(): Architecture {
    return this.#o.architecture;
  }

  /** How many answers back a prediction reads. */
  get window(): number {
    return this.#o.window;
  }

  /** How many skills the model knows (0 before it is trained or loaded). */
  get skills(): number {
    return this.#shape?.skills ?? 0;
  }

  get calibration(): Calibration {
    return this.#calibration;
  }

  /**
   * The LSTM one answer at a time, for serving: a learner's state is kept and each new answer costs
   * one step. Undefined for the attention model, which reads its window at every prediction.
   */
  stepper(): LstmStepper | undefined {
    // Serving has no answer's other skills to give (lstm-answer); the other networks read their whole window.
    const { partners, network } = ARCHITECTURES[this.#o.architecture];
    if (network !== lstmNetwork || partners || !this.#network) {
      return undefined;
    }
    this.#stepper ??= new LstmStepper(this.#network.params, this.#shape!);
    return this.#stepper;
  }

  /** Trains; a model already trained or loaded is fine-tuned, grown first if the data has new skills. */
  async fit(train: readonly Sequence[]): Promise<void> {
    const tf = await this.#ready();
    // Its weights are about to change.
    this.#stepper = undefined;
    const skills = Math.max(this.#o.skills ?? 0, skillCount(train), this.skills, 1);
    const held = this.#o.validation > 0 && train.length >= 20 ? heldOut(train, this.#o.validation, this.#o.seed) : [];
    const heldSet = new Set(held);
    const fitting = train.filter((s) => !heldSet.has(s));
    if (!this.#network) {
      this.#build(tf, skills);
      const bias = difficultyLogits(tf, fitting, skills);
      this.#network!.params.get('outBias')!.assign(bias);
      bias.dispose();
    } else if (skills > this.skills) this.#grow(tf, skills);
    const network = this.#network!;
    const windows = fitting.flatMap((s) => trainingWindows(s, this.#o.window));
    const answers = fitting.reduce((n, s) => n + s.skills.length, 0);
    const prior = this.#o.l2 / 2 / Math.max(1, answers);
    const optimizer = tf.train.adam(this.#o.learningRate);
    const variables = [...network.params.values()];
    let best: { auc: number; weights: Map<string, TF.Tensor>; logits: number[][] } | undefined;
    let stale = 0;
    // Dropout masks from the model's seed, one per batch in order, so the same seed trains the same model.
    let draws = 0;
    for (let epoch = 0; epoch < this.#o.epochs; epoch++) {
      let total = 0;
      let count = 0;
      for (const group of batches(windows, this.#o.batchSize, this.#o.seed + epoch)) {
        // No tidy inside: minimize keeps what the backward pass needs and disposes the rest itself.
        let logLoss: TF.Scalar | undefined;
        optimizer.minimize(
          () => {
            const { correct, mask, ...batch } = this.#tensors(group);
            const training = { seed: this.#o.seed * 100_003 + draws++ };
            const data = tf.losses.sigmoidCrossEntropy(correct, network.logits(batch, training), mask) as TF.Scalar;
            // A kept copy to report: minimize disposes the cost it is handed.
            logLoss = tf.keep(data.clone());
            return prior > 0 ? data.add(network.penalty().mul(prior)) : data;
          },
          false,
          variables,
        );
        const steps = group.reduce((n, w) => n + w.end - w.from, 0);
        total += (await logLoss!.data())[0]! * steps;
        count += steps;
        logLoss!.dispose();
        // The await above settles without a turn of the event loop: let the thread hear its messages and its
        // parent's going (a scoring process stops when `model eval` does) between batches, not after the fit.
        await new Promise((resolve) => setImmediate(resolve));
      }
      const report: EpochReport = { epoch, loss: total / Math.max(1, count) };
      if (held.length > 0) {
        const logits = this.#logitsOf(held);
        const score = logScore(logits, held);
        report.validation = score;
        // AUC rather than log loss decides: an overconfident epoch that ranks better is fixed by the calibration.
        if (!best || score.auc > best.auc) {
          best?.weights.forEach((t) => t.dispose());
          best = { auc: score.auc, weights: snapshot(network), logits };
          stale = 0;
        } else stale += 1;
      }
      this.#o.onEpoch?.(epoch, report.loss, report);
      if (stale >= this.#o.patience) break;
    }
    optimizer.dispose();
    if (best) {
      for (const [name, value] of best.weights) network.params.get(name)!.assign(value);
      best.weights.forEach((t) => t.dispose());
      this.#calibration = fitCalibration(
        best.logits.flat(),
        held.flatMap((s) => s.correct),
      );
    }
  }

  /** The chance of each answer being right, from the learner's earlier answers only. */
  predict(sequence: Sequence): number[] {
    return this.predictAll([sequence])[0]!;
  }

  /** `predict` for many learners at once (far faster than one at a time). */
  predictAll(sequences: readonly Sequence[]): number[][] {
    return this.#logitsOf(sequences).map((row) => row.map((x) => calibrate(this.#calibration, x)));
  }

  /** The chance the learner gets each of `skills` right next, after the answers so far. */
  predictNext(history: Sequence, skills: readonly number[]): number[] {
    return this.predictNextLogits(history, skills).map((x) => calibrate(this.#calibration, x));
  }

  /** `predictNext` before calibration. */
  predictNextLogits(history: Sequence, skills: readonly number[]): number[] {
    const n = history.skills.length;
    const windows = skills.map((skill) => ({
      sequence: {
        skills: [...history.skills, skill],
        correct: [...history.correct, 0 as const],
        // Which rows were one answer still counts: the history features read the answers, not the rows.
        ...(history.continues ? { continues: [...history.continues, false] } : {}),
      },
      start: Math.max(0, n + 1 - this.#o.window),
      end: n + 1,
      from: n,
    }));
    return this.#run(windows).map((row) => row[0]!);
  }

  /** Writes the topology, weights and `metadata` through a tfjs IOHandler (a ModelStore folder, say). */
  async save(handler: TF.io.IOHandler, metadata: Record<string, unknown> = {}): Promise<void> {
    const tf = this.#tf!;
    if (!this.#network || !handler.save) throw new Error('nothing to save, or nowhere to save it');
    const { data, specs } = await tf.io.encodeWeights(Object.fromEntries(this.#network.params));
    const topology: DeepKtTopology = {
      format: 'lionlearn-kt',
      version: 1,
      architecture: this.#o.architecture,
      shape: this.#shape!,
      calibration: this.#calibration,
    };
    await handler.save({
      format: topology.format,
      generatedBy: 'lionlearn',
      modelTopology: topology,
      weightSpecs: specs,
      weightData: data,
      userDefinedMetadata: metadata as Record<string, object>,
    });
  }

  /** A model read through a tfjs IOHandler; throws when its parts do not fit together. */
  static async load(handler: TF.io.IOHandler, options: DeepKtOptions = {}): Promise<DeepKt> {
    if (!handler.load) throw new Error('the handler cannot load');
    const artifacts = await handler.load();
    const topology = artifacts.modelTopology as DeepKtTopology | undefined;
    if (
      topology?.format !== 'lionlearn-kt' ||
      topology.version !== 1 ||
      !Object.hasOwn(ARCHITECTURES, topology.architecture) ||
      !artifacts.weightSpecs ||
      !artifacts.weightData
    ) {
      throw new Error('not a knowledge-tracing model this version can read');
    }
    const { shape } = topology;
    const model = new DeepKt({
      ...options,
      architecture: topology.architecture,
      hidden: shape.hidden,
      embedding: shape.embedding,
      window: shape.window,
      heads: shape.heads,
      dropout: shape.dropout,
    });
    const tf = await model.#ready();
    const weights = new Map(Object.entries(tf.io.decodeWeights(artifacts.weightData, artifacts.weightSpecs)));
    try {
      model.#build(tf, shape.skills, weights);
    } finally {
      weights.forEach((t) => t.dispose());
    }
    model.#calibration = topology.calibration;
    model.metadata = (artifacts.userDefinedMetadata as Record<string, unknown> | undefined) ?? {};
    return model;
  }

  dispose(): void {
    this.#stepper = undefined;
    this.#network?.params.forEach((v) => v.dispose());
    this.#network = undefined;
  }

  async #ready(): Promise<Tf> {
    this.#tf ??= (await loadTf()).tf;
    return this.#tf;
  }

  #build(tf: Tf, skills: number, initial?: Map<string, TF.Tensor>): void {
    const o = this.#o;
    this.#shape = {
      skills,
      hidden: o.hidden,
      embedding: o.embedding,
      window: o.window,
      heads: o.heads,
      dropout: o.dropout,
      features: ARCHITECTURES[o.architecture].features,
      partners: ARCHITECTURES[o.architecture].partners ?? false,
    };
    this.#network = ARCHITECTURES[o.architecture].network(tf, this.#shape, o.seed, initial);
  }

  /** Adds rows for new skills to every skill-indexed table, so what was learned stays. */
  #grow(tf: Tf, skills: number): void {
    const old = this.#network!;
    const added = skills - this.skills;
    const rows = ARCHITECTURES[this.#o.architecture].skillRows;
    const initial = new Map<string, TF.Tensor>();
    for (const [name, value] of old.params) {
      const more = rows[name] ? added * rows[name].perSkill : 0;
      initial.set(
        name,
        more === 0
          ? value.clone()
          : tf.concat([value, tf.randomNormal([more, ...value.shape.slice(1)], 0, 0.05, 'float32', this.#o.seed)]),
      );
    }
    old.params.forEach((v) => v.dispose());
    try {
      this.#build(tf, skills, initial);
    } finally {
      initial.forEach((t) => t.dispose());
    }
  }

  #logitsOf(sequences: readonly Sequence[]): number[][] {
    const windows = sequences.map((s) => predictionWindows(s, this.#o.window));
    const values = this.#run(windows.flat());
    let i = 0;
    return windows.map((list) => list.flatMap(() => values[i++]!));
  }

  /** Logits of each window's predicted steps, run in batches of similar length. */
  #run(windows: readonly Window[]): number[][] {
    const tf = this.#tf!;
    const order = windows.map((_, i) => i).sort((a, b) => span(windows[b]!) - span(windows[a]!));
    const out: number[][] = new Array(windows.length);
    const size = 4 * this.#o.batchSize;
    for (let i = 0; i < order.length; i += size) {
      const group = order.slice(i, i + size).map((j) => windows[j]!);
      const logits = tf.tidy(() => {
        const { correct, mask, ...batch } = this.#tensors(group);
        return this.#network!.logits(batch);
      });
      const values = logits.dataSync();
      const length = logits.shape[1];
      logits.dispose();
      group.forEach((w, b) => {
        out[order[i + b]!] = Array.from(values.subarray(b * length + w.from - w.start, b * length + w.end - w.start));
      });
    }
    return out;
  }

  #tensors(windows: readonly Window[]) {
    const tf = this.#tf!;
    const last = this.skills - 1;
    const length = Math.max(...windows.map(span));
    const tokens = new Int32Array(windows.length * length);
    const skills = new Int32Array(windows.length * length);
    const kinds = new Int32Array(windows.length * length);
    const correct = new Float32Array(windows.length * length);
    const mask = new Float32Array(windows.length * length);
    const reads = new Int32Array(windows.length * length);
    let continues = false;
    const f = this.#shape!.features ?? 0;
    const features = new Float32Array(f > 0 ? windows.length * length * f : 0);
    const previous = new Float32Array(2 * features.length);
    const partners = this.#shape!.partners ? new Int32Array(windows.length * length) : undefined;
    windows.forEach(({ sequence: s, start, end, from }, b) => {
      const starts = s.continues ? answerStarts(s) : undefined;
      if (partners && starts) {
        for (let i = start; i < end; i++) {
          // The answer's first row names its second; every later row names the first.
          const other = starts[i]! < i ? starts[i]! : s.continues![i + 1] ? i + 1 : -1;
          if (other >= 0) partners[b * length + i - start] = 1 + Math.min(s.skills[other]!, last);
        }
      }
      const history = f > 0 ? historyFeatures(s) : undefined;
      for (let t = 0; t < length; t++) reads[b * length + t] = t;
      for (let i = start; i < end; i++) {
        const at = b * length + i - start;
        // A row continuing an answer begun before the window reads from the window's start, the nearest it has.
        if (starts && starts[i]! < i) {
          reads[at] = Math.max(starts[i]!, start) - start;
          continues = true;
        }
        // Skills the model has never seen read as its last one: a known, wrong-but-harmless guess.
        tokens[at] = i === 0 ? 1 : tokenOf(Math.min(s.skills[i - 1]!, last), s.correct[i - 1]!);
        kinds[at] = kindOf(tokens[at]!);
        skills[at] = Math.min(s.skills[i]!, last);
        correct[at] = s.correct[i]!;
        // Nor is it scored or trained on: the token before it is its own answer's.
        mask[at] = i >= from && !(starts && starts[i]! < start) ? 1 : 0;
        if (!history) continue;
        features.set(history.subarray(i * f, (i + 1) * f), at * f);
        if (i === 0) continue;
        // The answer the token carries: what it was predicted with, and that signed by how it went.
        const sign = s.correct[i - 1] ? 1 : -1;
        for (let j = 0; j < f; j++) {
          const value = history[(i - 1) * f + j]!;
          previous[at * 2 * f + j] = value;
          previous[at * 2 * f + f + j] = sign * value;
        }
      }
    });
    const shape: [number, number] = [windows.length, length];
    return {
      tokens: tf.tensor2d(tokens, shape, 'int32'),
      skills: tf.tensor2d(skills, shape, 'int32'),
      kinds: tf.tensor2d(kinds, shape, 'int32'),
      correct: tf.tensor2d(correct, shape),
      mask: tf.tensor2d(mask, shape),
      ...(continues ? { reads: tf.tensor2d(reads, shape, 'int32') } : {}),
      ...(partners ? { partners: tf.tensor2d(partners, shape, 'int32') } : {}),
      ...(f > 0
        ? {
            features: tf.tensor3d(features, [...shape, f]),
            previous: tf.tensor3d(previous, [...shape, 2 * f]),
          }
        : {}),
    };
  }
}

/**
 * Each skill's share of right answers as a logit (Laplace-smoothed), where the per-skill bias
 * starts: learning a thousand item difficulties from zero at a small learning rate takes dozens
 * of epochs, and the rest of the network is better spent on what the answers before say.
 */
function difficultyLogits(tf: Tf, sequences: readonly Sequence[], skills: number): TF.Tensor2D {
  const right = new Float32Array(skills);
  const seen = new Float32Array(skills);
  for (const s of sequences) {
    s.skills.forEach((k, i) => {
      right[k]! += s.correct[i]!;
      seen[k]! += 1;
    });
  }
  const logits = right.map((r, k) => Math.log((r + 1) / (seen[k]! - r + 1)));
  return tf.tensor2d(logits, [skills, 1]);
}

/** One past the largest skill id (a spread would overflow the stack on real data sets). */
export const skillCount = (sequences: readonly Sequence[]): number =>
  sequences.reduce((max, s) => s.skills.reduce((m, k) => (k > m ? k : m), max), -1) + 1;

function heldOut(train: readonly Sequence[], share: number, seed: number): Sequence[] {
  const random = lcg(seed + 1000);
  return train.filter(() => random() < share);
}

function logScore(logits: number[][], sequences: readonly Sequence[]): { logLoss: number; auc: number } {
  const p = logits.flat().map(sigmoid);
  const y = sequences.flatMap((s) => s.correct);
  let loss = 0;
  p.forEach((q, i) => {
    const c = Math.min(1 - 1e-7, Math.max(1e-7, q));
    loss -= y[i] ? Math.log(c) : Math.log(1 - c);
  });
  return { logLoss: loss / p.length, auc: auc(p, y) };
}

function snapshot(network: KtNetwork): Map<string, TF.Tensor> {
  return new Map([...network.params].map(([name, v]) => [name, v.clone()]));
}
