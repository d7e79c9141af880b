import type { Command } from 'commander';
import { simulateTests } from '../../core/assessment/irt/simulate.js';
import type { SideResult } from '../../core/assessment/irt/simulate.js';
import { text } from '../i18n/cli-i18n.js';
import { print, printJson } from '../terminal-output.js';

interface SimulateOptions {
  learners: number;
  items: number;
  skills: number;
  seed: number;
  targetSe: number;
  maxItems: number;
  json?: boolean;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const row = (label: string, cells: string[]) =>
  print(`${label.padEnd(34)}${cells.map((c) => c.padStart(14)).join('')}`);

/** How often each item was given, in bands: where an adaptive test's exposure control shows. */
function exposureBands(exposure: readonly number[]): string {
  const bands: [string, (e: number) => boolean][] = [
    ['never', (e) => e === 0],
    ['under 5%', (e) => e > 0 && e < 0.05],
    ['5-20%', (e) => e >= 0.05 && e < 0.2],
    ['20-40%', (e) => e >= 0.2 && e < 0.4],
    ['40% or more', (e) => e >= 0.4],
  ];
  return bands.map(([name, test]) => `${name}: ${exposure.filter(test).length}`).join(', ');
}

/** `lionlearn assess simulate`: the adaptive test against fixed forms of the same bank, on learners of known ability. */
export function registerAssessSimulate(assess: Command): void {
  assess
    .command('simulate')
    .description(text('help-assess-simulate'))
    .option('--learners <n>', text('help-assess-simulate-learners'), Number, 1000)
    .option('--items <n>', text('help-assess-simulate-items'), Number, 300)
    .option('--skills <n>', text('help-assess-simulate-skills'), Number, 5)
    .option('--seed <n>', text('help-option-seed'), Number, 1)
    .option('--target-se <x>', text('help-assess-simulate-target-se'), Number, 0.3)
    .option('--max-items <n>', text('help-assess-simulate-max-items'), Number, 60)
    .option('--json', text('help-option-json'))
    .action((options: SimulateOptions) => {
      const checks: [boolean, string][] = [
        [
          Number.isInteger(options.learners) && options.learners >= 2 && options.learners <= 100_000,
          '--learners is 2 to 100000',
        ],
        [Number.isInteger(options.items) && options.items >= 5 && options.items <= 5000, '--items is 5 to 5000'],
        [
          Number.isInteger(options.skills) && options.skills >= 1 && options.skills <= options.items,
          '--skills is 1 to --items',
        ],
        [Number.isInteger(options.seed), '--seed is a whole number'],
        [options.targetSe >= 0.1 && options.targetSe <= 1, '--target-se is 0.1 to 1'],
        [Number.isInteger(options.maxItems) && options.maxItems >= 1, '--max-items is a whole number from 1'],
      ];
      const failed = checks.find(([ok]) => !ok);
      if (failed) throw new Error(failed[1]);
      const stopping = { targetSe: options.targetSe, maxItems: options.maxItems, minItems: 3 };
      const result = simulateTests({ ...options, stopping });
      if (options.json) {
        const { bank, ...rest } = result;
        return printJson({ options, bank: bank.length, ...rest });
      }
      const { adaptive, fixed, bestLinear } = result;
      print(
        `${options.learners} simulated learners (abilities drawn from a standard normal), a bank of ${options.items} ` +
          `calibrated 2PL items on ${options.skills} skills, seed ${options.seed}.`,
      );
      print(
        `The adaptive test stops at a standard error of ${options.targetSe} or after ${options.maxItems} items; it picks ` +
          'by maximum information at the EAP estimate, among the top 5 at random (exposure control), skills balanced.',
      );
      print(
        'Each fixed form is one list of items for everyone, grown until its mean standard error matches the adaptive ' +
          "test's: a teacher's form (items sampled from the bank) and the best linear form (most informative for the class first).",
      );
      print('');
      row('', ['adaptive', 'fixed form', 'best linear']);
      const sides: SideResult[] = [adaptive, fixed, bestLinear];
      row(
        'items per learner (mean)',
        sides.map((s) => s.meanItems.toFixed(1)),
      );
      row(
        'standard error (mean)',
        sides.map((s) => s.meanSe.toFixed(3)),
      );
      row(
        'correlation with true ability',
        sides.map((s) => s.correlation.toFixed(3)),
      );
      row(
        'RMSE against true ability',
        sides.map((s) => s.rmse.toFixed(3)),
      );
      row(
        `items used (of ${options.items})`,
        sides.map((s) => String(s.exposure.filter((e) => e > 0).length)),
      );
      row(
        'highest item exposure rate',
        sides.map((s) => pct(Math.max(...s.exposure))),
      );
      row(
        'mean exposure of the items used',
        sides.map((s) => {
          const used = s.exposure.filter((e) => e > 0);
          return pct(used.reduce((a, e) => a + e, 0) / used.length);
        }),
      );
      print('');
      print(`Adaptive item exposure rates, items per band: ${exposureBands(adaptive.exposure)}.`);
      print(
        `At the same standard error the adaptive test needed ${pct(result.savings)} fewer items than the fixed form ` +
          `(${adaptive.meanItems.toFixed(1)} against ${fixed.formLength}), ` +
          `${pct(1 - adaptive.meanItems / bestLinear.formLength)} fewer than the best linear form ` +
          `(${bestLinear.formLength}); its estimates correlate with the true abilities at r = ${adaptive.correlation.toFixed(3)}.`,
      );
    });
}
