import type { Sequence } from '../models/sequence.js';

/**
 * Test support: learners simulated from a Rasch model with learning, some of whose items carry two
 * skills and are stored as two consecutive rows with the same answer, as ASSIST2009 stores them.
 * Returns the rows (no marks) and how many rows continue an answer.
 */
export function multiSkillLearners(learners: number, seed: number): { sequences: Sequence[]; continuations: number } {
  let s = seed;
  const random = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  // Items 0-7 practise one skill each; items 8 and 9 practise two (skills 10 then 11, and 12 then 13).
  const pairs: Record<number, [number, number]> = { 8: [10, 11], 9: [12, 13] };
  const difficulty = Array.from({ length: 10 }, (_, k) => (k - 5) / 2);
  let continuations = 0;
  const sequences = Array.from({ length: learners }, () => {
    let ability = random() * 2 - 1;
    const skills: number[] = [];
    const correct: (0 | 1)[] = [];
    for (let i = 0; i < 30; i++) {
      const item = Math.floor(random() * 10);
      const y = random() < 1 / (1 + Math.exp(-(ability - difficulty[item]!))) ? 1 : 0;
      for (const [n, skill] of (pairs[item] ?? [item]).entries()) {
        skills.push(skill);
        correct.push(y);
        if (n > 0) continuations += 1;
      }
      ability += 0.05;
    }
    return { skills, correct };
  });
  return { sequences, continuations };
}
