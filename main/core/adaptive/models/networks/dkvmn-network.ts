import type * as TF from '@tensorflow/tfjs';
import { createParams, lookup, param, splitSteps, stackSteps, sumOfSquares, tokenCount } from './kt-network.js';
import { historyBias, historyShapes, HISTORY_SKILL_ROWS } from './history-terms.js';
import type { KtBatch, KtNetwork, KtShape, SkillRows, Training } from './kt-network.js';
import type { Tf } from './tf-backend.js';

export const DKVMN_SKILL_ROWS: Record<string, SkillRows> = {
  key: { fixed: 0, perSkill: 1 },
  value: { fixed: 2, perSkill: 2 },
  out: { fixed: 0, perSkill: 1 },
  outBias: { fixed: 0, perSkill: 1 },
  ...HISTORY_SKILL_ROWS,
};

/** Concepts the memory holds: DKVMN's paper used 20 to 50; more cost memory for every step of the window. */
export const MEMORY_SLOTS = 20;

/**
 * Dynamic key-value memory network (DKVMN, Zhang et al. 2017). A fixed key matrix holds latent
 * concepts; a skill's key attends over them (its correlation weights). Each learner has a value
 * matrix, their mastery of each concept: an answer erases and adds to the rows its skill's weights
 * point at, and the next question reads the rows its own weights point at. The read and the
 * question's key give the summary whose dot with the question's vector is the logit. Unlike the
 * LSTM's one state, what is known of unrelated concepts is left alone by an answer. With history
 * features (dkvmn-history), as in DKT+history: the previous answer's features join what it writes,
 * a step's own join its summary, and they add a per-skill term to the logit.
 */
export function dkvmnNetwork(tf: Tf, shape: KtShape, seed: number, initial?: Map<string, TF.Tensor>): KtNetwork {
  const d = shape.hidden;
  const n = MEMORY_SLOTS;
  const f = shape.features ?? 0;
  const params = createParams(
    tf,
    seed,
    {
      key: [shape.skills, d],
      keyShared: [1, d],
      memoryKey: [n, d],
      memoryValue: [n, d],
      value: [tokenCount(shape.skills), d],
      answerEmbed: [4, d],
      erase: [d, d],
      eraseBias: [d],
      add: [d, d],
      addBias: [d],
      summary: [2 * d, d],
      summaryBias: [d],
      out: [shape.skills, d],
      outShared: [1, d],
      outBias: [shape.skills, 1],
      ...historyShapes(shape, d, d),
    },
    initial,
  );
  const p = (name: string) => param(params, name);
  /** Correlation weights of skills over the concepts: [B * T, slots]. */
  const weights = (skills: TF.Tensor) => {
    const keys = lookup(tf, p('key') as TF.Tensor2D, skills)
      .reshape([-1, d])
      .add(p('keyShared'));
    return { keys, weights: tf.softmax(keys.matMul(p('memoryKey'), false, true)) };
  };

  return {
    params,
    logits({ tokens, skills, kinds, reads, features, previous }: KtBatch, training?: Training): TF.Tensor2D {
      const [b, t] = tokens.shape;
      // Token t is the answer before step t: it writes, with its skill's weights (a pad or a start writes nothing).
      const written = tokens
        .greaterEqual(2)
        .toFloat()
        .reshape([b * t, 1]);
      const tokenSkills = tf.floorDiv(tf.maximum(tokens.sub(2), 0), 2).cast('int32');
      const write = weights(tokenSkills)
        .weights.mul(written)
        .reshape([b * t, n, 1]);
      let v = lookup(tf, p('value') as TF.Tensor2D, tokens)
        .add(lookup(tf, p('answerEmbed') as TF.Tensor2D, kinds))
        .reshape([b * t, d]);
      if (f > 0) v = v.add(previous!.reshape([b * t, 2 * f]).matMul(p('featureIn')));
      const erase = v
        .matMul(p('erase'))
        .add(p('eraseBias'))
        .sigmoid()
        .reshape([b * t, 1, d]);
      const add = v
        .matMul(p('add'))
        .add(p('addBias'))
        .tanh()
        .reshape([b * t, 1, d]);
      const keeps = splitSteps(
        tf,
        tf
          .scalar(1)
          .sub(write.mul(erase))
          .reshape([b, t, n * d]),
        t,
      );
      const adds = splitSteps(tf, write.mul(add).reshape([b, t, n * d]), t);
      let memory = p('memoryValue')
        .reshape([1, n * d])
        .tile([b, 1]);
      const memories: TF.Tensor[] = [];
      const step = (i: number) => memory.mul(keeps[i]!.reshape([b, n * d])).add(adds[i]!.reshape([b, n * d]));
      for (let i = 0; i < t; i++) {
        // As in the LSTM: training keeps each step for the backward pass, inference frees what it can.
        memory = training ? step(i) : tf.tidy(() => step(i));
        memories.push(memory);
      }
      let all = stackSteps(tf, memories).reshape([b * t, n * d]);
      // A continuation row reads the memory its answer's first row read, not the rows of its own answer.
      if (reads) {
        const rows = reads.add(tf.range(0, b * t, t, 'int32').reshape([b, 1]));
        all = lookup(tf, all as TF.Tensor2D, rows).reshape([b * t, n * d]);
      }
      const question = weights(skills);
      const read = tf.matMul(question.weights.reshape([b * t, 1, n]), all.reshape([b * t, n, d])).reshape([b * t, d]);
      let summary = tf.concat([read, question.keys], 1).matMul(p('summary')).add(p('summaryBias'));
      if (f > 0) summary = summary.add(features!.reshape([b * t, f]).matMul(p('featureState')));
      summary = summary.tanh();
      if (training && shape.dropout > 0) summary = tf.dropout(summary, shape.dropout, undefined, training.seed);
      const next = lookup(tf, p('out') as TF.Tensor2D, skills)
        .reshape([b * t, d])
        .add(p('outShared'));
      let bias = lookup(tf, p('outBias') as TF.Tensor2D, skills).reshape([b, t]);
      if (f > 0) bias = bias.add(historyBias(tf, params, features!, skills));
      return summary.mul(next).sum(-1).reshape([b, t]).add(bias) as TF.Tensor2D;
    },
    penalty: () => sumOfSquares(tf, [p('key'), p('value'), p('out'), ...(f > 0 ? [p('featureSkill')] : [])]),
  };
}
