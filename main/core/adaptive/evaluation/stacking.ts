import { HISTORY_AT, HISTORY_FEATURES } from '../models/history-features.js';
import { RECENT_AT, STACK_HISTORY } from './stack-history.js';
import { fitBoosted, predictBoosted } from './boosted-trees.js';
import { STACK_CONTEXT } from './stack-context.js';
import { nameSkillSets, poolAnswers, pooledColumns } from './stack-answers.js';

const logit = (p: number) => {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
};
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** The columns of stackHistory on the row's own skill (all answers so far are the learner's, the same on every row). */
const ON_SKILL = [...Array(HISTORY_FEATURES).keys()].filter((c) => c !== HISTORY_AT.answers);

/** The regression's ridge: small, only so that two models that agree still give a solvable system. */
const RIDGE = 1e-3;

/**
 * Logistic regression on a few features by Newton's method, with a small ridge so that two nearly
 * equal features (two models that agree) still give a solvable system. Returns one weight per
 * feature, then the intercept.
 */
export function fitLogistic(features: readonly (readonly number[])[], y: readonly number[], ridge = RIDGE): number[] {
  const width = features[0]?.length ?? 0;
  const table = new Float64Array(features.length * width);
  features.forEach((row, i) => table.set(row, i * width));
  return fitLogisticRows(table, width, [...features.keys()], y, ridge);
}

/**
 * fitLogistic on the `rows` of a table (rows x `width` numbers, row-major; `y` of every row). One typed table in
 * place of an array per row: a stack with the learner's past has some 90 numbers on each of ASSIST2015's 484,000
 * rows, and arrays of them, made again for every stack, grew the evaluating process by hundreds of megabytes a stack.
 */
function fitLogisticRows(
  table: Float64Array,
  width: number,
  rows: readonly number[],
  y: readonly number[],
  ridge: number,
): number[] {
  const k = width + 1;
  const w = new Array<number>(k).fill(0);
  const x = new Float64Array(k);
  x[width] = 1;
  for (let iteration = 0; iteration < 30; iteration++) {
    const gradient = new Array<number>(k).fill(0);
    const hessian = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    for (const i of rows) {
      x.set(table.subarray(i * width, (i + 1) * width));
      let z = 0;
      for (let j = 0; j < k; j++) z += x[j]! * w[j]!;
      const p = sigmoid(z);
      const r = p * (1 - p);
      for (let a = 0; a < k; a++) {
        gradient[a]! += (p - y[i]!) * x[a]!;
        // One triangle, mirrored below: a stack with the learner's past has some 90 features.
        for (let b = a; b < k; b++) hessian[a]![b]! += r * x[a]! * x[b]!;
      }
    }
    for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) hessian[a]![b] = hessian[b]![a]!;
    for (let a = 0; a < k; a++) {
      gradient[a]! += ridge * w[a]!;
      hessian[a]![a]! += ridge;
    }
    const step = solve(hessian, gradient);
    let largest = 0;
    step.forEach((s, a) => {
      w[a]! -= s;
      largest = Math.max(largest, Math.abs(s));
    });
    if (largest < 1e-8) break;
  }
  return w;
}

/** Gaussian elimination with partial pivoting (a handful of unknowns). */
function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = a[r]![c]! / a[c]![c]!;
      for (let j = c; j <= n; j++) a[r]![j]! -= f * a[c]![j]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = a[r]![n]!;
    for (let j = r + 1; j < n; j++) s -= a[r]![j]! * x[j]!;
    x[r] = s / a[r]![r]!;
  }
  return x;
}

/**
 * A row's numbers in a stack: the models' logits, then (given the learner's past, as stackHistory
 * reads it from earlier answers only) the history on the row's skill and over all skills, and the
 * logits times the answers so far, the attempts on the skill, the last answer on it and the recent
 * successes, so a model's weight can follow how much the stack knows of its learner.
 */
function stackRow(logits: readonly number[], history: Float32Array | undefined, i: number): number[] {
  if (!history) return [...logits];
  const own = Array.from(history.subarray(i * STACK_HISTORY, (i + 1) * STACK_HISTORY));
  const scaled = [HISTORY_AT.answers, HISTORY_AT.attempts, HISTORY_AT.last, ...RECENT_AT].flatMap((f) =>
    logits.map((l) => l * own[f]!),
  );
  return [...logits, ...own, ...scaled];
}

/**
 * Into how many parts of the learners a stack is cross-fitted. Five fit each part's weights on 80%
 * of the learners, where two halves fitted them on 50%: +0.0003 AUC on STATICS's 5-fold stacks,
 * whose 40-odd weights (with the learner's past) still gain from more answers.
 */
export const STACK_PARTS = 5;

/**
 * Several models' chances of the same answers stacked into one: a logistic regression on their
 * logits (and on the learner's past, given `history`: STACK_HISTORY numbers per row, stackHistory),
 * cross-fitted over parts of the learners (`part`: each row's, 0 to STACK_PARTS - 1; the weights
 * that score a part are fitted on the others), so no answer is scored by weights that saw it, nor
 * saw its learner. Also calibrates the blend.
 */
