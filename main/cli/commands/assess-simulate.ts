import type { Command } from 'commander';
import { simulateTests } from '../../core/assessment/irt/simulate.js';
import type { SideResult } from '../../core/assessment/irt/simulate.js';
import { formatNumber, formatPercent, text } from '../i18n/cli-i18n.js';
import { print, printJson } from '../terminal-output.js';
import { parseNumber, parseWholeNumber } from '../option-values.js';

interface SimulateOptions {
  learners: number;
  items: number;
  skills: number;
  seed: number;
  targetSe: number;
  maxItems: number;
  json?: boolean;
}

const pct = (x: number) => formatPercent(x);
const fixed = (x: number, digits: number) =>
  formatNumber(x, { minimumFractionDigits: digits, maximumFractionDigits: digits });
const row = (label: string, cells: string[]) =>
  print(`${label.padEnd(34)}${cells.map((c) => c.padStart(14)).join('')}`);

/** How often each item was given, in bands: where an adaptive test's exposure control shows. */
function exposureBands(exposure: readonly number[]): string {
  const bands: [string, (e: number) => boolean][] = [
    [text('sim-band-never'), (e) => e === 0],
    [text('sim-band-under', { share: pct(0.05) }), (e) => e > 0 && e < 0.05],
    [text('sim-band-between', { low: pct(0.05), high: pct(0.2) }), (e) => e >= 0.05 && e < 0.2],
    [text('sim-band-between', { low: pct(0.2), high: pct(0.4) }), (e) => e >= 0.2 && e < 0.4],
    [text('sim-band-over', { share: pct(0.4) }), (e) => e >= 0.4],
  ];
  return bands.map(([name, test]) => text('sim-band', { name, count: exposure.filter(test).length })).join(', ');
}

/** `lionlearn assess simulate`: the adaptive test against fixed forms of the same bank, on learners of known ability. */
export function registerAssessSimulate(assess: Command): void {
  assess
    .command('simulate')
    .description(text('help-assess-simulate'))
    .option('--learners <n>', text('help-assess-simulate-learners'), parseWholeNumber, 1000)
    .option('--items <n>', text('help-assess-simulate-items'), parseWholeNumber, 300)
    .option('--skills <n>', text('help-assess-simulate-skills'), parseWholeNumber, 5)
    .option('--seed <n>', text('help-option-seed'), parseWholeNumber, 1)
    .option('--target-se <x>', text('help-assess-simulate-target-se'), parseNumber, 0.3)
    .option('--max-items <n>', text('help-assess-simulate-max-items'), parseWholeNumber, 60)
    .option('--json', text('help-option-json'))
    .action((options: SimulateOptions) => {
      // Whole numbers are the option parsers' to check (option-values.ts); these are the ranges. text() writes the
      // numbers the language's way.
      const between = (option: string, min: number, max: number | string) =>
        text('sim-option-between', { option, min, max });
      const checks: [boolean, string][] = [
        [options.learners >= 2 && options.learners <= 100_000, between('--learners', 2, 100_000)],
        [options.items >= 5 && options.items <= 5000, between('--items', 5, 5000)],
        [options.skills >= 1 && options.skills <= options.items, between('--skills', 1, '--items')],
        [options.targetSe >= 0.1 && options.targetSe <= 1, between('--target-se', 0.1, 1)],
        [options.maxItems >= 1, text('simulate-whole-number', { flag: 'max-items' })],
      ];
      const failed = checks.find(([ok]) => !ok);
      if (failed) throw new Error(failed[1]);
      const stopping = { targetSe: options.targetSe, maxItems: options.maxItems, minItems: 3 };
      const result = simulateTests({ ...options, stopping });
      if (options.json) {
        const { bank, ...rest } = result;
        return printJson({ options, bank: bank.length, ...rest });
      }
      const { adaptive, fixed: fixedForm, bestLinear } = result;
      print(
        text('sim-intro-learners', {
          learners: options.learners,
          items: options.items,
          skills: options.skills,
          seed: options.seed,
        }),
      );
      print(text('sim-intro-stopping', { targetSe: options.targetSe, maxItems: options.maxItems }));
      print(text('sim-intro-forms'));
      print('');
      row('', [text('sim-col-adaptive'), text('sim-col-fixed'), text('sim-col-linear')]);
      const sides: SideResult[] = [adaptive, fixedForm, bestLinear];
      row(
        text('sim-row-items'),
        sides.map((s) => fixed(s.meanItems, 1)),
      );
      row(
        text('sim-row-se'),
        sides.map((s) => fixed(s.meanSe, 3)),
      );
      row(
        text('sim-row-correlation'),
        sides.map((s) => fixed(s.correlation, 3)),
      );
      row(
        text('sim-row-rmse'),
        sides.map((s) => fixed(s.rmse, 3)),
      );
      row(
        text('sim-row-used', { items: options.items }),
        sides.map((s) => formatNumber(s.exposure.filter((e) => e > 0).length)),
      );
      row(
        text('sim-row-highest'),
        sides.map((s) => pct(Math.max(...s.exposure))),
      );
      row(
        text('sim-row-mean-exposure'),
        sides.map((s) => {
          const used = s.exposure.filter((e) => e > 0);
          return pct(used.reduce((a, e) => a + e, 0) / used.length);
        }),
      );
      print('');
      print(text('sim-exposure', { bands: exposureBands(adaptive.exposure) }));
      print(
        text('sim-summary', {
          savings: pct(result.savings),
          items: fixed(adaptive.meanItems, 1),
          fixedLength: fixedForm.formLength,
          linearSavings: pct(1 - adaptive.meanItems / bestLinear.formLength),
          linearLength: bestLinear.formLength,
          r: fixed(adaptive.correlation, 3),
        }),
      );
    });
}
