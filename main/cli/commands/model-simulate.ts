import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_TARGET_SUCCESS as TARGET_BAND } from '../../../common/contract/learners.js';
import { DEFAULT_LEARNING, FLAT_LEARNING } from '../../core/adaptive/simulation/learner.js';
import { STANDARD_COURSE } from '../../core/adaptive/simulation/simulate.js';
import { readSynthetic } from '../../core/adaptive/simulation/synthetic.js';
import { compareWorlds, generatedWorlds, worldTable } from '../../core/adaptive/simulation/worlds.js';
import type { World } from '../../core/adaptive/simulation/worlds.js';
import { print } from '../terminal-output.js';
import { formatNumber, formatPercent, text } from '../i18n/cli-i18n.js';
import { parseWholeNumber } from '../option-values.js';

interface SimulateOptions {
  learners: number;
  seed: number;
  seeds: number;
  budget: number;
  synthetic?: string;
}

/** The worlds fitted to the synthetic sets in a folder, each under peaked and flat practice. */
async function syntheticWorlds(dir: string): Promise<World[]> {
  const sets = (await readdir(dir)).filter((f) => f.endsWith('.csv')).sort();
  if (sets.length === 0) throw new Error(text('simulate-no-sets', { dir }));
  const worlds: World[] = [];
  for (const set of sets) {
    const fit = await readSynthetic(join(dir, set));
    const three = { minimumFractionDigits: 3, maximumFractionDigits: 3 };
    const r = formatNumber(fit.difficultyCorrelation, three);
    print(text('simulate-fit', { name: fit.scenario.name, r, rate: formatNumber(fit.learningPerAttempt, three) }));
    const name = set.replace(/\.csv$/, '');
    const course = () => fit.scenario;
    worlds.push(
      { name, course, learning: DEFAULT_LEARNING },
      { name: `${name}, flat`, course, learning: FLAT_LEARNING },
    );
  }
  return worlds;
}

/** `lionlearn model simulate`: the app's next-exercise rule against course and random order, in every simulated world. */
export function registerSimulate(model: Command): void {
  model
    .command('simulate')
    .description(text('help-model-simulate'))
    .option('--learners <n>', text('help-model-simulate-learners'), parseWholeNumber, 300)
    .option('--seed <n>', text('help-model-simulate-seed'), parseWholeNumber, 1)
    .option('--seeds <n>', text('help-model-simulate-seeds'), parseWholeNumber, 5)
    .option('--budget <n>', text('help-model-simulate-budget'), parseWholeNumber, STANDARD_COURSE.budget)
    .option('--synthetic <dir>', text('help-model-simulate-synthetic'))
    .action(async (options: SimulateOptions) => {
      for (const [flag, value] of Object.entries({ learners: options.learners, seeds: options.seeds })) {
        if (value < 1) throw new Error(text('simulate-whole-number', { flag }));
      }
      const band = `${formatPercent(TARGET_BAND.low)}–${formatPercent(TARGET_BAND.high)}`;
      const { skills, itemsPerSkill } = STANDARD_COURSE;
      const { learners, budget } = options;
      const mastery = DEFAULT_LEARNING.mastery;
      const intro = { seeds: options.seeds, learners, budget, mastery, band, skills, items: itemsPerSkill };
      print(text('simulate-intro', intro));
      const worlds = [...generatedWorlds(), ...(options.synthetic ? await syntheticWorlds(options.synthetic) : [])];
      const seeds = Array.from({ length: options.seeds }, (_, i) => options.seed + i);
      console.table(worldTable(compareWorlds(worlds, { ...options, seeds })));
    });
}
