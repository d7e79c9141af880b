import type * as TF from '@tensorflow/tfjs';
import { lookup, param } from './kt-network.js';
import type { KtShape, ParamShape, SkillRows } from './kt-network.js';
import type { Tf } from './tf-backend.js';

/** The rows of the history terms' parameters that belong to skills (for a network's SkillRows). */
export const HISTORY_SKILL_ROWS: Record<string, SkillRows> = { featureSkill: { fixed: 0, perSkill: 1 } };

/**
 * The parameters of the per-skill history terms (history-features.ts) a recurrent network reads: what
 * the previous answer's features add to its input, what a step's own features add to the state its
 * skill's vector reads, and a PFA-like term on the logit. The per-skill weights start at zero, the
 * shared ones' values, as a skill's own deviation does.
 */
export const historyShapes = (shape: KtShape, input: number, state: number): Record<string, ParamShape> => {
  const f = shape.features ?? 0;
  return f > 0
    ? {
        featureIn: [2 * f, input],
        featureState: [f, state],
        featureOut: { shape: [f, 1], fill: 0 },
        featureSkill: { shape: [shape.skills, f], fill: 0 },
      }
    : {};
};

/** The history's term of each step's logit: its features times its skill's weights plus the shared ones ([B, T]). */
export function historyBias(
  tf: Tf,
  params: Map<string, TF.Variable>,
  features: TF.Tensor3D,
  skills: TF.Tensor2D,
): TF.Tensor2D {
  const [b, t, f] = features.shape;
  const own = features.reshape([b * t, f]);
  const weights = lookup(tf, param(params, 'featureSkill') as TF.Tensor2D, skills)
    .reshape([b * t, f])
    .add(param(params, 'featureOut').reshape([1, f]));
  return own.mul(weights).sum(-1).reshape([b, t]) as TF.Tensor2D;
}
