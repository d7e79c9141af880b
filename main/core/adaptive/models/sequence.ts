/** One learner's answers in time order: which skill (or question) each was on, and whether it was right. */
export interface Sequence {
  skills: number[];
  correct: (0 | 1)[];
}
