// npm run bench -- matmul-gradient: one training epoch of each deep model on WebAssembly with the
// plain gradient of a matrix product (ours, networks/plain-matmul-gradient.ts) and with tfjs-core's
// own, in turn, several rounds, on the first learners of a public data set (BENCH_KT_FILE,
// ../shared/data/kt/STATICS_train.csv from the repository; BENCH_LEARNERS of them, 30 by default).
// Both train the same network from the same seed: the epoch's loss is printed beside the times, to
// show the two gradients are one algebra (they differ only by float rounding).
import { readKt } from '../main/core/adaptive/evaluation/kt-data.js';
import { DeepKt } from '../main/core/adaptive/models/deep-kt.js';
import type { Architecture } from '../main/core/adaptive/models/deep-kt.js';
import { useMatMulGradient } from '../main/core/adaptive/models/networks/plain-matmul-gradient.js';
import { loadTf } from '../main/core/adaptive/models/networks/tf-backend.js';
import { runBench } from './bench-run.js';
import { repoPath } from './repo-root.js';
import { interleaved, median, printTable } from './stats.js';
import type { Row } from './stats.js';

const KT_FILE = process.env.BENCH_KT_FILE ?? repoPath('..', 'shared', 'data', 'kt', 'STATICS_train.csv');
const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 30);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ARCHITECTURES: Architecture[] = ['lstm-history', 'attention', 'akt'];

async function main() {
  const { tf, name } = await loadTf();
  if (name !== 'wasm') console.log(`note: the ${name} backend, not WebAssembly, which this gradient is for`);
  const learners = (await readKt(KT_FILE)).slice(0, LEARNERS);
  const answers = learners.reduce((n, s) => n + s.skills.length, 0);
  const rows: Row[] = [];
  for (const architecture of ARCHITECTURES) {
    const losses = { plain: [] as number[], tfjs: [] as number[] };
    const epoch = (which: 'plain' | 'tfjs') => async () => {
      useMatMulGradient(tf, which);
      const model = new DeepKt({
        architecture,
        epochs: 1,
        validation: 0,
        seed: 7,
        onEpoch: (_e, loss) => losses[which].push(loss),
      });
      await model.fit(learners);
      model.dispose();
    };
    // A first epoch of each, not timed: the backend's first kernels of a shape are slower.
    await epoch('plain')();
    await epoch('tfjs')();
    const rounds = Array.from({ length: ROUNDS }, (_, i) => i);
    const times = await interleaved(rounds, epoch('plain'), epoch('tfjs'));
    const model = new DeepKt({ architecture }).name;
    rows.push({
      metric: `${model}: one epoch, ${learners.length} learners, ${answers} answers (median of ${ROUNDS})`,
      ours: median(times.ours) / 1000,
      baseline: median(times.baseline) / 1000,
      unit: 's',
    });
    console.log(
      `${model}: epoch loss ${losses.plain[0]!.toFixed(5)} (plain) against ${losses.tfjs[0]!.toFixed(5)} (tfjs's)`,
    );
  }
  useMatMulGradient(tf, 'plain');
  printTable(`Training with the plain matMul gradient (ours) and tfjs-core's, ${name} backend`, "tfjs's", rows);
}

await runBench(main);
