// npm run bench -- kt-training: the app's deep model trained the way the app trains it, in the
// trainer's worker thread on the answers of a core database, on a public data set's learners
// (BENCH_KT_FILE, ../shared/data/kt/assist2009_updated_train.csv from the repository): wall time and
// the peak resident memory of a process that does nothing else (a bare Node with the worker), on
// the backend a learner's laptop has (WebAssembly unless tfjs-node installed). Then the same model
// fine-tuned on one learner's answers, as a device does with a pack's model.
// Targets (issue 18): within 1 GB, under 15 minutes for ASSIST2009-size data on 2 cores.
// BENCH_QUICK=1 uses a tenth of the learners; BENCH_EPOCHS caps the epochs (the app's 12 by default).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { createApiClient } from '../common/contract/bridge.js';
import type { RecordInput } from '../common/contract/progress.js';
import { readKt } from '../main/core/adaptive/evaluation/kt-data.js';
import { markContinuations } from '../main/core/adaptive/evaluation/continuations.js';
import { answerStarts } from '../main/core/adaptive/models/sequence.js';
import type { Sequence } from '../main/core/adaptive/models/sequence.js';
import type { TrainJob, TrainOutcome } from '../main/core/adaptive/models/training/learner-training.js';
import { APP_MODEL } from '../main/core/adaptive/models/storage/trained-model.js';
import { loadTf } from '../main/core/adaptive/models/networks/tf-backend.js';
import { createCore } from '../main/core/create-core.js';
import { bundleTrainerWorker } from '../main/core/adaptive/testing/trainer-script.js';
import { CORE_DATABASE_FILE } from '../main/core/db/core-database.js';
import { localBridge } from '../main/core/local-bridge.js';
import { runBench } from './bench-run.js';
import type { BenchTemp } from './bench-run.js';
import { repoPath } from './repo-root.js';
import { printTable } from './stats.js';
import type { Row } from './stats.js';

const KT_FILE = process.env.BENCH_KT_FILE ?? repoPath('..', 'shared', 'data', 'kt', 'assist2009_updated_train.csv');
const EPOCHS = process.env.BENCH_EPOCHS ? Number(process.env.BENCH_EPOCHS) : undefined;
const DAY0 = Date.parse('2026-01-05T08:00:00Z');

/** A learner's rows as the app logs them: one quiz answer per answer, all its skills on it. */
function answersOf(sequence: Sequence, learner: number): RecordInput[] {
  const starts = answerStarts(sequence);
  const events: RecordInput[] = [];
  sequence.skills.forEach((skill, i) => {
    const name = `kt/s${skill}`;
    if (starts[i] !== i) {
      (events.at(-1)!.data as { skills: string[] }).skills.push(name);
      return;
    }
    events.push({
      type: 'QuizAnswered',
      // A minute apart, so the log's order is the file's.
      timestamp: new Date(DAY0 + learner * 86_400_000 + i * 60_000).toISOString(),
      data: {
        quizItemId: `kt/q${skill}`,
        correct: sequence.correct[i] === 1,
        answer: 'x',
        timeSpentMs: 20_000,
        skills: [name],
      },
    });
  });
  return events;
}

/** A core database holding these learners' answers, written through the core as the app writes them. */
async function databaseOf(dataDir: string, learners: readonly Sequence[]): Promise<string> {
  const core = await createCore({ dataDir, appVersion: '1.0.0', logger: pino({ level: 'silent' }) });
  const api = createApiClient(localBridge(core));
  for (const [n, sequence] of learners.entries()) {
    const { session } = await api.createLearner({ profile: { displayName: `Learner ${n}` } });
    await core.recordProgress(session, answersOf(sequence, n));
  }
  await core.close();
  return join(dataDir, CORE_DATABASE_FILE);
}

