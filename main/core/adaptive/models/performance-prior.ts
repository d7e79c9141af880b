/**
 * The simple model that answers while a learner has little history: pooled performance factors
 * analysis. Its two weights were fitted by logistic regression over all skills of the ASSIST2009
 * and ASSIST2015 training sets (both gave about +0.83 per log-success and -0.87 per log-failure);
 * the intercept comes from the content's difficulty (1-5) instead of data we do not have.
 */
const SUCCESS_WEIGHT = 0.83;
const FAILURE_WEIGHT = -0.87;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export interface SkillEvidence {
  correct: number;
  attempts: number;
}

export interface Prediction {
  probability: number;
  /** 0 with no evidence, towards 1 as attempts on the content's skills accumulate. */
  confidence: number;
  attempts: number;
  correct: number;
}

export function predictFromEvidence(difficulty: number, evidence: readonly SkillEvidence[]): Prediction {
  const bias = 1.5 - 0.5 * (difficulty - 1);
  if (evidence.length === 0) return { probability: sigmoid(bias), confidence: 0, attempts: 0, correct: 0 };
  // Several skills: the mean of each skill's logit, so a content id with more tags is not more certain.
  let logit = 0;
  for (const { correct, attempts } of evidence) {
    logit += bias + SUCCESS_WEIGHT * Math.log1p(correct) + FAILURE_WEIGHT * Math.log1p(attempts - correct);
  }
  const attempts = evidence.reduce((n, e) => n + e.attempts, 0);
  const correct = evidence.reduce((n, e) => n + e.correct, 0);
  return { probability: sigmoid(logit / evidence.length), confidence: attempts / (attempts + 5), attempts, correct };
}
