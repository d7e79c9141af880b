import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Sequence } from '../models/sequence.js';
import { STREAK_FEATURES, streakFeatures } from './streak-features.js';

const row = (features: Float32Array, i: number) =>
  Array.from(features.subarray(i * STREAK_FEATURES, (i + 1) * STREAK_FEATURES));
const ln = (x: number) => Math.fround(Math.log1p(x));

describe("a learner's streaks", () => {
  it('reads the streak on the skill, the visit to it and how widely the learner went, from earlier answers only', () => {
    // Skill 0: right, right; skill 1: wrong; skill 0: right, then row 4 on skill 0.
    const features = streakFeatures({ skills: [0, 0, 1, 0, 0], correct: [1, 1, 0, 1, 0] });
    // First row: nothing before; its own visit is the first.
    expect(row(features, 0)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ln(1)]);
    // Second: one right on skill 0, in this visit; one skill seen, this one.
    expect(row(features, 1)).toEqual([1, 0, 0, 0, 0, 0, ln(1), ln(1), 0, 0, 1, ln(1), 1, ln(1)]);
    // Third: skill 1 is new, a second visit.
    expect(row(features, 2)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ln(1), 0, ln(2)]);
    // Fourth: back on skill 0 (its streak of two is kept), a third visit with nothing in it yet.
    expect(row(features, 3)).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, ln(2), 1, ln(3)]);
    // Fifth: three right in a row on skill 0, one of them in this visit.
    expect(row(features, 4)).toEqual([1, 1, 1, 0, 0, 0, ln(1), ln(1), 0, 0, 1, ln(2), 1, ln(3)]);
  });

  it('counts wrong answers in a row, and ends a streak on the first answer the other way', () => {
    const features = streakFeatures({ skills: [0, 0, 0, 0], correct: [0, 0, 0, 1] });
    expect(row(features, 3).slice(0, 6)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(row(features, 3).slice(6, 11)).toEqual([ln(3), 0, ln(3), 0, 0]);
    const after = streakFeatures({ skills: [0, 0, 0, 0, 0], correct: [0, 0, 0, 1, 1] });
    expect(row(after, 4).slice(0, 6)).toEqual([1, 0, 0, 0, 0, 0]);
    expect(row(after, 4).slice(9, 11)).toEqual([0, 1]);
  });

  it('reads every row of a multi-skill answer from the past before the answer', () => {
    // Answer 1 carries skills 0 and 1; answer 2 is on skill 1 again.
    const sequence: Sequence = { skills: [0, 0, 1, 1], correct: [1, 1, 1, 0], continues: [false, false, true, false] };
    const features = streakFeatures(sequence);
    // Row 2 does not see row 1 (same answer): skill 1 unseen, one skill seen; a visit of its own.
    expect(row(features, 2)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ln(1), 0, ln(2)]);
    // Row 3 sees the whole answer: skill 1 right once, in a visit that goes on; two skills seen.
    expect(row(features, 3)).toEqual([1, 0, 0, 0, 0, 0, ln(1), ln(1), 0, 0, 1, ln(2), 1, ln(2)]);
  });

  it('never reads an answer before it is given, whatever the learner', () => {
    const learner = fc
      .array(fc.record({ skill: fc.nat(3), correct: fc.boolean(), continues: fc.boolean() }), {
        minLength: 1,
        maxLength: 30,
      })
      .chain((rows) => fc.tuple(fc.constant(rows), fc.nat(rows.length - 1)));
    fc.assert(
      fc.property(learner, ([rows, flip]) => {
        const sequence = (flipped: boolean): Sequence => ({
          skills: rows.map((r) => r.skill),
          correct: rows.map((r, i) => (r.correct !== (flipped && i >= flip) ? 1 : 0)),
          continues: rows.map((r) => r.continues),
        });
        const before = streakFeatures(sequence(false));
        const after = streakFeatures(sequence(true));
        // Rows up to `flip`, and the rest of its answer, are read from answers before the flipped ones.
        let end = flip + 1;
        while (end < rows.length && rows[end]!.continues) end += 1;
        expect(Array.from(after.subarray(0, end * STREAK_FEATURES))).toEqual(
          Array.from(before.subarray(0, end * STREAK_FEATURES)),
        );
      }),
    );
  });
});
