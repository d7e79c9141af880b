import type { Command } from 'commander';
import { Dkt, skillCount } from '../../core/adaptive/dkt.js';
import { evaluate } from '../../core/adaptive/evaluate.js';
import { readKt } from '../../core/adaptive/kt-data.js';
import { Bkt, Elo, ItemAverage, Pfa } from '../../core/adaptive/simple-models.js';

const f = (x: number, digits = 3) => (Number.isNaN(x) ? 'n/a' : x.toFixed(digits));

export function registerModel(program: Command): void {
  const model = program.command('model').description('the adaptive engine’s knowledge-tracing models');

  model
    .command('eval')
    .description('score every model on a knowledge-tracing data set (5-fold by learner, or on --test)')
    .requiredOption('--train <file>', 'training data (the format of ../shared/data/kt/README.md)')
    .option('--test <file>', 'held-out data; without it, k-fold cross-validation inside --train')
    .option('--folds <n>', 'folds for cross-validation', Number, 5)
    .option('--epochs <n>', 'training passes of the deep model (0 leaves it out)', Number, 3)
    .option('--json', 'print JSON')
    .action(async (options: { train: string; test?: string; folds: number; epochs: number; json?: boolean }) => {
      const train = await readKt(options.train);
      const test = options.test ? await readKt(options.test) : undefined;
      const skills = skillCount([...train, ...(test ?? [])]);
      const runs = test ? 1 : options.folds;
      let run = 0;
      const deep = () => {
        run += 1;
        const label = runs > 1 ? `fold ${run} of ${runs}, ` : '';
        return new Dkt({
          skills,
          epochs: options.epochs,
          onEpoch: (epoch, loss) =>
            console.error(`DKT: ${label}epoch ${epoch + 1} of ${options.epochs}, training loss ${loss.toFixed(4)}`),
        });
      };
      const simple = [() => new ItemAverage(), () => new Bkt(), () => new Pfa(), () => new Elo()];
      const scores = await evaluate(options.epochs > 0 ? [...simple, deep] : simple, train, {
        ...(test ? { test } : {}),
        folds: options.folds,
      });
      if (options.json) return console.log(JSON.stringify(scores, null, 2));
      const answers = train.reduce((n, s) => n + s.correct.length, 0);
      const how = test ? `held-out ${options.test}` : `${options.folds}-fold cross-validation by learner`;
      console.log(`${options.train}: ${train.length} learners, ${answers} answers; ${how}`);
      console.table(
        scores.map((s) => ({
          model: s.model,
          AUC: f(s.auc),
          accuracy: f(s.accuracy),
          RMSE: f(s.rmse),
          'log loss': f(s.logLoss),
          ECE: f(s.ece),
          'fit s': f(s.fitSeconds, 1),
        })),
      );
    });
}
