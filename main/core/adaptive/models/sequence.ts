/** One learner's answers in time order: which skill (or question) each was on, and whether it was right. */
export interface Sequence {
  skills: number[];
  correct: (0 | 1)[];
  /**
   * Rows that continue the answer of the row before: an answer on several skills is stored as one
   * row per skill (as the ASSISTments files and the app's own log do). Such rows are one step: all are
   * predicted from the answers before the first, and none is read to predict another. Absent, every
   * row is an answer of its own (the common protocol of the published tables).
   */
  continues?: boolean[];
}

/** For each row, the first row of its answer: what its prediction may read up to (excluded). */
export function answerStarts(sequence: Sequence): number[] {
  const starts: number[] = [];
  sequence.skills.forEach((_, i) => starts.push(i > 0 && sequence.continues?.[i] ? starts[i - 1]! : i));
  return starts;
}

/** The sequence without its continuation marks: every row an answer of its own. */
export const asRows = (sequence: Sequence): Sequence => ({ skills: sequence.skills, correct: sequence.correct });