// A bare Node process that runs one job in the worker thread and prints its outcome: the peak it
// reports is training's (and Node's own few tens of MB), not this bench's.
const RUNNER = `
import { Worker } from 'node:worker_threads';
const worker = new Worker(process.argv[2], { workerData: JSON.parse(process.argv[3]) });
worker.once('message', (m) => {
  const { userCPUTime, systemCPUTime } = process.resourceUsage();
  console.log(JSON.stringify({ ...m, cpuSeconds: (userCPUTime + systemCPUTime) / 1e6 }));
  process.exit(0);
});
worker.once('error', (e) => { console.error(e); process.exit(1); });
`;

/** The trainer's worker script, bundled as scripts/build.mjs bundles it, beside this bench's own bundle. */
async function workerScript(): Promise<string> {
  const outfile = await bundleTrainerWorker(
    repoPath(),
    join(dirname(fileURLToPath(import.meta.url)), 'kt-trainer.mjs'),
  );
  writeFileSync(join(dirname(outfile), 'kt-trainer-runner.mjs'), RUNNER);
  return outfile;
}

/** The job's outcome, and the CPU time of the whole process (the worker's and Node's own threads). */
function trainInWorker(script: string, job: TrainJob): Promise<{ outcome: TrainOutcome; cpuSeconds: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(dirname(script), 'kt-trainer-runner.mjs'), script, JSON.stringify(job)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        cwd: repoPath(),
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const message = out.trim()
        ? (JSON.parse(out.trim().split('\n').at(-1)!) as {
            ok: boolean;
            outcome?: TrainOutcome;
            error?: string;
            cpuSeconds: number;
          })
        : undefined;
      if (code !== 0 || !message?.ok)
        return reject(new Error(`the trainer failed (exit ${code}): ${message?.error ?? out}`));
      resolve({ outcome: message.outcome!, cpuSeconds: message.cpuSeconds });
    });
  });
}

async function main(temp: BenchTemp) {
  const all = markContinuations(await readKt(KT_FILE)).sequences;
  const learners = process.env.BENCH_QUICK ? all.slice(0, Math.ceil(all.length / 10)) : all;
  const backend = await loadTf();
  const script = await workerScript();
  const root = temp.folder('bench-kt-training-');

  const started = performance.now();
  const classDb = await databaseOf(join(root, 'class'), learners);
  console.log(
    `${learners.length} learners written to a core database in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  const epochs = EPOCHS ?? APP_MODEL.epochs!;
  const scratch = await trainInWorker(script, {
    dbFile: classDb,
    outFolder: join(root, 'model'),
    minAnswers: 1,
    ...(EPOCHS ? { epochs: EPOCHS } : {}),
  });

  // A device: one learner's few hundred answers, the model above as the pack's.
  const own = all.filter((s) => s.skills.length >= 300)[0] ?? all[0]!;
  const deviceDb = await databaseOf(join(root, 'device'), [own]);
  const fineTuned = await trainInWorker(script, {
    dbFile: deviceDb,
    outFolder: join(root, 'device-model'),
    base: { folder: join(root, 'model') },
    minAnswers: 1,
  });

  const rows: Row[] = [];
  for (const [label, run] of [
    [`from scratch, at most ${epochs} epochs`, scratch],
    ['fine-tuned on one learner (the model above as the base, 3 epochs)', fineTuned],
  ] as const) {
    if (!run.outcome.trained) throw new Error(`${label}: not trained (${run.outcome.reason})`);
    const { learners: n, answers, seconds, peakMb } = run.outcome;
    rows.push(
      {
        metric: `${label}: ${n} learners, ${answers} answers, wall time in the worker`,
        ours: seconds,
        unit: 's',
      },
      {
        // Training is one thread: on a quiet machine its wall time is about its CPU time.
        metric: `${label}: CPU time of the process (the wall time on an idle machine)`,
        ours: run.cpuSeconds,
        unit: 's',
        ...(n > 1000 ? { target: '<= 900 s' } : {}),
      },
      { metric: `${label}: peak resident memory of the process`, ours: peakMb, unit: 'MB', target: '<= 1024 MB' },
    );
  }
  printTable(`The app's deep model trained in its worker thread, ${backend.name} backend, on ${KT_FILE}`, 'none', rows);
}

await runBench(main);
