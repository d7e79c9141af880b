import { answerStarts } from '../models/sequence.js';
import type { Sequence } from '../models/sequence.js';

/**
 * How many numbers stackContext gives a row: its skill, the skill answered before it, the last other skill, and the
 * learner's first two skills.
 */
export const STACK_CONTEXT = 5;

/** Where a row has no answer before it, or none on another skill. */
export const NO_SKILL = -1;

/**
 * Where a learner is in the course, for the boosted stack only (crossFittedBoost), as skill ids (rows x
 * STACK_CONTEXT): the row's skill, the skill of the answer before it, the skill of the latest earlier answer on
 * another skill, and the first and second skills the learner met. An id is a name, not an amount, so a regression's
 * one weight per number cannot use it; the trees read these columns as ids (fitBoosted's `categorical`), where one
 * split picks out any group of skills. ASSISTments assigns skills in problem sets of a course, so the skill a learner
 * comes from tells how far along they are and what was just practised, which the counts of stackHistory do not name;
 * and the skills a learner began with tell which way through the course their class was taken, as near as this data
 * comes to naming the class (README, "Where the learner is in the course", "Which way the class came"). Read from
 * skills up to the row and answers before it only: the rows of a multi-skill answer all read the answer before it,
 * none another of its own rows' answers. Of a multi-skill answer before, the row read is its last.
 */
export function stackContext(sequence: Sequence): Float32Array {
  const { skills } = sequence;
  const out = new Float32Array(skills.length * STACK_CONTEXT).fill(NO_SKILL);
  const starts = answerStarts(sequence);
  // Per row: the latest skill before its run of rows on its own skill, so each row's last other skill is one look-up.
  const beforeRun: number[] = [];
  let first = NO_SKILL;
  let second = NO_SKILL;
  skills.forEach((skill, i) => {
    beforeRun.push(i === 0 ? NO_SKILL : skills[i - 1] !== skill ? skills[i - 1]! : beforeRun[i - 1]!);
    // A skill is known when its exercise is given, before the answer: the learner's first two are the row's own at most.
    if (first === NO_SKILL) first = skill;
    else if (second === NO_SKILL && skill !== first) second = skill;
    const at = i * STACK_CONTEXT;
    out[at] = skill;
    out[at + 3] = first;
    out[at + 4] = second;
    const before = starts[i]! - 1;
    if (before < 0) return;
    out[at + 1] = skills[before]!;
    out[at + 2] = skills[before] !== skill ? skills[before]! : beforeRun[before]!;
  });
  return out;
}
