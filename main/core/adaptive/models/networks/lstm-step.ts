import type * as TF from '@tensorflow/tfjs';
import { HISTORY_FEATURES, SkillHistory } from '../history-features.js';
import { kindOf } from './kt-network.js';

/** The LSTM's memory after the answers it has read: its output and its cell, `hidden` numbers each. */
export interface LstmState {
  h: Float32Array;
  c: Float32Array;
  /** Answers read (the start token not counted). */
  steps: number;
  /** The learner's per-skill counts, for a network that reads them (history-features.ts). */
  history?: SkillHistory;
}

type FeatureWeights = Record<'featureIn' | 'featureState' | 'featureOut' | 'featureSkill', Float32Array>;

/** The start token of a learner (kt-network.ts): what the network reads before the first answer. */
const START = 1;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * The network of lstm-network.ts one answer at a time, in plain arrays read once from its weights.
 * Serving a prediction is then one step per new answer and a dot product per candidate skill: a
 * few microseconds, where a TensorFlow.js pass over the window costs a dispatch per operation per
 * step (tens of milliseconds for 200 answers). Training stays in TensorFlow.js; the test checks
 * that both give the same logits.
 */
export class LstmStepper {
  readonly hidden: number;
  readonly skills: number;
  readonly #e: number;
  readonly #w: Record<
    'embed' | 'answerEmbed' | 'inputGates' | 'stateGates' | 'gateBias' | 'out' | 'outShared' | 'outBias',
    Float32Array
  >;
  /** With history features: their weights. */
  readonly #fw: FeatureWeights | undefined;
  // Scratch space for one step, reused: a prediction allocates nothing but its state.
  readonly #x: Float32Array;
  readonly #z: Float32Array;
  readonly #f = new Float32Array(HISTORY_FEATURES);
  readonly #hf: Float32Array;

  constructor(
    params: ReadonlyMap<string, TF.Variable>,
    shape: { skills: number; hidden: number; embedding: number; features?: number },
  ) {
    const read = (name: string) => params.get(name)!.dataSync() as Float32Array;
    if ((shape.features ?? 0) > 0) {
      if (shape.features !== HISTORY_FEATURES) throw new Error(`the network reads ${shape.features} history features`);
      this.#fw = {
        featureIn: read('featureIn'),
        featureState: read('featureState'),
        featureOut: read('featureOut'),
        featureSkill: read('featureSkill'),
      };
    }
    this.#hf = new Float32Array(shape.hidden);
    this.#w = {
      embed: read('embed'),
      answerEmbed: read('answerEmbed'),
      inputGates: read('inputGates'),
      stateGates: read('stateGates'),
      gateBias: read('gateBias'),
      out: read('out'),
      outShared: read('outShared'),
      outBias: read('outBias'),
    };
    this.hidden = shape.hidden;
    this.skills = shape.skills;
    this.#e = shape.embedding;
    this.#x = new Float32Array(this.#e);
    this.#z = new Float32Array(4 * this.hidden);
  }

  /** The state before a learner's first answer: the start token read from zeros. */
  start(): LstmState {
    const state: LstmState = {
      h: new Float32Array(this.hidden),
      c: new Float32Array(this.hidden),
      steps: 0,
      ...(this.#fw ? { history: new SkillHistory() } : {}),
    };
    this.#read(state, START, false);
    state.steps = 0;
    return state;
  }

  /**
   * Reads one row (token 2 + 2 * skill + correct) into the state, in place; `continues`: the row
   * belongs to the answer of the row before (a multi-skill answer), as Sequence.continues says.
   */
  step(state: LstmState, token: number, continues = false): void {
    this.#read(state, token, continues);
  }

  /** The logit of answering each skill right next, from the state. */
  logits(state: LstmState, skills: readonly number[]): number[] {
    const { out, outShared, outBias } = this.#w;
    const h = this.hidden;
    const fw = this.#fw;
    const f = this.#f;
    const hf = this.#hf;
    return skills.map((skill) => {
      let sum = outBias[skill]!;
      if (!fw) {
        for (let j = 0; j < h; j++) sum += state.h[j]! * (out[skill * h + j]! + outShared[j]!);
        return sum;
      }
      // As lstm-network.ts: the features move the state the skill's vector reads, and add their own term.
      state.history!.next(skill, f);
      hf.set(state.h);
      for (let i = 0; i < HISTORY_FEATURES; i++) {
        const fi = f[i]!;
        sum += fi * (fw.featureOut[i]! + fw.featureSkill[skill * HISTORY_FEATURES + i]!);
        for (let j = 0; j < h; j++) hf[j]! += fi * fw.featureState[i * h + j]!;
      }
      for (let j = 0; j < h; j++) sum += hf[j]! * (out[skill * h + j]! + outShared[j]!);
      return sum;
    });
  }

  #read(state: LstmState, token: number, continues: boolean): void {
    const { embed, answerEmbed, inputGates, stateGates, gateBias } = this.#w;
    const e = this.#e;
    const h = this.hidden;
    const g = 4 * h;
    const x = this.#x;
    const z = this.#z;
    const kind = kindOf(token);
    for (let i = 0; i < e; i++) x[i] = embed[token * e + i]! + answerEmbed[kind * e + i]!;
    if (this.#fw && token >= 2) this.#readFeatures(state.history!, token, continues);
    z.set(gateBias);
    for (let i = 0; i < e; i++) {
      const xi = x[i]!;
      if (xi === 0) continue;
      const row = i * g;
      for (let j = 0; j < g; j++) z[j]! += xi * inputGates[row + j]!;
    }
    for (let i = 0; i < h; i++) {
      const hi = state.h[i]!;
      if (hi === 0) continue;
      const row = i * g;
      for (let j = 0; j < g; j++) z[j]! += hi * stateGates[row + j]!;
    }
    // Gates in the order tf.split gives them in lstm-network.ts: input, forget, candidate, output.
    for (let j = 0; j < h; j++) {
      const c = sigmoid(z[h + j]!) * state.c[j]! + sigmoid(z[j]!) * Math.tanh(z[2 * h + j]!);
      state.c[j] = c;
      state.h[j] = sigmoid(z[3 * h + j]!) * Math.tanh(c);
    }
    state.steps += 1;
  }

  /** Adds the answer's history features (what it was predicted with, and them signed by its correctness) to the input. */
  #readFeatures(history: SkillHistory, token: number, continues: boolean): void {
    const { featureIn } = this.#fw!;
    const e = this.#e;
    const f = this.#f;
    const correct = ((token - 2) % 2) as 0 | 1;
    history.read((token - 2 - correct) / 2, correct, continues, f);
    const sign = correct ? 1 : -1;
    for (let i = 0; i < HISTORY_FEATURES; i++) {
      const plain = f[i]!;
      const signed = sign * plain;
      for (let j = 0; j < e; j++) {
        this.#x[j]! += plain * featureIn[i * e + j]! + signed * featureIn[(HISTORY_FEATURES + i) * e + j]!;
      }
    }
  }
}
