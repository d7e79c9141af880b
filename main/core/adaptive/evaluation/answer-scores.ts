import { auc } from './metrics.js';
import { answerSpans } from './stack-answers.js';

/**
 * AUC with each answer scored once, from the mean of its rows' chances: how pyKT scores a question that carries
 * several skills (its "late fusion, mean", the figure its tables report), so the leak-free protocol can be set beside
 * them. Scored per row, a three-skill answer counts three times. `answers` are the rows' stackAnswers, in the order
 * of `p`. An answer whose rows disagree (noise the continuation test lets through) is scored once per label it has.
 * Undefined when every answer is one row: then it is the row AUC.
 */
export function answerAuc(p: readonly number[], y: readonly number[], answers: Float32Array): number | undefined {
  if (y.length !== p.length) throw new Error(`${y.length} answers for ${p.length} chances`);
  const means: number[] = [];
  const labels: number[] = [];
  let grouped = false;
  for (const [first, size] of answerSpans(answers, p.length)) {
    grouped ||= size > 1;
    let sum = 0;
    for (let row = first; row < first + size; row++) sum += p[row]!;
    for (const label of new Set(y.slice(first, first + size))) {
      means.push(sum / size);
      labels.push(label);
    }
  }
  return grouped ? auc(means, labels) : undefined;
}
