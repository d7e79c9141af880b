import type { Sequence } from '../models/sequence.js';

/**
 * How many numbers describe a row's streaks: right and wrong answers in a row on its skill (three steps each), the
 * learner's current visit to the skill (answers, right, wrong, and the last one or two right), and how widely the
 * learner has gone (skills seen, this one before, visits).
 */
export const STREAK_FEATURES = 14;

/** A learner's run of consecutive answers on one skill, up to the answer before. */
interface Visit {
  answers: number;
  right: number;
  /** Right answers in a row at its end. */
  rightInRow: number;
}

/**
 * What a stack reads of a learner's streaks on each row (rows x STREAK_FEATURES), from earlier answers only; the rows
 * of a multi-skill answer all read the past before the answer. ASSISTments' skill builders end a visit at three right
 * in a row, so a learner's next answer on a skill depends on the streak in steps that the counts of stackHistory, and
 * a deep model's state, smooth over: measured on 5-fold stacks, README ("Streaks in the stack").
 */
export function streakFeatures(sequence: Sequence): Float32Array {
  const out = new Float32Array(sequence.skills.length * STREAK_FEATURES);
  /** Per skill: +k for k right answers in a row on it, -k for k wrong. */
  const streak = new Map<number, number>();
  /** The visits of the skills of the answer before: a skill not in it has none. */
  let visits = new Map<number, Visit>();
  const seen = new Set<number>();
  let started = 0;
  let answer: { skill: number; correct: 0 | 1 }[] = [];
  const commit = () => {
    const next = new Map<number, Visit>();
    for (const { skill, correct } of answer) {
      const v = visits.get(skill) ?? { answers: 0, right: 0, rightInRow: 0 };
      next.set(skill, {
        answers: v.answers + 1,
        right: v.right + correct,
        rightInRow: correct ? v.rightInRow + 1 : 0,
      });
      const s = streak.get(skill) ?? 0;
      streak.set(skill, correct ? Math.max(0, s) + 1 : Math.min(0, s) - 1);
      seen.add(skill);
    }
    for (const skill of next.keys()) if (!visits.has(skill)) started += 1;
    visits = next;
    answer = [];
  };
  sequence.skills.forEach((skill, i) => {
    if (!(i > 0 && sequence.continues?.[i] === true)) commit();
    const s = streak.get(skill) ?? 0;
    const v = visits.get(skill);
    out.set(
      [
        s >= 1 ? 1 : 0,
        s >= 2 ? 1 : 0,
        s >= 3 ? 1 : 0,
        s <= -1 ? 1 : 0,
        s <= -2 ? 1 : 0,
        s <= -3 ? 1 : 0,
        Math.log1p(v?.answers ?? 0),
        Math.log1p(v?.right ?? 0),
        Math.log1p(v ? v.answers - v.right : 0),
        (v?.rightInRow ?? 0) >= 2 ? 1 : 0,
        v?.rightInRow === 1 ? 1 : 0,
        Math.log1p(seen.size),
        seen.has(skill) ? 1 : 0,
        Math.log1p(started + (v ? 0 : 1)),
      ],
      i * STREAK_FEATURES,
    );
    answer.push({ skill, correct: sequence.correct[i]! });
  });
  return out;
}
