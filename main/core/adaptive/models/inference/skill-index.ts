import type { Sequence } from '../sequence.js';

/** Skill ids of the content (such as "python/loops") and the model's skill numbers, both ways. */
export class SkillIndex {
  readonly #numbers = new Map<string, number>();
  readonly #names: string[] = [];

  constructor(names: readonly string[] = []) {
    names.forEach((name) => this.add(name));
  }

  get names(): readonly string[] {
    return this.#names;
  }

  get size(): number {
    return this.#names.length;
  }

  numberOf(name: string): number | undefined {
    return this.#numbers.get(name);
  }

  /** The skill's number, a new one for a skill not seen before. */
  add(name: string): number {
    let n = this.#numbers.get(name);
    if (n === undefined) {
      n = this.#names.push(name) - 1;
      this.#numbers.set(name, n);
    }
    return n;
  }

  /**
   * A learner's answers, oldest first, as the models read them: one row per skill of each answer
   * (as the ASSISTments data sets store multi-skill items), its further rows marked as continuing it,
   * so the answer is one step. Unknown skills are numbered when `grow`, else left out.
   */
  sequenceOf(answers: readonly { skills: readonly string[]; correct: boolean }[], grow: boolean): Sequence {
    const sequence = { skills: [] as number[], correct: [] as (0 | 1)[], continues: [] as boolean[] };
    for (const answer of answers) {
      let first = true;
      for (const skill of answer.skills) {
        const n = grow ? this.add(skill) : this.numberOf(skill);
        if (n === undefined) continue;
        sequence.skills.push(n);
        sequence.correct.push(answer.correct ? 1 : 0);
        // The answer's further skills are one step with its first: trained and predicted from the answers before.
        sequence.continues.push(!first);
        first = false;
      }
    }
    return sequence;
  }
}
