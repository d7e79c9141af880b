import type { Random } from './random.js';
import { normal } from './random.js';

export interface SimItem {
  /** Index in course order. */
  index: number;
  skill: number;
  /** 1-5, as an author rates it: all the app's model knows of the item. */
  difficulty: number;
  /** The item's true difficulty on the ability scale, hidden from the policies. */
  b: number;
}

/** A course the simulated learners work through, and how they start out in it. */
export interface Scenario {
  name: string;
  skillCount: number;
  /** Per skill, the skills it builds on. */
  requires: number[][];
  /** In teaching order. */
  items: SimItem[];
  /** One learner's starting ability on each skill. */
  abilities(random: Random): number[];
}

/**
 * The logit difficulty the app's model assumes for an average learner with no history:
 * predictFromEvidence starts at sigmoid(1.5 - 0.5 (d - 1)), so b = 0.5 (d - 1) - 1.5.
 */
const logitOf = (difficulty: number) => 0.5 * (difficulty - 1) - 1.5;

/**
 * A generated course: skills in a chain (each builds on the one before, and every third also on
 * the one two back, so the graph is a DAG, not only a line), each with `itemsPerSkill` items of
 * difficulty 1-5 in equal shares, taught easiest first. An item's true difficulty scatters around
 * its rating (sd 0.3), as authors' ratings do; abilities are drawn from N(0, 1) per skill.
 */
export function generateCourse(skillCount: number, itemsPerSkill: number, random: Random): Scenario {
  const requires = Array.from({ length: skillCount }, (_, k) =>
    k === 0 ? [] : k % 3 === 2 ? [k - 1, k - 2] : [k - 1],
  );
  const items: SimItem[] = [];
  for (let skill = 0; skill < skillCount; skill++) {
    const ratings = Array.from({ length: itemsPerSkill }, (_, i) => 1 + Math.floor((i * 5) / itemsPerSkill));
    for (const difficulty of ratings) {
      items.push({ index: items.length, skill, difficulty, b: logitOf(difficulty) + 0.3 * normal(random) });
    }
  }
  return {
    name: `generated, ${skillCount} skills x ${itemsPerSkill} items`,
    skillCount,
    requires,
    items,
    abilities: (r) => Array.from({ length: skillCount }, () => normal(r)),
  };
}
