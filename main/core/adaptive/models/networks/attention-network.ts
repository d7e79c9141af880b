import type * as TF from '@tensorflow/tfjs';
import { createParams, layerNorm, lookup, param, sumOfSquares, tokenCount } from './kt-network.js';
import type { KtBatch, KtNetwork, KtShape, SkillRows, Training } from './kt-network.js';
import type { Tf } from './tf-backend.js';

export const ATTENTION_SKILL_ROWS: Record<string, SkillRows> = {
  interaction: { fixed: 2, perSkill: 2 },
  query: { fixed: 0, perSkill: 1 },
  out: { fixed: 0, perSkill: 1 },
  outBias: { fixed: 0, perSkill: 1 },
};

/**
 * Self-attentive knowledge tracing (SAKT, Pandey and Karypis 2019): the next skill attends over the
 * answers before it. Each head also has a learned penalty per step of distance, a simple form of the
 * forgetting that AKT's monotonic attention models, so recent answers can weigh more. As in the
 * LSTM, a skill's vectors are shared ones plus the skill's own deviation.
 */
export function attentionNetwork(tf: Tf, shape: KtShape, seed: number, initial?: Map<string, TF.Tensor>): KtNetwork {
  const d = shape.hidden;
  const heads = shape.heads;
  const dk = d / heads;
  if (!Number.isInteger(dk)) throw new Error(`hidden size ${d} does not split into ${heads} heads`);
  const params = createParams(
    tf,
    seed,
    {
      interaction: [tokenCount(shape.skills), d],
      answerEmbed: [4, d],
      position: [shape.window, d],
      query: [shape.skills, d],
      queryShared: [1, d],
      wq: [d, d],
      wk: [d, d],
      wv: [d, d],
      wo: [d, d],
      logSlope: [heads],
      norm1Gain: { shape: [d], fill: 1 },
      norm1Bias: [d],
      ff1: [d, 2 * d],
      ff1Bias: [2 * d],
      ff2: [2 * d, d],
      ff2Bias: [d],
      norm2Gain: { shape: [d], fill: 1 },
      norm2Bias: [d],
      out: [shape.skills, d],
      outShared: [1, d],
      outBias: [shape.skills, 1],
    },
    initial,
  );
  if (!initial) {
    // ALiBi's geometric slopes (1/2, 1/4, ...) as the starting point of each head's forgetting.
    const slopes = tf.tensor1d(Array.from({ length: heads }, (_, i) => -(i + 1) * Math.LN2));
    params.get('logSlope')!.assign(slopes);
    slopes.dispose();
  }
  const p = (name: string) => param(params, name);
  const split = (x: TF.Tensor, b: number, t: number) =>
    x
      .reshape([b, t, heads, dk])
      .transpose([0, 2, 1, 3])
      .reshape([b * heads, t, dk]);

  return {
    params,
    logits({ tokens, skills, kinds, reads }: KtBatch, training?: Training): TF.Tensor2D {
      const [b, t] = tokens.shape;
      // Each dropout of a pass draws its own mask, from the pass's seed.
      let draws = 0;
      const drop = (x: TF.Tensor) =>
        training && shape.dropout > 0 ? tf.dropout(x, shape.dropout, undefined, training.seed * 8 + draws++) : x;
      const x = drop(
        lookup(tf, p('interaction') as TF.Tensor2D, tokens)
          .add(lookup(tf, p('answerEmbed') as TF.Tensor2D, kinds))
          .add(p('position').slice([0, 0], [t, d])),
      ).reshape([b * t, d]);
      const q = lookup(tf, p('query') as TF.Tensor2D, skills)
        .reshape([b * t, d])
        .add(p('queryShared'));
      const queries = split(q.matMul(p('wq')), b, t);
      const keys = split(x.matMul(p('wk')), b, t);
      const values = split(x.matMul(p('wv')), b, t);
      // Step i may read tokens 0..i: token i is the answer before step i. A row that continues a
      // multi-skill answer reads as its answer's first row does: up to that row, and as far from each token.
      const positions = tf.range(0, t).reshape([1, t]);
      const distance = reads
        ? reads.toFloat().expandDims(2).sub(positions.expandDims(0)).expandDims(1) // [B, 1, T, T]
        : tf.range(0, t).expandDims(1).sub(positions).expandDims(0); // [1, T, T]
      const future = distance.less(0).toFloat().mul(-1e9);
      const recency = p('logSlope').exp().reshape([heads, 1, 1]).mul(distance.relu()).neg();
      const scores = tf
        .matMul(queries, keys, false, true)
        .mul(1 / Math.sqrt(dk))
        .reshape([b, heads, t, t])
        .add(recency)
        .add(future);
      const attended = tf
        .matMul(drop(tf.softmax(scores)).reshape([b * heads, t, t]), values)
        .reshape([b, heads, t, dk])
        .transpose([0, 2, 1, 3])
        .reshape([b * t, d]);
      const y = layerNorm(tf, drop(attended.matMul(p('wo'))).add(q), p('norm1Gain'), p('norm1Bias'));
      const f = y.matMul(p('ff1')).add(p('ff1Bias')).relu().matMul(p('ff2')).add(p('ff2Bias'));
      const z = layerNorm(tf, drop(f).add(y), p('norm2Gain'), p('norm2Bias'));
      const next = lookup(tf, p('out') as TF.Tensor2D, skills)
        .reshape([b * t, d])
        .add(p('outShared'));
      const bias = lookup(tf, p('outBias') as TF.Tensor2D, skills).reshape([b, t]);
      return z.mul(next).sum(-1).reshape([b, t]).add(bias) as TF.Tensor2D;
    },
    penalty: () => sumOfSquares(tf, [p('interaction'), p('query'), p('out')]),
  };
}
