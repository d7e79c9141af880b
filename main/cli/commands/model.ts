import { readFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { Option } from 'commander';
import type { Command } from 'commander';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { DeepKt, skillCount } from '../../core/adaptive/models/deep-kt.js';
import type { DeepKtOptions, EpochReport } from '../../core/adaptive/models/deep-kt.js';
import type { Blend, ModelScore } from '../../core/adaptive/evaluation/evaluate.js';
import { evaluateProtocols } from '../../core/adaptive/evaluation/protocols.js';
import { readKt } from '../../core/adaptive/evaluation/kt-data.js';
import { ContinuationCopy } from '../../core/adaptive/evaluation/continuation-copy.js';
import { continuationPairs } from '../../core/adaptive/evaluation/continuations.js';
import { recipeName, SIMPLE_RECIPES } from '../../core/adaptive/evaluation/model-recipe.js';
import type { ModelRecipe } from '../../core/adaptive/evaluation/model-recipe.js';
import { APP_MODEL, saveTrained } from '../../core/adaptive/models/storage/trained-model.js';
import { loadTf } from '../../core/adaptive/models/networks/tf-backend.js';
import { registerSimulate } from './model-simulate.js';
import { ARCHITECTURE, DEFAULT_MODEL, parseModels, specOptions } from './model-specs.js';
import type { ModelName, ModelSpec } from './model-specs.js';
import { print, printError, printJson } from '../terminal-output.js';
import { formatNumber, formatPercent, text } from '../i18n/cli-i18n.js';
import { parseNumber, parsePositiveWhole, parseWholeNumber } from '../option-values.js';

/** `exclude`: names this command cannot use (dkt-answer needs an answer's other skill, which serving never has). */
const modelOption = (description: string, exclude: readonly ModelName[] = []) =>
  new Option('--model <name>', description)
    .choices(Object.keys(ARCHITECTURE).filter((n) => !exclude.includes(n as ModelName)))
    .default(DEFAULT_MODEL);

/** A figure to `digits` places in the CLI's language ("0.7312", "0,7312"); "n/a" when there is none. */
const fig = (x: number, digits = 3) =>
  Number.isNaN(x) ? 'n/a' : formatNumber(x, { minimumFractionDigits: digits, maximumFractionDigits: digits });

const epochLine = (model: string, label: string, r: EpochReport, epochs: number) => {
  const line = { model, label, epoch: r.epoch + 1, epochs, loss: fig(r.loss, 4) };
  return r.validation
    ? text('model-epoch-validated', { ...line, auc: fig(r.validation.auc, 4), logLoss: fig(r.validation.logLoss, 4) })
    : text('model-epoch', line);
};

/**
 * Each deep model with IRT/Elo, then with all the simple models (IRT/Elo, PFA, BKT, the per-item average), then,
 * when there are several, all of them together: an ensemble. Each full stack again reading the learner's past
 * (stackHistory: on the skill, the features of Best-LR-style regressions, attempts, the last answer and how long
 * ago; over all skills, the counts and the recent success; the streaks, on the skill and in the visit to it).
 * The largest is also stacked by boosted trees, which read where the learner is in the course too (stackContext)
 * and, in the leak-free protocol, the models and the learner's past on the other rows of each multi-skill answer
 * (stackAnswers).
 * `copy`: those also with the continuation copy, which shows how much of a figure is copying (in the common protocol
 * only: in the leak-free one they would repeat the stacks without it, row for row). The per-item average
 * and BKT are weak alone but not redundant: with them the ASSIST2015 stack of DKT+history and SAKT gains 0.0006.
 */
export const blendsOf = (deep: readonly string[], copy = false): Blend[] => {
  // Made here, not when the CLI loads: every command imports this file.
  const copyName = new ContinuationCopy().name;
  const simpleNames = SIMPLE_RECIPES.map(recipeName);
  // Without a deep model (`--epochs 0`) the simple models are stacked alone: ASSIST2009's best leak-free stack
  // (README).
  const groups = deep.length === 0 ? [[]] : [...deep.map((d) => [d]), ...(deep.length > 1 ? [[...deep]] : [])];
  const full = (models: string[], withCopy: boolean, history: boolean, boosted = false): Blend => {
    const of = [...models, ...simpleNames, ...(withCopy ? [copyName] : [])];
    const named = [...models, 'simple models', ...(withCopy ? [copyName] : []), ...(history ? ['history'] : [])];
    const name = `${named.join(' + ')}, ${boosted ? 'boosted' : 'stacked'}`;
    return {
      name,
      of,
      ...(history ? { history } : {}),
      ...(boosted ? { boosted } : {}),
      ...(withCopy ? { commonOnly: true } : {}),
    };
  };
  // Trees take minutes on ASSIST2015's 700,000 answers where the regression takes seconds: the largest stack only.
  const all = groups.at(-1);
  return [
    ...deep.map((d) => ({ name: `${d} + IRT/Elo, stacked`, of: [d, 'IRT/Elo'] })),
    ...groups.map((g) => full(g, false, false)),
    ...groups.map((g) => full(g, false, true)),
    ...(all ? [full(all, false, true, true)] : []),
    ...(copy ? groups.map((g) => full(g, true, false)) : []),
    ...(copy ? groups.map((g) => full(g, true, true)) : []),
    ...(copy && all ? [full(all, true, true, true)] : []),
  ];
};

const row = (s: ModelScore) => ({
  model: s.model,
  AUC: fig(s.auc),
  ...(s.answerAuc === undefined ? {} : { 'AUC per answer': fig(s.answerAuc) }),
  accuracy: fig(s.accuracy),
  RMSE: fig(s.rmse),
  'log loss': fig(s.logLoss),
  ECE: fig(s.ece),
  'fit s': fig(s.fitSeconds, 1),
  'peak MB': fig(s.peakMb, 0),
});

export function registerModel(program: Command, layout: Pick<InstallLayout, 'scoringScript'>): void {
  const model = program.command('model').description(text('help-model'));

  model
    .command('eval')
    .description(text('help-model-eval'))
    .requiredOption('--train <file>', text('help-model-eval-train'))
    .option('--test <file>', text('help-model-eval-test'))
    .option('--folds <n>', text('help-model-eval-folds'), parseWholeNumber, 5)
    .option('--split <share>', text('help-model-eval-split'), parseNumber)
    .option('--epochs <n>', text('help-model-eval-epochs'), parseWholeNumber, APP_MODEL.epochs)
    .option('--hidden <n>', text('help-model-eval-hidden'), parseWholeNumber)
    .option('--dropout <share>', text('help-model-eval-dropout'), parseNumber)
    .option('--heads <n>', text('help-model-eval-heads'), parseWholeNumber)
    .option('--patience <n>', text('help-model-eval-patience'), parseWholeNumber)
    .addOption(
      new Option('--model <names>', text('help-model-eval-model'))
        .argParser(parseModels)
        .default(parseModels(DEFAULT_MODEL), DEFAULT_MODEL),
    )
    .option('--seed <n>', text('help-model-eval-seed'), parseWholeNumber, 7)
    .option('--jobs <n>', text('help-model-eval-jobs'), parsePositiveWhole, 1)
    .option('--json', text('help-option-json'))
    .action(
      async (options: {
        train: string;
        test?: string;
        folds: number;
        split?: number;
        epochs: number;
        hidden?: number;
        patience?: number;
        dropout?: number;
        heads?: number;
        model: ModelSpec[];
        seed: number;
        jobs: number;
        json?: boolean;
      }) => {
        const train = await readKt(options.train);
        const test = options.test ? await readKt(options.test) : undefined;
        const skills = skillCount([...train, ...(test ?? [])]);
        const deepName = (spec: ModelSpec) =>
          `${new DeepKt({ architecture: ARCHITECTURE[spec.model] }).name}${spec.suffix}`;
        const deep = (spec: ModelSpec): ModelRecipe => ({
          kind: 'deep',
          options: {
            ...APP_MODEL,
            ...specOptions(spec, options),
            name: deepName(spec),
            skills,
            epochs: options.epochs,
            ...(options.patience ? { patience: options.patience } : {}),
            ...(options.dropout !== undefined ? { dropout: options.dropout } : {}),
          },
        });
        // Where answers carry several skills, the copy the common protocol allows is measured beside the models.
        const copy = continuationPairs(train).size > 0;
        const simple: ModelRecipe[] = [...SIMPLE_RECIPES, ...(copy ? [{ kind: 'continuation-copy' as const }] : [])];
        const deepModels = options.epochs > 0 ? options.model : [];
        const scores = await evaluateProtocols([...simple, ...deepModels.map(deep)], train, {
          ...(test ? { test } : {}),
          ...(options.split ? { split: options.split } : {}),
          folds: options.folds,
          seed: options.seed,
          blends: blendsOf(deepModels.map(deepName), copy),
          jobs: options.jobs,
          worker: layout.scoringScript,
          onEpoch: ({ model, protocol, fold, folds, report }) => {
            const name = text(protocol === 'common' ? 'model-protocol-common' : 'model-protocol-leak-free');
            const label =
              folds > 1
                ? text('model-fold-label', { protocol: name, fold: fold + 1, folds })
                : text('model-protocol-label', { protocol: name });
            printError(epochLine(model, label, report, options.epochs));
          },
        });
        if (options.json) return printJson(scores);
        const answers = train.reduce((n, s) => n + s.correct.length, 0);
        const how = test
          ? text('model-eval-held-out', { file: options.test! })
          : options.split
            ? text('model-eval-split', { share: formatPercent(options.split) })
            : text('model-eval-folds', { folds: options.folds });
        const { name: backend } = await loadTf();
        const data = {
          learners: text('learners', { count: train.length }),
          answers: text('answers', { count: answers }),
        };
        print(text('model-eval-data', { file: options.train, ...data, how }));
        const load = loadavg()
          .map((x) => fig(x, 1))
          .join(' ');
        print(text('model-eval-columns', { backend, load, cores: availableParallelism() }));
        print('');
        print(text('model-eval-common'));
        console.table(scores.common.map(row));
        const { rows, of, pairs } = scores.continuations;
        const share = formatPercent(rows / Math.max(1, of), 1);
        print('');
        print(text(rows === 0 ? 'model-eval-leak-free-same' : 'model-eval-leak-free', { rows, of, share, pairs }));
        console.table(scores.leakFree.map(row));
      },
    );

  model
    .command('train')
    .description(text('help-model-train'))
    .requiredOption('--train <file>', text('help-model-train-train'))
    .option('--out <dir>', text('help-model-train-out'), 'model')
    .option('--skills <file>', text('help-model-train-skills'))
    .option('--epochs <n>', text('help-model-train-epochs'), parseWholeNumber, APP_MODEL.epochs)
    .addOption(modelOption(text('help-model-train-model'), ['dkt-answer']))
    .action(async (options: { train: string; out: string; skills?: string; epochs: number; model: ModelName }) => {
      const train = await readKt(options.train);
      const count = skillCount(train);
      const names = options.skills
        ? (await readFile(options.skills, 'utf8')).split(/\r?\n/).map((line) => line.trim())
        : Array.from({ length: count }, (_, i) => String(i));
      while (names.at(-1) === '') names.pop();
      if (names.length < count) {
        throw new Error(
          text('model-skills-short', {
            file: options.skills!,
            count: names.length,
            train: options.train,
            highest: count - 1,
          }),
        );
      }
      const started = performance.now();
      const settings: DeepKtOptions = {
        ...APP_MODEL,
        architecture: ARCHITECTURE[options.model],
        epochs: options.epochs,
      };
      const trained: DeepKt = new DeepKt({
        ...settings,
        skills: names.length,
        onEpoch: (_epoch, _loss, report) => printError(epochLine(trained.name, '', report, options.epochs)),
      });
      await trained.fit(train);
      const backend = await loadTf();
      const out = resolve(options.out);
      await saveTrained(trained, out, {
        skills: names,
        learners: train.length,
        answers: train.reduce((n, s) => n + s.skills.length, 0),
        trainedAt: new Date().toISOString(),
        prior: null,
      });
      trained.dispose();
      print(
        text('model-trained', {
          model: trained.name,
          learners: text('of-learners', { count: train.length }),
          seconds: Math.round((performance.now() - started) / 1000),
          backend: backend.name,
          memory: Math.round(process.resourceUsage().maxRSS / 1024),
          out,
        }),
      );
      if (!options.skills) print(text('model-skills-by-number'));
      print(text('model-pack-carries'));
    });

  registerSimulate(model);
}
