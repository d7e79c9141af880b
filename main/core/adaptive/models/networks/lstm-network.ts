import type * as TF from '@tensorflow/tfjs';
import { createParams, lookup, param, splitSteps, stackSteps, sumOfSquares, tokenCount } from './kt-network.js';
import { historyBias, historyShapes, HISTORY_SKILL_ROWS } from './history-terms.js';
import type { KtBatch, KtNetwork, KtShape, ParamShape, SkillRows, Training } from './kt-network.js';
import type { Tf } from './tf-backend.js';

export const LSTM_SKILL_ROWS: Record<string, SkillRows> = {
  embed: { fixed: 2, perSkill: 2 },
  out: { fixed: 0, perSkill: 1 },
  outBias: { fixed: 0, perSkill: 1 },
  ...HISTORY_SKILL_ROWS,
  partner: { fixed: 1, perSkill: 1 },
  partnerBias: { fixed: 1, perSkill: 1 },
};

/**
 * Deep knowledge tracing (Piech et al. 2015): an LSTM reads the answers; the logit of the next one
 * is its state against the next skill's vector, plus that skill's own difficulty. Every skill's
 * vectors are a shared one plus the skill's own deviation (the Rasch-style embeddings of AKT), so a
 * rarely seen skill falls back to what all have in common rather than to noise.
 */
export function lstmNetwork(tf: Tf, shape: KtShape, seed: number, initial?: Map<string, TF.Tensor>): KtNetwork {
  const h = shape.hidden;
  const f = shape.features ?? 0;
  // Row 0 is "no other skill": masked to zero, so a one-skill answer reads as in the plain network.
  const partnerShapes: Record<string, ParamShape> = shape.partners
    ? { partner: { shape: [shape.skills + 1, h], fill: 0 }, partnerBias: { shape: [shape.skills + 1, 1], fill: 0 } }
    : {};
  const params = createParams(
    tf,
    seed,
    {
      embed: [tokenCount(shape.skills), shape.embedding],
      answerEmbed: [4, shape.embedding],
      inputGates: [shape.embedding, 4 * h],
      stateGates: [h, 4 * h],
      // Forget gates start open, the usual remedy for vanishing memory early in training.
      gateBias: { shape: [4 * h], fill: 0 },
      out: [shape.skills, h],
      outShared: [1, h],
      outBias: [shape.skills, 1],
      ...historyShapes(shape, shape.embedding, h),
      ...partnerShapes,
    },
    initial,
  );
  if (!initial) {
    const bias = tf.concat([tf.zeros([h]), tf.ones([h]), tf.zeros([2 * h])]);
    params.get('gateBias')!.assign(bias);
    bias.dispose();
  }
  const p = (name: string) => param(params, name);

  return {
    params,
    logits({ tokens, skills, kinds, reads, features, previous, partners }: KtBatch, training?: Training): TF.Tensor2D {
      const [b, t] = tokens.shape;
      let x = lookup(tf, p('embed') as TF.Tensor2D, tokens)
        .add(lookup(tf, p('answerEmbed') as TF.Tensor2D, kinds))
        .reshape([b * t, shape.embedding]);
      if (f > 0) x = x.add(previous!.reshape([b * t, 2 * f]).matMul(p('featureIn')));
      const gates = x
        .matMul(p('inputGates'))
        .add(p('gateBias'))
        .reshape([b, t, 4 * h]);
      // One piece per step from a split, whose gradient is one concat. A slice per step would each
      // have a gradient the size of the whole batch (its step's rows padded with zeros), all alive
      // until summed: window x batch x window x 4 x hidden floats, 1.3 GB for 200 x 32 x 256.
      const steps = splitSteps(tf, gates, t);
      let state = tf.zeros([b, h]);
      let cell = tf.zeros([b, h]);
      const states: TF.Tensor[] = [];
      const step = (i: number): [TF.Tensor, TF.Tensor] => {
        const z = steps[i]!.reshape([b, 4 * h]).add(state.matMul(p('stateGates')));
        const [input, forget, candidate, output] = tf.split(z, 4, 1) as [TF.Tensor, TF.Tensor, TF.Tensor, TF.Tensor];
        const c = forget.sigmoid().mul(cell).add(input.sigmoid().mul(candidate.tanh()));
        return [c, output.sigmoid().mul(c.tanh())];
      };
      for (let i = 0; i < t; i++) {
        // Training keeps every step's gates for the backward pass; inference frees them step by step
        // (in the caller's tidy they would all live to its end: 400 MB for 128 windows of 200).
        [cell, state] = training ? step(i) : tf.tidy(() => step(i));
        states.push(state);
      }
      let all = stackSteps(tf, states).reshape([b * t, h]);
      // A continuation row reads the state of its answer's first row: a row lookup in the batch's
      // states (a one-hot matrix per window would cost window x window per row).
      if (reads) {
        const rows = reads.add(tf.range(0, b * t, t, 'int32').reshape([b, 1]));
        all = lookup(tf, all as TF.Tensor2D, rows).reshape([b * t, h]);
      }
      if (training && shape.dropout > 0) all = tf.dropout(all, shape.dropout, undefined, training.seed);
      let next = lookup(tf, p('out') as TF.Tensor2D, skills)
        .reshape([b * t, h])
        .add(p('outShared'));
      let bias = lookup(tf, p('outBias') as TF.Tensor2D, skills).reshape([b, t]);
      if (f > 0) {
        // The skill's history moves the state the skill's vector reads, and adds its own PFA-like term.
        all = all.add(features!.reshape([b * t, f]).matMul(p('featureState')));
        bias = bias.add(historyBias(tf, params, features!, skills));
      }
      if (shape.partners && partners) {
        const has = partners.greater(0).toFloat();
        next = next.add(
          lookup(tf, p('partner') as TF.Tensor2D, partners)
            .reshape([b * t, h])
            .mul(has.reshape([b * t, 1])),
        );
        bias = bias.add(
          lookup(tf, p('partnerBias') as TF.Tensor2D, partners)
            .reshape([b, t])
            .mul(has),
        );
      }
      return all.mul(next).sum(-1).reshape([b, t]).add(bias) as TF.Tensor2D;
    },
    penalty: () =>
      sumOfSquares(tf, [
        p('embed'),
        p('out'),
        ...(f > 0 ? [p('featureSkill')] : []),
        ...(shape.partners ? [p('partner'), p('partnerBias')] : []),
      ]),
  };
}
