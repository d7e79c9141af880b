import type * as TF from '@tensorflow/tfjs';
import { createParams, layerNorm, lookup, param, sumOfSquares } from './kt-network.js';
import type { KtBatch, KtNetwork, KtShape, SkillRows, Training } from './kt-network.js';
import type { Tf } from './tf-backend.js';

export const AKT_SKILL_ROWS: Record<string, SkillRows> = {
  skillBase: { fixed: 0, perSkill: 1 },
  skillVariation: { fixed: 0, perSkill: 1 },
  difficulty: { fixed: 0, perSkill: 1 },
  outBias: { fixed: 0, perSkill: 1 },
};

/** One monotonic attention layer's projections and forgetting rates (a name prefix of the parameters). */
const ATTENTION = ['wq', 'wk', 'wv', 'wo', 'theta'] as const;

/**
 * Context-aware attentive knowledge tracing (AKT, Ghosh et al. 2020), without question ids (AKT-NR).
 * A question encoder reads the skills asked so far, a knowledge encoder the answers given so far, and
 * a retriever lets the next question attend over the past answers, keyed by their questions. Each
 * attention is monotonic: a score shrinks by exp(-theta * d), theta >= 0 per head, where d is the
 * distance to the past answer weighted by how much attention the answers between them draw (AKT's
 * context-aware distance), so an answer fades as newer relevant ones come in. Skills are embedded
 * Rasch-style: a skill's base vector plus a difficulty scalar times a variation vector (with question
 * ids the scalar would be the question's; here it is the skill's, and the structure is kept).
 */
