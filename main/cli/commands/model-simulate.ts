import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_TARGET_SUCCESS as TARGET_BAND } from '../../../common/contract/learners.js';
import { generateCourse } from '../../core/adaptive/simulation/course.js';
import type { Scenario } from '../../core/adaptive/simulation/course.js';
import { DEFAULT_LEARNING, FLAT_LEARNING } from '../../core/adaptive/simulation/learner.js';
import { seeded } from '../../core/adaptive/simulation/random.js';
import { simulate, STANDARD_COURSE, summarise } from '../../core/adaptive/simulation/simulate.js';
import { readSynthetic } from '../../core/adaptive/simulation/synthetic.js';
import { print } from '../terminal-output.js';

interface SimulateOptions {
  learners: number;
  seed: number;
  budget: number;
  synthetic?: string;
  flat?: boolean;
}

/** `lionlearn model simulate`: the app's next-exercise rule against fixed and random order, on simulated learners. */
export function registerSimulate(model: Command): void {
  model
    .command('simulate')
    .description('simulated learners: exercises to mastery under the adaptive rule, course order and random order')
    .option('--learners <n>', 'simulated learners per course', Number, 1000)
    .option('--seed <n>', 'random seed', Number, 1)
    .option(
      '--budget <n>',
      'exercises a learner may do before counting as not mastered',
      Number,
      STANDARD_COURSE.budget,
    )
    .option(
      '--synthetic <dir>',
      'also fit courses to the *.csv sets there (each with its _info.txt), as in ../shared/data/kt/synthetic',
    )
    .option('--flat', 'practice teaches the same on every item, whatever its difficulty')
    .action(async (options: SimulateOptions) => {
      const learning = options.flat ? FLAT_LEARNING : DEFAULT_LEARNING;
      const band = `${TARGET_BAND.low * 100}-${TARGET_BAND.high * 100}%`;
      print(
        `${options.learners} simulated learners per course, at most ${options.budget} exercises (a learner not at ` +
          `mastery by then counts as ${options.budget}); mastery: every ` +
          `skill's hardest item right with p >= ${learning.mastery}; the adaptive rule aims at ${band} success; ` +
          (learning.challengePeak === null
            ? 'practice teaches the same on every item.'
            : `practice teaches most at about ${learning.challengePeak * 100}% success.`),
      );
      const run = (scenario: Scenario, note = '') => {
        print(`\n${scenario.name}${note}`);
        console.table(summarise(simulate(scenario, { ...options, learning })));
      };
      const { skills, itemsPerSkill } = STANDARD_COURSE;
      run(generateCourse(skills, itemsPerSkill, seeded(options.seed)), ', skills in a prerequisite chain');
      if (!options.synthetic) return;
      const sets = (await readdir(options.synthetic)).filter((f) => f.endsWith('.csv')).sort();
      if (sets.length === 0) throw new Error(`no .csv data sets in ${options.synthetic}`);
      for (const set of sets) {
        const fit = await readSynthetic(join(options.synthetic, set));
        run(
          fit.scenario,
          ` (fitted difficulty vs the generator's: r = ${fit.difficultyCorrelation.toFixed(3)}; ` +
            `the set's students learn ${fit.learningPerAttempt.toFixed(3)} logits per question)`,
        );
      }
    });
}
