import { readFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { Option } from 'commander';
import type { Command } from 'commander';
import { DeepKt, skillCount } from '../../core/adaptive/models/deep-kt.js';
import type { Architecture, DeepKtOptions, EpochReport } from '../../core/adaptive/models/deep-kt.js';
import type { Blend, ModelScore } from '../../core/adaptive/evaluation/evaluate.js';
import { evaluateProtocols } from '../../core/adaptive/evaluation/protocols.js';
import { readKt } from '../../core/adaptive/evaluation/kt-data.js';
import { Bkt, Elo, ItemAverage, Pfa } from '../../core/adaptive/models/simple-models.js';
import { APP_MODEL, saveTrained } from '../../core/adaptive/models/storage/trained-model.js';
import { loadTf } from '../../core/adaptive/models/networks/tf-backend.js';
import { registerSimulate } from './model-simulate.js';
import { print, printError, printJson } from '../terminal-output.js';

const f = (x: number, digits = 3) => (Number.isNaN(x) ? 'n/a' : x.toFixed(digits));

/** The names `--model` takes; the option holds the name, so the default --help shows is one it accepts. */
const ARCHITECTURE = {
  dkt: 'lstm',
  'dkt-history': 'lstm-history',
  'dkt-answer': 'lstm-answer',
  sakt: 'attention',
} as const satisfies Record<string, Architecture>;
type ModelName = keyof typeof ARCHITECTURE;
const DEFAULT_MODEL = (Object.keys(ARCHITECTURE) as ModelName[]).find(
  (n) => ARCHITECTURE[n] === APP_MODEL.architecture,
)!;
/** `exclude`: names this command cannot use (dkt-answer needs an answer's other skill, which serving never has). */
const modelOption = (description: string, exclude: readonly ModelName[] = []) =>
  new Option('--model <name>', description)
    .choices(Object.keys(ARCHITECTURE).filter((n) => !exclude.includes(n as ModelName)))
    .default(DEFAULT_MODEL);

const epochLine = (label: string, r: EpochReport, epochs: number) =>
  `${label}epoch ${r.epoch + 1} of at most ${epochs}, training loss ${r.loss.toFixed(4)}` +
  (r.validation ? `, validation AUC ${f(r.validation.auc, 4)}, log loss ${f(r.validation.logLoss, 4)}` : '');

/**
 * The deep model stacked with the simple ones that follow the learner (a logistic regression on
 * their logits, cross-fitted over halves of the held-out learners): what a blend would buy.
 */
const stackedWithSimple = (deep: string): Blend[] => [
  { name: `${deep} + IRT/Elo, stacked`, of: [deep, 'IRT/Elo'] },
  { name: `${deep} + IRT/Elo + PFA, stacked`, of: [deep, 'IRT/Elo', 'PFA'] },
];

const row = (s: ModelScore) => ({
  model: s.model,
  AUC: f(s.auc),
  accuracy: f(s.accuracy),
  RMSE: f(s.rmse),
  'log loss': f(s.logLoss),
  ECE: f(s.ece),
  'fit s': f(s.fitSeconds, 1),
  'peak MB': f(s.peakMb, 0),
});

export function registerModel(program: Command): void {
  const model = program.command('model').description('the adaptive engine’s knowledge-tracing models');

  model
    .command('eval')
    .description(
      'score every model on a knowledge-tracing data set (5-fold by learner, --split, or on --test), ' +
        'in the common protocol (every row an answer) and the leak-free one (a multi-skill answer one step)',
    )
    .requiredOption('--train <file>', 'training data (the format of ../shared/data/kt/README.md)')
    .option('--test <file>', 'held-out data; without it, cross-validation inside --train')
    .option('--folds <n>', 'folds for cross-validation', Number, 5)
    .option('--split <share>', 'instead of folds, one split holding out this share of the learners (e.g. 0.2)', Number)
    .option('--epochs <n>', 'most training passes of the deep model (0 leaves it out)', Number, APP_MODEL.epochs)
    .addOption(
      modelOption(
        'the deep model: dkt (LSTM), dkt-history (LSTM reading per-skill counts), dkt-answer (and a multi-skill answer’s other skill) or sakt (attention)',
      ),
    )
    .option(
      '--seed <n>',
      'seed of the folds and of the deep model’s training: the same seed, the same figures',
      Number,
      7,
    )
    .option('--json', 'print JSON')
    .action(
      async (options: {
        train: string;
        test?: string;
        folds: number;
        split?: number;
        epochs: number;
        model: ModelName;
        seed: number;
        json?: boolean;
      }) => {
        const train = await readKt(options.train);
        const test = options.test ? await readKt(options.test) : undefined;
        const skills = skillCount([...train, ...(test ?? [])]);
        const runs = test || options.split ? 1 : options.folds;
        let run = 0;
        const deep = () => {
          run += 1;
          // evaluateProtocols runs the common protocol's folds first, then the leak-free one's.
          const protocol = run <= runs ? 'common' : 'leak-free';
          const fold = ((run - 1) % runs) + 1;
          const label = `${protocol}, ${runs > 1 ? `fold ${fold} of ${runs}, ` : ''}`;
          const m: DeepKt = new DeepKt({
            ...APP_MODEL,
            architecture: ARCHITECTURE[options.model],
            skills,
            epochs: options.epochs,
            seed: options.seed,
            onEpoch: (_epoch, _loss, report) => printError(`${m.name}: ${epochLine(label, report, options.epochs)}`),
          });
          return m;
        };
        const simple = [() => new ItemAverage(), () => new Bkt(), () => new Pfa(), () => new Elo()];
        const scores = await evaluateProtocols(options.epochs > 0 ? [...simple, deep] : simple, train, {
          ...(test ? { test } : {}),
          ...(options.split ? { split: options.split } : {}),
          folds: options.folds,
          seed: options.seed,
          blends: stackedWithSimple(new DeepKt({ architecture: ARCHITECTURE[options.model] }).name),
        });
        if (options.json) return printJson(scores);
        const answers = train.reduce((n, s) => n + s.correct.length, 0);
        const how = test
          ? `held-out ${options.test}`
          : options.split
            ? `one split by learner, ${Math.round(options.split * 100)}% of the learners held out (not cross-validated)`
            : `${options.folds}-fold cross-validation by learner`;
        const { name: backend } = await loadTf();
        print(`${options.train}: ${train.length} learners, ${answers} answers; ${how}`);
        print(
          `fit s: training time summed over the folds; peak MB: the process's peak resident memory after the ` +
            `model's fits (a running maximum: the deep model, scored last, shows its own). Backend: ${backend}; ` +
            `load average ${loadavg()
              .map((x) => x.toFixed(1))
              .join(' ')} on ${availableParallelism()} cores.`,
        );
        print('\nCommon protocol: every row an answer of its own, as the published tables score them');
        console.table(scores.common.map(row));
        const { rows, of, pairs } = scores.continuations;
        print(
          `\nLeak-free protocol: a multi-skill answer is one step, its rows predicted together from the answers ` +
            `before it. ${rows} of ${of} rows (${f((100 * rows) / Math.max(1, of), 1)}%) continue the answer before ` +
            `them (${pairs} skill pairs always answered alike, far from what separate answers would show)` +
            (rows === 0 ? ': the same as the common protocol.' : ''),
        );
        console.table(scores.leakFree.map(row));
      },
    );

  model
    .command('train')
    .description('train the deep model on a class’s answers and write a model folder a content pack can carry')
    .requiredOption('--train <file>', 'answers in the knowledge-tracing format (../shared/data/kt/README.md)')
    .option('--out <dir>', 'the model folder to write (model.json, weights.bin)', 'model')
    .option('--skills <file>', 'the pack’s skill ids, one a line: line n (from 0) names skill number n of --train')
    .option('--epochs <n>', 'most training passes', Number, APP_MODEL.epochs)
    .addOption(
      modelOption('dkt (LSTM), dkt-history (LSTM reading per-skill counts) or sakt (attention)', ['dkt-answer']),
    )
    .action(async (options: { train: string; out: string; skills?: string; epochs: number; model: ModelName }) => {
      const train = await readKt(options.train);
      const count = skillCount(train);
      const names = options.skills
        ? (await readFile(options.skills, 'utf8')).split(/\r?\n/).map((line) => line.trim())
        : Array.from({ length: count }, (_, i) => String(i));
      while (names.at(-1) === '') names.pop();
      if (names.length < count) {
        throw new Error(
          `${options.skills} names ${names.length} skills; ${options.train} uses numbers up to ${count - 1}`,
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
        onEpoch: (_epoch, _loss, report) => printError(`${trained.name}: ${epochLine('', report, options.epochs)}`),
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
        `${trained.name} trained on ${train.length} learners in ${((performance.now() - started) / 1000).toFixed(0)} s ` +
          `(${backend.name} backend, peak resident memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB); ` +
          `written to ${out}`,
      );
      if (!options.skills) {
        print('The skills are named by number only: pass --skills so a pack’s skills can be matched.');
      }
      print(`A pack carries it as a folder beside pack.json, named in the manifest: "model": "<folder>"`);
    });

  registerSimulate(model);
}
