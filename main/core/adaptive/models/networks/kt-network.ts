import type * as TF from '@tensorflow/tfjs';
import type { Tf } from './tf-backend.js';

/** A batch of windows, time-major within each row: step t reads the answer before t and predicts answer t. */
export interface KtBatch {
  /** int32 [B, T]: 0 pads, 1 starts a learner, 2 + 2 * skill + correct is the answer before step t. */
  tokens: TF.Tensor2D;
  /** int32 [B, T]: the skill of answer t, the one predicted. */
  skills: TF.Tensor2D;
  /** int32 [B, T]: the token without its skill: 0 pads, 1 starts, 2 wrong, 3 right (rows of a shared table). */
  kinds: TF.Tensor2D;
  /**
   * int32 [B, T]: the last step whose token step t may read (tokens up to it, itself included): t, or
   * for a row that continues a multi-skill answer, the answer's first row. Absent: t for every step.
   */
  reads?: TF.Tensor2D;
  /** float32 [B, T, F]: the learner's past on the skill of answer t (history-features.ts); with `features` in the shape. */
  features?: TF.Tensor3D;
  /** float32 [B, T, 2F]: the features answer t - 1 was predicted with, and them signed by its correctness (zeros at a start). */
  previous?: TF.Tensor3D;
  /** int32 [B, T]: 1 + another skill of answer t's, 0 for an answer on one skill; with `partners` in the shape. */
  partners?: TF.Tensor2D;
}

/** Training: dropout on, its masks drawn from this seed, so the same seed gives the same model. */
export interface Training {
  seed: number;
}

/** The sizes a network is built from. */
export interface KtShape {
  skills: number;
  hidden: number;
  /** Size of the LSTM's input vectors. */
  embedding: number;
  /** Longest window the network reads (positions of the attention model). */
  window: number;
  heads: number;
  dropout: number;
  /** Per-skill history features read beside the tokens (0 or absent: none, the plain network). */
  features?: number;
  /** Whether a row also reads another skill of its answer (a multi-skill answer's rows). */
  partners?: boolean;
}

/** A knowledge-tracing network: trainable tensors by name, and the logit of each step's answer being right. */
export interface KtNetwork {
  readonly params: Map<string, TF.Variable>;
  /** Without `training`, inference: no dropout. */
  logits(batch: KtBatch, training?: Training): TF.Tensor2D;
  /** Sum of squares of the per-skill deviations, for a Gaussian prior that pulls rare skills towards the shared vectors. */
  penalty(): TF.Scalar;
}

/** Rows of a parameter that belong to skills, so a model can grow when a pack adds skills. */
export interface SkillRows {
  /** Rows before the first skill's (the pad and start tokens). */
  fixed: number;
  perSkill: number;
}

export const tokenCount = (skills: number) => 2 + 2 * skills;
export const tokenOf = (skill: number, correct: number) => 2 + 2 * skill + correct;
export const kindOf = (token: number) => (token < 2 ? token : 2 + ((token - 2) % 2));

export const sumOfSquares = (tf: Tf, tensors: TF.Tensor[]): TF.Scalar =>
  tf.addN(tensors.map((t) => t.square().sum())) as TF.Scalar;

/**
 * Row lookup whose gradient is a scatter-add. tf.gather's own gradient needs UnsortedSegmentSum,
 * which the WebAssembly backend lacks; ScatterNd (which sums repeated indices) it has.
 */
export function lookup(tf: Tf, table: TF.Tensor2D, ids: TF.Tensor): TF.Tensor {
  // The ids go in as an input and are saved: tensors only captured by the closure are freed before the backward pass.
  const rows = tf.customGrad((...inputs) => {
    const [t, ids, save] = inputs as [TF.Tensor, TF.Tensor, TF.GradSaveFunc];
    save([ids]);
    return {
      value: tf.gather(t, ids),
      gradFunc: (dy: TF.Tensor | TF.Tensor[], saved: TF.Tensor[]) => [
        tf.scatterND(saved[0]!.expandDims(-1), dy as TF.Tensor, t.shape),
        tf.zerosLike(saved[0]!),
      ],
    };
  })(table, ids.reshape([-1]));
  return rows.reshape([...ids.shape, table.shape[1]]);
}

export function layerNorm(tf: Tf, x: TF.Tensor, gain: TF.Tensor, bias: TF.Tensor): TF.Tensor {
  const mean = x.mean(-1, true);
  const centered = x.sub(mean);
  const variance = centered.square().mean(-1, true);
  return centered
    .mul(tf.rsqrt(variance.add(1e-5)))
    .mul(gain)
    .add(bias);
}

/** A parameter's shape, or its shape and the value every entry starts at. */
export type ParamShape = number[] | { shape: number[]; fill: number };

/** Creates the named parameters: Glorot-uniform matrices, zero vectors unless an initial value is given. */
export function createParams(
  tf: Tf,
  seed: number,
  shapes: Record<string, ParamShape>,
  initial?: Map<string, TF.Tensor>,
): Map<string, TF.Variable> {
  const params = new Map<string, TF.Variable>();
  let n = 0;
  for (const [name, spec] of Object.entries(shapes)) {
    const shape = Array.isArray(spec) ? spec : spec.shape;
    const given = initial?.get(name);
    if (given && given.shape.join() !== shape.join()) {
      throw new Error(`parameter ${name} is ${given.shape.join('x')}, the network expects ${shape.join('x')}`);
    }
    let value: TF.Tensor;
    if (given) value = given.clone();
    else if (!Array.isArray(spec)) value = tf.fill(shape, spec.fill);
    else if (shape.length === 1) value = tf.zeros(shape);
    else {
      const limit = Math.sqrt(6 / (shape[0]! + shape.at(-1)!));
      value = tf.randomUniform(shape, -limit, limit, 'float32', seed + n);
    }
    n += 1;
    params.set(name, tf.variable(value));
    value.dispose();
  }
  return params;
}

export const param = (params: Map<string, TF.Variable>, name: string) => params.get(name)! as TF.Tensor;

/** Sizes of consecutive groups of about sqrt(n) items, the last one smaller. */
function groupSizes(n: number): number[] {
  const size = Math.ceil(Math.sqrt(n));
  const sizes: number[] = [];
  for (let left = n; left > 0; left -= size) sizes.push(Math.min(size, left));
  return sizes;
}

/**
 * `tf.split(x, steps, 1)`: one [B, 1, ...] piece per step, in two levels. The WebAssembly backend
 * copies its whole input for every slice it cuts, so a split into T pieces copies T times the
 * tensor (1.3 GB per batch of 32 windows of 200 steps, most of a training epoch's time); in groups
 * of sqrt(T) it is 2 sqrt(T) times. The gradient stays a concatenation, whose memory is the tensor's.
 */
export function splitSteps(tf: Tf, x: TF.Tensor, steps: number): TF.Tensor[] {
  if (steps === 1) return [x];
  const sizes = groupSizes(steps);
  const groups = sizes.length === 1 ? [x] : tf.split(x, sizes, 1);
  return groups.flatMap((group, k) => (sizes[k] === 1 ? [group] : tf.split(group, sizes[k]!, 1)));
}

/** `tf.stack(steps, 1)` in two levels, for the same reason: its gradient cuts one slice per step. */
export function stackSteps(tf: Tf, steps: TF.Tensor[]): TF.Tensor {
  const sizes = groupSizes(steps.length);
  let at = 0;
  const groups = sizes.map((size) => tf.stack(steps.slice(at, (at += size)), 1));
  return groups.length === 1 ? groups[0]! : tf.concat(groups, 1);
}
