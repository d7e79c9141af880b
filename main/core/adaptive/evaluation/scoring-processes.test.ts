import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { multiSkillLearners } from '../testing/multi-skill-learners.js';
import { scoringScript } from '../testing/trainer-script.js';
import type { ModelEpoch } from './evaluate.js';
import type { ModelRecipe } from './model-recipe.js';
import { evaluateProtocols } from './protocols.js';

const { sequences } = multiSkillLearners(90, 4);
const deep = (architecture: 'lstm' | 'attention', epochs: number): ModelRecipe => ({
  kind: 'deep',
  options: { architecture, hidden: 8, embedding: 8, epochs, patience: epochs, seed: 3 },
});

/** The scoring processes this test process started and that still run. */
const scoringChildren = (): number[] => {
  const lines = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' }).split(
    '\n',
  );
  return lines.filter((line) => line.includes('kt-scoring')).map((line) => Number.parseInt(line.trim(), 10));
};

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('fitting models side by side (evaluate with jobs)', () => {
  it('fits each deep model in a process of its own, to the figures and epochs of one at a time', async () => {
    const worker = await scoringScript();
    const models: ModelRecipe[] = [{ kind: 'elo' }, deep('lstm', 2), deep('attention', 2)];
    const run = async (jobs: number) => {
      const epochs: string[] = [];
      const onEpoch = (e: ModelEpoch & { protocol: string }) =>
        epochs.push(`${e.protocol} ${e.model} ${e.fold}/${e.folds} ${e.report.epoch} ${e.report.loss}`);
      const scores = await evaluateProtocols(models, sequences, {
        folds: 2,
        jobs,
        worker,
        onEpoch,
        blends: [{ name: 'all', of: ['IRT/Elo', 'DKT (LSTM)', 'SAKT (attention)'], history: true }],
      });
      const figures = [...scores.common, ...scores.leakFree].map(({ fitSeconds: _, peakMb: __, ...rest }) => rest);
      return { figures, epochs: epochs.sort(), peaks: scores.common.map((s) => s.peakMb) };
    };
    const alone = await run(1);
    const sideBySide = await run(2);
    expect(sideBySide.figures.map((s) => s.model)).toEqual([
      'IRT/Elo',
      'DKT (LSTM)',
      'SAKT (attention)',
      'all',
      'IRT/Elo',
      'DKT (LSTM)',
      'SAKT (attention)',
      'all',
    ]);
    expect(sideBySide.figures).toEqual(alone.figures);
    // Two epochs of each deep model on each of two folds, in each protocol.
    expect(sideBySide.epochs).toHaveLength(16);
    expect(sideBySide.epochs).toEqual(alone.epochs);
    expect(sideBySide.peaks.every((mb) => mb > 0)).toBe(true);
    expect(scoringChildren()).toEqual([]);
  });

  it('fits both protocols at once, and a killed scoring process fails the evaluation with its model named, ending the other', async () => {
    const worker = await scoringScript();
    // One deep model: the two processes are its common and its leak-free fits, side by side.
    const scoring = evaluateProtocols([deep('lstm', 200)], sequences, { folds: 2, jobs: 2, worker });
    const outcome = scoring.then(
      () => 'scored',
      (error: Error) => error.message,
    );
    await until(() => scoringChildren().length === 2);
    process.kill(scoringChildren()[0]!, 'SIGKILL');
    expect(await outcome).toBe('DKT (LSTM): its process ended (SIGKILL) before it was done');
    await until(() => scoringChildren().length === 0);
  });

  it('refuses to fit side by side without the scoring worker, and names a worker that is not built', async () => {
    await expect(evaluateProtocols([deep('lstm', 1)], sequences, { folds: 2, jobs: 2 })).rejects.toThrow(
      /needs the scoring worker/,
    );
    await expect(
      evaluateProtocols([deep('lstm', 1)], sequences, { folds: 2, jobs: 2, worker: '/nowhere/kt-scoring.mjs' }),
    ).rejects.toThrow('DKT (LSTM): the scoring worker /nowhere/kt-scoring.mjs is not built (npm run build)');
  });
});
