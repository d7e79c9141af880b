import { describe, expect, it } from 'vitest';
import { NO_SKILL, STACK_CONTEXT, stackContext } from './stack-context.js';

const rowsOf = (context: Float32Array) =>
  Array.from({ length: context.length / STACK_CONTEXT }, (_, i) =>
    Array.from(context.subarray(i * STACK_CONTEXT, (i + 1) * STACK_CONTEXT)),
  );

describe('stackContext', () => {
  it('gives each row its skill, the skill answered before it, the last other skill and the learner’s first two skills', () => {
    const sequence = { skills: [4, 4, 7, 7, 7, 4, 9], correct: [1, 0, 1, 1, 1, 0, 1] as (0 | 1)[] };
    expect(rowsOf(stackContext(sequence))).toEqual([
      [4, NO_SKILL, NO_SKILL, 4, NO_SKILL],
      [4, 4, NO_SKILL, 4, NO_SKILL],
      [7, 4, 4, 4, 7],
      [7, 7, 4, 4, 7],
      [7, 7, 4, 4, 7],
      [4, 7, 7, 4, 7],
      [9, 4, 4, 4, 7],
    ]);
  });

  it('does not depend on the answers, nor on anything after the row', () => {
    const skills = [1, 2, 2, 3, 1, 1, 2];
    const base = stackContext({ skills, correct: skills.map(() => 1 as const) });
    const flipped = stackContext({ skills, correct: skills.map(() => 0 as const) });
    expect(Array.from(flipped)).toEqual(Array.from(base));
    for (let cut = 1; cut < skills.length; cut++) {
      const prefix = stackContext({
        skills: skills.slice(0, cut),
        correct: skills.slice(0, cut).map(() => 1 as const),
      });
      expect(Array.from(prefix)).toEqual(Array.from(base.subarray(0, cut * STACK_CONTEXT)));
    }
  });

  it('reads a multi-skill answer’s rows from the answer before it, none from another of its rows (leak-free)', () => {
    // The answer on skills 5 and 6 is rows 2 and 3: row 3 must not read row 2's skill as the one before it.
    const sequence = {
      skills: [3, 3, 5, 6, 5],
      correct: [1, 1, 0, 0, 1] as (0 | 1)[],
      continues: [false, false, false, true, false],
    };
    expect(rowsOf(stackContext(sequence))).toEqual([
      [3, NO_SKILL, NO_SKILL, 3, NO_SKILL],
      [3, 3, NO_SKILL, 3, NO_SKILL],
      [5, 3, 3, 3, 5],
      [6, 3, 3, 3, 5],
      [5, 6, 6, 3, 5],
    ]);
    // In the common protocol every row is an answer of its own, so row 3 reads row 2.
    expect(rowsOf(stackContext({ skills: sequence.skills, correct: sequence.correct }))[3]).toEqual([6, 5, 5, 3, 5]);
  });
});
