import { describe, expect, it } from 'vitest';
import { nameSkillSets, poolAnswers, pooledColumns, STACK_ANSWER, stackAnswers } from './stack-answers.js';

const rowsOf = (answers: Float32Array) =>
  Array.from({ length: answers.length / STACK_ANSWER }, (_, i) =>
    Array.from(answers.subarray(i * STACK_ANSWER, (i + 1) * STACK_ANSWER)),
  );

describe('stackAnswers', () => {
  it('gives each row how many rows of its answer come before it, and how many the answer has', () => {
    const sequence = {
      skills: [1, 2, 3, 4, 5, 6],
      correct: [1, 0, 0, 0, 1, 1] as (0 | 1)[],
      continues: [false, false, true, true, false, true],
    };
    expect(rowsOf(stackAnswers(sequence))).toEqual([
      [0, 1],
      [0, 3],
      [1, 3],
      [2, 3],
      [0, 2],
      [1, 2],
    ]);
  });

  it('makes every row an answer of its own without continuation marks, and then nothing is pooled', () => {
    const answers = stackAnswers({ skills: [1, 1, 2], correct: [1, 1, 0] });
    expect(rowsOf(answers)).toEqual([
      [0, 1],
      [0, 1],
      [0, 1],
    ]);
    expect(pooledColumns(4, answers)).toBe(0);
    expect(pooledColumns(4, stackAnswers({ skills: [1, 2], correct: [1, 1], continues: [false, true] }))).toBe(13);
  });
});

describe('poolAnswers', () => {
  // Two models' logits in columns 0 and 1, then the pooled columns: the answer's rows, then mean, least, greatest.
  const tableOf = (logits: [number, number][]) => {
    const columns = 2 + pooledColumns(2, new Float32Array([0, 2]));
    const values = new Float32Array(logits.length * columns);
    logits.forEach(([a, b], row) => values.set([a, b], row * columns));
    return { values, columns };
  };

  it('gives each row the mean, least and greatest of every model over the rows of its answer', () => {
    const table = tableOf([
      [0.5, -1],
      [1, 2],
      [-2, 3],
      [4, 0],
    ]);
    const answers = Float32Array.from([0, 1, 0, 2, 1, 2, 0, 1]);
    poolAnswers(table, [0, 1], answers, 2);
    const row = (r: number) => Array.from(table.values.subarray(r * table.columns + 2, (r + 1) * table.columns));
    expect(row(0)).toEqual([1, 0.5, 0.5, 0.5, -1, -1, -1]);
    expect(row(1)).toEqual([2, -0.5, -2, 1, 2.5, 2, 3]);
    expect(row(2)).toEqual(row(1));
    expect(row(3)).toEqual([1, 4, 4, 4, 0, 0, 0]);
  });

  it('refuses answers that do not line up with the table’s rows', () => {
    const table = tableOf([
      [0, 0],
      [1, 1],
    ]);
    expect(() => poolAnswers(table, [0, 1], Float32Array.from([0, 1]), 2)).toThrow(/1 rows for 2/);
    expect(() => poolAnswers(table, [0, 1], Float32Array.from([1, 2, 0, 1]), 2)).toThrow(/row 0 does not start/);
    expect(() => poolAnswers(table, [0, 1], Float32Array.from([0, 1, 0, 2]), 2)).toThrow(/row 1 does not start/);
    for (const size of [0, 0.5, Number.NaN]) {
      expect(() => poolAnswers(table, [0, 1], Float32Array.from([0, size, 0, 1]), 2)).toThrow(/row 0 does not start/);
    }
  });
});

describe('nameSkillSets', () => {
  it('names each answer’s set of skills: the same set in any order the same, wherever it occurs', () => {
    // Column 0 holds each row's skill, column 1 receives the name. Answers: {3}, {3, 5}, {5, 3}, {5}, {3}, {3, 5, 7}.
    const skills = [3, 3, 5, 5, 3, 5, 3, 3, 5, 7];
    const sequence = {
      skills,
      correct: skills.map(() => 1 as const),
      continues: [false, false, true, false, true, false, false, false, true, true],
    };
    const table = { values: Float32Array.from(skills.flatMap((s) => [s, -1])), columns: 2 };
    nameSkillSets(table, 0, stackAnswers(sequence), 1);
    const names = skills.map((_, row) => table.values[row * 2 + 1]!);
    expect(names).toEqual([0, 1, 1, 1, 1, 2, 0, 3, 3, 3]);
  });
});