export function aktNetwork(tf: Tf, shape: KtShape, seed: number, initial?: Map<string, TF.Tensor>): KtNetwork {
  const d = shape.hidden;
  const heads = shape.heads;
  const dk = d / heads;
  if (!Number.isInteger(dk)) throw new Error(`hidden size ${d} does not split into ${heads} heads`);
  const layers = ['question', 'knowledge', 'retriever'];
  const attentionShapes = Object.fromEntries(
    layers.flatMap((layer) => ATTENTION.map((n) => [`${layer}.${n}`, n === 'theta' ? [heads] : [d, d]])),
  );
  const params = createParams(
    tf,
    seed,
    {
      skillBase: [shape.skills, d],
      skillVariation: [shape.skills, d],
      difficulty: [shape.skills, 1],
      // Pad, start, wrong, right: the answer's part of an interaction, and its difficulty-scaled variation.
      answerEmbed: [4, d],
      answerVariation: [4, d],
      // The key of a window's first token when it is a learner's start.
      startKey: [1, d],
      ...attentionShapes,
      questionNormGain: { shape: [d], fill: 1 },
      questionNormBias: [d],
      knowledgeNormGain: { shape: [d], fill: 1 },
      knowledgeNormBias: [d],
      knowledgeFf1: [d, 2 * d],
      knowledgeFf1Bias: [2 * d],
      knowledgeFf2: [2 * d, d],
      knowledgeFf2Bias: [d],
      knowledgeNorm2Gain: { shape: [d], fill: 1 },
      knowledgeNorm2Bias: [d],
      retrieverNormGain: { shape: [d], fill: 1 },
      retrieverNormBias: [d],
      retrieverFf1: [d, 2 * d],
      retrieverFf1Bias: [2 * d],
      retrieverFf2: [2 * d, d],
      retrieverFf2Bias: [d],
      retrieverNorm2Gain: { shape: [d], fill: 1 },
      retrieverNorm2Bias: [d],
      head1: [2 * d, d],
      head1Bias: [d],
      head2: [d, 1],
      outBias: [shape.skills, 1],
    },
    initial,
  );
  if (!initial) {
    // AKT starts the Rasch difficulties at zero: every skill its base vector until the data says otherwise.
    const zero = tf.zeros([shape.skills, 1]);
    params.get('difficulty')!.assign(zero);
    zero.dispose();
  }
  const p = (name: string) => param(params, name);
  const split = (x: TF.Tensor, b: number, t: number) =>
    x
      .reshape([b, t, heads, dk])
      .transpose([0, 2, 1, 3])
      .reshape([b * heads, t, dk]);
  const merge = (x: TF.Tensor, b: number, t: number) =>
    x
      .reshape([b, heads, t, dk])
      .transpose([0, 2, 1, 3])
      .reshape([b * t, d]);

  /**
   * Queries [B*T, D] attend over keys and values [B*T, D]; `distance` [B or 1, 1, T, T] is how many
   * steps back each key is, negative where the query may not read it.
   */
  const attend = (
    layer: string,
    queries: TF.Tensor,
    keys: TF.Tensor,
    values: TF.Tensor,
    distance: TF.Tensor,
    b: number,
    t: number,
    drop: (x: TF.Tensor) => TF.Tensor,
  ): TF.Tensor => {
    const q = split(queries.matMul(p(`${layer}.wq`)), b, t);
    const k = split(keys.matMul(p(`${layer}.wk`)), b, t);
    const v = split(values.matMul(p(`${layer}.wv`)), b, t);
    const hidden = distance.less(0).toFloat().mul(-1e9);
    const scores = tf
      .matMul(q, k, false, true)
      .mul(1 / Math.sqrt(dk))
      .reshape([b, heads, t, t]);
    const effective = contextDistance(tf, scores.add(hidden), distance, t);
    // softplus keeps each head's rate of forgetting at or above zero.
    const rate = p(`${layer}.theta`).exp().add(1).log().reshape([heads, 1, 1]);
    const decay = tf.clipByValue(rate.mul(effective).neg().exp(), 1e-5, 1e5);
    const weights = drop(tf.softmax(scores.mul(decay).add(hidden))).reshape([b * heads, t, t]);
    return merge(tf.matMul(weights, v), b, t).matMul(p(`${layer}.wo`));
  };

  const feedForward = (name: string, x: TF.Tensor, drop: (x: TF.Tensor) => TF.Tensor) => {
    const f = x
      .matMul(p(`${name}Ff1`))
      .add(p(`${name}Ff1Bias`))
      .relu()
      .matMul(p(`${name}Ff2`))
      .add(p(`${name}Ff2Bias`));
    return layerNorm(tf, drop(f).add(x), p(`${name}Norm2Gain`), p(`${name}Norm2Bias`));
  };

  return {
    params,
    logits({ tokens, skills, kinds, reads }: KtBatch, training?: Training): TF.Tensor2D {
      const [b, t] = tokens.shape;
      let draws = 0;
      const drop = (x: TF.Tensor) =>
        training && shape.dropout > 0 ? tf.dropout(x, shape.dropout, undefined, training.seed * 8 + draws++) : x;
      const rasch = (ids: TF.Tensor) =>
        lookup(tf, p('skillBase') as TF.Tensor2D, ids).add(
          lookup(tf, p('difficulty') as TF.Tensor2D, ids).mul(lookup(tf, p('skillVariation') as TF.Tensor2D, ids)),
        );
      // The question of each step, [B, T, D].
      const question = rasch(skills);
      // The answer each token carries: its skill's vector (none for a pad or start) and the answer's, Rasch-style.
      const tokenSkills = tokens.sub(2).relu().floorDiv(2).toInt();
      const answered = kinds.greaterEqual(2).toFloat().expandDims(2);
      const difficulty = lookup(tf, p('difficulty') as TF.Tensor2D, tokenSkills);
      const tokenQuestion = rasch(tokenSkills).mul(answered);
      const interaction = drop(
        tokenQuestion
          .add(lookup(tf, p('answerEmbed') as TF.Tensor2D, kinds))
          .add(difficulty.mul(lookup(tf, p('answerVariation') as TF.Tensor2D, kinds)).mul(answered)),
      ).reshape([b * t, d]);

      const positions = tf.range(0, t).reshape([1, t]);
      const causal = tf.range(0, t).expandDims(1).sub(positions).reshape([1, 1, t, t]);
      // Step i may read tokens 0..i (token i is the answer before step i), or up to its answer's first row.
      const readable = reads ? reads.toFloat().expandDims(2).sub(positions.expandDims(0)).expandDims(1) : causal;
      // Questions: a step reads its own and those of the answers it may read (not a co-answered row's,
      // which the app, predicting an exercise's skills one by one, does not have).
      const asked = reads
        ? readable
            .greater(0)
            .toFloat()
            .mul(readable)
            .sub(
              readable
                .greater(0)
                .toFloat()
                .neg()
                .add(1)
                .sub(tf.eye(t).reshape([1, 1, t, t])),
            )
        : causal;

      // Question encoder: each step's question in the light of the questions up to it (no answers read).
      const x = question.reshape([b * t, d]);
      const xHat = layerNorm(
        tf,
        drop(attend('question', x, x, x, asked, b, t, drop)).add(x),
        p('questionNormGain'),
        p('questionNormBias'),
      );
      // Knowledge encoder: each answer in the light of the answers up to it.
      const yAttended = layerNorm(
        tf,
        drop(attend('knowledge', interaction, interaction, interaction, causal, b, t, drop)).add(interaction),
        p('knowledgeNormGain'),
        p('knowledgeNormBias'),
      );
      const yHat = feedForward('knowledge', yAttended, drop);
      // Token j answered step j - 1's question: its key is that question as encoded; the window's first
      // token (a start, or the answer before the window) is keyed by what it carries.
      const first = tokenQuestion
        .slice([0, 0, 0], [b, 1, d])
        .add(p('startKey').mul(kinds.slice([0, 0], [b, 1]).equal(1).toFloat().expandDims(2)));
      const keys =
        t === 1
          ? first.reshape([b, d])
          : tf.concat([first, xHat.reshape([b, t, d]).slice([0, 0, 0], [b, t - 1, d])], 1).reshape([b * t, d]);
      // Retriever: the next question attends over the answers it may read, keyed by their questions.
      const retrieved = layerNorm(
        tf,
        drop(attend('retriever', xHat, keys, yHat, readable, b, t, drop)).add(xHat),
        p('retrieverNormGain'),
        p('retrieverNormBias'),
      );
      const z = feedForward('retriever', retrieved, drop);
      const h = drop(tf.concat([z, x], 1).matMul(p('head1')).add(p('head1Bias')).relu());
      const bias = lookup(tf, p('outBias') as TF.Tensor2D, skills).reshape([b, t]);
      return h.matMul(p('head2')).reshape([b, t]).add(bias) as TF.Tensor2D;
    },
    penalty: () => sumOfSquares(tf, [p('skillBase'), p('skillVariation'), p('difficulty')]),
  };
}

/**
 * AKT's context-aware distance, sqrt(|i - j| * the attention row i gives keys after j), as a constant
 * (no gradient flows through it, as in AKT). `scores` [B, H, T, T] are masked already.
 */
function contextDistance(tf: Tf, scores: TF.Tensor, distance: TF.Tensor, t: number): TF.Tensor {
  const after = tf.customGrad((...inputs) => {
    const [s, dist] = inputs as [TF.Tensor, TF.Tensor, TF.GradSaveFunc];
    // later[k, j] = 1 when k > j: a row times it sums each key's later weights.
    const later = tf
      .range(0, t)
      .reshape([t, 1])
      .greater(tf.range(0, t).reshape([1, t]))
      .toFloat();
    const weights = tf.softmax(s);
    const mass = weights.reshape([-1, t]).matMul(later).reshape(weights.shape);
    return {
      value: mass.mul(dist.relu()).relu().sqrt(),
      gradFunc: () => [tf.zerosLike(s), tf.zerosLike(dist)],
    };
  });
  return after(scores, distance.toFloat());
}