export function crossFittedBlend(
  predictions: readonly (readonly number[])[],
  y: readonly number[],
  part: readonly number[],
  history?: Float32Array,
): number[] {
  const width = stackRow(
    predictions.map(() => 0),
    history,
    0,
  ).length;
  const features = new Float64Array(y.length * width);
  y.forEach((_, i) =>
    features.set(
      stackRow(
        predictions.map((p) => logit(p[i]!)),
        history,
        i,
      ),
      i * width,
    ),
  );
  const out = new Array<number>(y.length);
  for (const scored of new Set(part)) {
    const w = fitLogisticRows(
      features,
      width,
      y.map((_, i) => i).filter((i) => part[i] !== scored),
      y,
      RIDGE,
    );
    y.forEach((_, i) => {
      if (part[i] !== scored) return;
      let z = w.at(-1)!;
      for (let j = 0; j < width; j++) z += features[i * width + j]! * w[j]!;
      out[i] = sigmoid(z);
    });
  }
  return out;
}

/** What a boosted stack reads beside the models' predictions, each in the rows' order (evaluate's test rows). */
export interface StackInputs {
  /** The learner's past: STACK_HISTORY numbers per row (stackHistory). */
  history?: Float32Array;
  /** Where the learner is in the course: STACK_CONTEXT skill ids per row (stackContext). */
  context?: Float32Array;
  /**
   * Which rows answer together (stackAnswers): each row reads the models and its past on its answer's other rows,
   * and, given the context too, its answer's set of skills as one id.
   */
  answers?: Float32Array;
}

/**
 * The same stack with boosted trees (fitBoosted) in place of the logistic regression, on the models' logits and
 * the learner's past as they are: trees find the steps and interactions (a streak that ends a skill builder, a
 * model that is trusted only after some answers) that the regression is given by hand or misses. The `inputs`
 * say what else the trees read. Cross-fitted as crossFittedBlend: each part is scored by trees fitted on the other
 * parts, as many as early stopping on one of those parts found best when the trees were fitted on the rest.
 */
export function crossFittedBoost(
  predictions: readonly (readonly number[])[],
  y: readonly number[],
  part: readonly number[],
  inputs: StackInputs = {},
): number[] {
  const { history, context, answers } = inputs;
  const models = predictions.length;
  const pastAt = models;
  const contextAt = pastAt + (history ? STACK_HISTORY : 0);
  const answersAt = contextAt + (context ? STACK_CONTEXT : 0);
  // Pooled over a multi-skill answer: the models, and the learner's past on each of its skills.
  const pooled = [...predictions.keys(), ...(history ? ON_SKILL.map((c) => pastAt + c) : [])];
  const pooledAt = answersAt + (answers ? pooledColumns(pooled.length, answers) : 0);
  // With the course context and multi-skill answers: the answer's set of skills, named (nameSkillSets).
  const setAt = context && pooledAt > answersAt ? pooledAt : undefined;
  const columns = pooledAt + (setAt === undefined ? 0 : 1);
  const values = new Float32Array(y.length * columns);
  y.forEach((_, i) => {
    predictions.forEach((p, j) => (values[i * columns + j] = logit(p[i]!)));
    if (history) values.set(history.subarray(i * STACK_HISTORY, (i + 1) * STACK_HISTORY), i * columns + pastAt);
    if (context) values.set(context.subarray(i * STACK_CONTEXT, (i + 1) * STACK_CONTEXT), i * columns + contextAt);
  });
  const table = { values, columns };
  const categorical = context ? [...Array(STACK_CONTEXT).keys()].map((c) => contextAt + c) : [];
  if (answers && pooledAt > answersAt) poolAnswers(table, pooled, answers, answersAt);
  if (answers && setAt !== undefined) {
    nameSkillSets(table, contextAt, answers, setAt);
    categorical.push(setAt);
  }
  const out = new Array<number>(y.length);
  const parts = [...new Set(part)].sort((a, b) => a - b);
  parts.forEach((scored, k) => {
    // With fewer than three parts there is none to spare for stopping: the trees then run all their rounds.
    const stop = parts.length >= 3 ? parts[(k + 1) % parts.length] : undefined;
    const rows: number[] = [];
    const fit: number[] = [];
    const valid: number[] = [];
    const all: number[] = [];
    part.forEach((p, i) => {
      (p === scored ? rows : p === stop ? valid : fit).push(i);
      if (p !== scored) all.push(i);
    });
    const stopped = fitBoosted(table, y, fit, valid, { categorical });
    // Then refitted on every part but the scored one, with a quarter more trees for a third more rows: +0.0005
    // AUC on ASSIST2015's stack of the simple models (LightGBM, same folds), where the stopped fit saw 60% of them.
    const trees = Math.max(1, Math.ceil(stopped.trees.length * 1.25));
    const model = stop === undefined ? stopped : fitBoosted(table, y, all, [], { rounds: trees, categorical });
    predictBoosted(model, table, rows).forEach((p, i) => (out[rows[i]!] = p));
  });
  return out;
}
