import { answerStarts } from '../models/sequence.js';
import type { Sequence } from '../models/sequence.js';

/** How many numbers stackAnswers gives a row: how many rows of its answer come before it, and how many it has. */
export const STACK_ANSWER = 2;

/** Of each pooled column over the rows of an answer, what poolAnswers writes: its mean, least and greatest. */
const POOLED = 3;

/**
 * Which rows answer together, for the boosted stack only (crossFittedBoost): per row, how many rows of its answer
 * come before it, and how many rows the answer has. In the leak-free protocol a multi-skill answer's rows are all
 * predicted from the state before the answer and share its one label, so each row may read the predictions and the
 * past of the others (poolAnswers): a model sure of one of the answer's skills speaks for the whole answer. Without
 * continuation marks (the common protocol) every answer is one row.
 */
export function stackAnswers(sequence: Sequence): Float32Array {
  const starts = answerStarts(sequence);
  const out = new Float32Array(starts.length * STACK_ANSWER);
  starts.forEach((start, i) => {
    out[i * STACK_ANSWER] = i - start;
    // The answer's rows run from its start to the next row that starts an answer of its own.
    let end = i + 1;
    while (end < starts.length && starts[end] === start) end++;
    out[i * STACK_ANSWER + 1] = end - start;
  });
  return out;
}

/** How many columns poolAnswers writes for `pooled` columns: none when every answer is one row. */
export function pooledColumns(pooled: number, answers: Float32Array): number {
  for (let at = 1; at < answers.length; at += STACK_ANSWER) if (answers[at]! > 1) return 1 + POOLED * pooled;
  return 0;
}

/**
 * Writes into each row of `table`, from column `at`, its answer's rows (stackAnswers), then for each column of
 * `from` its mean, least and greatest over the rows of the row's answer. An answer's rows are consecutive rows of
 * the table, as evaluate scores them.
 */
export function poolAnswers(
  table: { values: Float32Array; columns: number },
  from: readonly number[],
  answers: Float32Array,
  at: number,
): void {
  const { values, columns } = table;
  for (const [first, size] of answerSpans(answers, values.length / columns)) {
    from.forEach((column, k) => {
      let sum = 0;
      let least = Infinity;
      let greatest = -Infinity;
      for (let row = first; row < first + size; row++) {
        const value = values[row * columns + column]!;
        sum += value;
        least = Math.min(least, value);
        greatest = Math.max(greatest, value);
      }
      for (let row = first; row < first + size; row++) {
        const to = row * columns + at + 1 + k * POOLED;
        values[to] = sum / size;
        values[to + 1] = least;
        values[to + 2] = greatest;
      }
    });
    for (let row = first; row < first + size; row++) values[row * columns + at] = size;
  }
}

/**
 * Writes into each row of `table`, at column `at`, a name for the set of skills its answer carries (column `skill`
 * of the answer's rows): one number per set, the same in any order of its skills and in any learner, numbered as
 * the sets first occur. The trees read it as an id: in ASSIST2009 a pair of skills that come together (25 and 42,
 * 3,721 times) is close to naming the item, which neither skill alone says.
 */
export function nameSkillSets(
  table: { values: Float32Array; columns: number },
  skill: number,
  answers: Float32Array,
  at: number,
): void {
  const { values, columns } = table;
  const names = new Map<string, number>();
  for (const [first, size] of answerSpans(answers, values.length / columns)) {
    const skills: number[] = [];
    for (let row = first; row < first + size; row++) skills.push(values[row * columns + skill]!);
    const key = skills.sort((a, b) => a - b).join(',');
    if (!names.has(key)) names.set(key, names.size);
    for (let row = first; row < first + size; row++) values[row * columns + at] = names.get(key)!;
  }
}

/**
 * Each answer of `rows` rows as [its first row, its rows], from their stackAnswers; a clear error where the marks do
 * not line up with the rows.
 */
export function* answerSpans(answers: Float32Array, rows: number): Generator<[first: number, size: number]> {
  if (answers.length !== rows * STACK_ANSWER) {
    throw new Error(`stackAnswers gave ${answers.length / STACK_ANSWER} rows for ${rows}`);
  }
  for (let first = 0; first < rows;) {
    const size = answers[first * STACK_ANSWER + 1]!;
    // A size of 0 would never move on to the next answer.
    if (answers[first * STACK_ANSWER] !== 0 || !(Number.isInteger(size) && size >= 1 && first + size <= rows))
      throw new Error(`row ${first} does not start an answer`);
    yield [first, size];
    first += size;
  }
}
