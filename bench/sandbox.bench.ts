// npm run bench -- sandbox: one warm run of `print(1)` through the app, beside a cold hardened
// `docker run --rm` of the same image with the same limits and host python3 (the floor), interleaved
// round by round; then bursts of 20 submissions of a shipped exercise at once; then where a warm run's
// time goes. BENCH_ROUNDS (default 40) and BENCH_BURSTS (default 3) change the size; BENCH_POOL and
// BENCH_CAP set the pool size and the cap on running sandboxes (else the app's defaults, sized to the host).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Docker from 'dockerode';
import { pino } from 'pino';
import { createApiClient } from '../common/contract/bridge.js';
import { createCore } from '../main/core/create-core.js';
import { localBridge } from '../main/core/local-bridge.js';
import { CappedBuffer, FrameReader } from '../main/core/playground/sandbox-frames.js';
import { DEFAULT_LIMITS, hardenedContainer } from '../main/core/playground/sandbox-limits.js';
import { thisOwner } from '../main/core/playground/sandbox-owner.js';
import { attachJob } from '../main/core/playground/sandbox-run.js';
import { runBench } from './bench-run.js';
import { repoPath } from './repo-root.js';
import { median, now, percentile, pollUntil, within } from './stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const BURSTS = Number(process.env.BENCH_BURSTS ?? 3);
const CONCURRENT = 20;
const EXERCISE = 'python-foundations/parse-port';
const EXERCISE_DIR = repoPath('content-packs', 'python-foundations', 'exercises', 'typing', 'parse-port');
/** The longest any one step may take before the bench stops and says which. */
const STEP_TIMEOUT_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a command with the text on its stdin; resolves with its stdout, rejects on a non-zero exit. */
function exec(command: string, args: string[], input = ''): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], timeout: STEP_TIMEOUT_MS });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`${command} exited ${code}: ${err}`)),
    );
    child.stdin.end(input);
  });
}

/** The program's stdout in the loader's frames, read as the app reads them. */
async function programOut(frames: Buffer): Promise<string> {
  const stdout = new CappedBuffer(1024);
  const reader = new FrameReader(stdout, new CappedBuffer(1024));
  reader.end(frames);
  await reader.ended;
  return stdout.text();
}

/** A run job as the app sends it (sandbox-run.ts). */
const printJob = JSON.stringify({
  mode: 'run',
  files: { 'main.py': 'print(1)' },
  outputBytes: DEFAULT_LIMITS.outputBytes,
  timeoutMs: DEFAULT_LIMITS.timeoutMs,
});

/** `docker run --rm` with every switch the app's containers have (from the same hardenedContainer). */
function coldRunArgs(image: string): string[] {
  const spec = hardenedContainer(image, DEFAULT_LIMITS, thisOwner());
  const host = spec.HostConfig!;
  return [
    'run',
    '--rm',
    '-i',
    '--network=none',
    '--read-only',
    ...Object.entries(host.Tmpfs!).flatMap(([dir, opts]) => ['--tmpfs', `${dir}:${opts}`]),
    `--memory=${host.Memory}b`,
    `--memory-swap=${host.MemorySwap}b`,
    `--pids-limit=${host.PidsLimit}`,
    `--cpus=${host.NanoCpus! / 1e9}`,
    '--cap-drop=ALL',
    '--security-opt=no-new-privileges',
    ...host.Ulimits!.map((u) => `--ulimit=${u.Name}=${u.Soft}:${u.Hard}`),
    '--ipc=private',
    `--log-driver=${host.LogConfig!.Type}`,
    `--user=${spec.User}`,
    `--workdir=${spec.WorkingDir}`,
    image,
  ];
}

const summary = (samples: number[]) => ({
  p50: median(samples),
  p95: percentile(samples, 95),
});
const ms = (n: number) => `${n.toFixed(n >= 100 ? 0 : 1)} ms`;

/** Where a warm run's time goes, step by step, on containers made as the pool makes them. */
async function phases(docker: Docker, image: string, rounds: number) {
  const rows = {
    attach: [] as number[],
    answer: [] as number[],
    stopped: [] as number[],
    inspected: [] as number[],
    removed: [] as number[],
  };
  for (let i = 0; i < rounds; i++) {
    const spec = hardenedContainer(image, DEFAULT_LIMITS, thisOwner());
    spec.HostConfig!.AutoRemove = false; // to time the removal the app no longer waits for
    const container = await within('creating a container', STEP_TIMEOUT_MS, () => docker.createContainer(spec));
    await within('starting a container', STEP_TIMEOUT_MS, () => container.start());
    await sleep(200);
    const t0 = now();
    const stream = await within('attaching', STEP_TIMEOUT_MS, () => attachJob(container));
    const t1 = now();
    const frames = new FrameReader(new CappedBuffer(1024), new CappedBuffer(1024));
    docker.modem.demuxStream(stream, frames, new CappedBuffer(16 * 1024));
    const answered = frames.ended.then(() => now());
    const waited = container.wait().then(() => now());
    stream.end(printJob);
    const t2 = await within('the loader answering', STEP_TIMEOUT_MS, () => answered);
    const t3 = await within('the container stopping', STEP_TIMEOUT_MS, () => waited);
    await within('inspecting the container', STEP_TIMEOUT_MS, () => container.inspect());
    const t3b = now();
    await within('removing the container', STEP_TIMEOUT_MS, () => container.remove({ force: true }));
    const t4 = now();
    rows.attach.push(t1 - t0);
    rows.answer.push(t2 - t1);
    rows.stopped.push(t3 - t2);
    rows.inspected.push(t3b - t3);
    rows.removed.push(t4 - t3b);
  }
  return rows;
}

async function bench(dataDir: string) {
  const core = await createCore({
    dataDir,
    appVersion: '1.0.0',
    bundledPacksDir: repoPath('content-packs'),
    runtimesDir: repoPath('main', 'core', 'playground', 'runtimes'),
    logger: pino({ level: 'silent' }),
    playground: {
      ...(process.env.BENCH_POOL ? { poolSize: Number(process.env.BENCH_POOL) } : {}),
      ...(process.env.BENCH_CAP ? { maxConcurrent: Number(process.env.BENCH_CAP) } : {}),
    },
  });
  try {
    const api = createApiClient(localBridge(core));
    const status = await api.getPlaygroundStatus();
    if (status.state !== 'ready') throw new Error(`${status.message} ${status.fix ?? ''}`);
    const image = status.image;
    const { session } = await api.createLearner({ profile: { displayName: 'Bench' } });
    await within('pre-starting the pool', STEP_TIMEOUT_MS * 2, () => core.warmUpPlayground());
    const docker = new Docker();
    const settings = process.env.BENCH_POOL || process.env.BENCH_CAP ? 'BENCH_POOL/BENCH_CAP' : "the app's defaults";
    console.log(`sandbox bench: ${ROUNDS} rounds, image ${image}, ${settings}`);
    const host = (await exec('python3', ['--version'])).toString().trim();

    /** Warm means what a learner meets after a pause: the pool has its containers ready. Returns how long that took. */
    const poolReady = async () => {
      const start = now();
      await pollUntil('the pool refilling', STEP_TIMEOUT_MS * 2, () => {
        const { pooled, poolSize } = core.sandbox.load();
        return pooled >= poolSize;
      });
      const took = now() - start;
      await sleep(150); // let the refill's last container start settle off the measured run
      return took;
    };
    const cold = coldRunArgs(image);
    const samples = { ours: [] as number[], cold: [] as number[], host: [] as number[] };
    const kinds = {
      ours: async () => {
        await poolReady();
        const start = now();
        const result = await within('a warm run', STEP_TIMEOUT_MS, () =>
          api.executeCode({ session, code: 'print(1)' }),
        );
        const took = now() - start;
        if (result.stdout !== '1\n') throw new Error(`ours printed ${JSON.stringify(result)}`);
        return took;
      },
      cold: async () => {
        const start = now();
        const out = await programOut(await exec('docker', cold, printJob));
        const took = now() - start;
        if (out !== '1\n') throw new Error(`docker run printed ${JSON.stringify(out)}`);
        return took;
      },
      host: async () => {
        const start = now();
        await exec('python3', ['-c', 'print(1)']);
        return now() - start;
      },
    };
    const order = Object.keys(kinds) as (keyof typeof kinds)[];
    for (let round = -2; round < ROUNDS; round++) {
      // A different order each round, so no kind always follows the same one; two rounds to warm up.
      const shift = (round + 3) % 3;
      const rotated = [...order.slice(shift), ...order.slice(0, shift)];
      for (const kind of rotated) {
        const took = await kinds[kind]();
        if (round >= 0) samples[kind].push(took);
      }
    }
    const ours = summary(samples.ours);
    const coldRun = summary(samples.cold);
    const floor = summary(samples.host);
    console.log('\nprint(1), interleaved round by round');
    console.table({
      'ours (warm pool)': { p50: ms(ours.p50), p95: ms(ours.p95), target: 'p50 <= 60 ms' },
      'docker run --rm (cold, same limits)': {
        p50: ms(coldRun.p50),
        p95: ms(coldRun.p95),
        target: `${(coldRun.p50 / ours.p50).toFixed(1)}x ours (target >= 4x)`,
      },
      [`host python3 (floor, ${host})`]: {
        p50: ms(floor.p50),
        p95: ms(floor.p95),
        target: `ours is ${(ours.p50 / floor.p50).toFixed(1)}x`,
      },
    });

    // Twenty learners submit the same exercise at once (the reference solution: every one must pass).
    // Each burst meets the pool as the one before left it, once refilled: the first the pool a fresh
    // app starts, the next the size the pool keeps after a burst.
    const code = readFileSync(join(EXERCISE_DIR, 'solution.py'), 'utf8');
    const latencies: number[] = [];
    const bursts: Record<string, Record<string, string>> = {};
    let failures = 0;
    for (let burst = 0; burst < BURSTS; burst++) {
      const refill = await poolReady();
      const ready = core.sandbox.load().pooled;
      const times: number[] = [];
      let failed = 0;
      await Promise.all(
        Array.from({ length: CONCURRENT }, async () => {
          const start = now();
          const result = await within('a submission', STEP_TIMEOUT_MS, () =>
            api.validateCode({ session, exerciseId: EXERCISE, code }),
          );
          times.push(now() - start);
          if (result.status !== 'pass') failed += 1;
        }),
      );
      latencies.push(...times);
      failures += failed;
      bursts[`burst ${burst + 1}`] = {
        'started before': `${ready} containers`,
        'pool refilled in': burst === 0 ? '(at start)' : ms(refill),
        p50: ms(median(times)),
        p95: ms(percentile(times, 95)),
        failed: `${failed} of ${times.length}`,
      };
    }
    const burst = summary(latencies);
    const cap = core.sandbox.load();
    console.log(
      `\n${CONCURRENT} concurrent submissions of ${EXERCISE}, ${BURSTS} bursts (cap ${cap.maxConcurrent} running, pool now ${cap.poolSize})`,
    );
    console.table(bursts);
    console.table({
      'all bursts': {
        p50: ms(burst.p50),
        p95: ms(burst.p95),
        max: ms(Math.max(...latencies)),
        failed: `${failures} of ${latencies.length}`,
        target: 'all pass, p95 <= 1500 ms',
      },
    });

    const steps = await phases(docker, image, 12);
    // What a test job no longer pays: importing the harness (unittest and the rest) after the job came.
    const importMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const script =
        'import sys, time\nt = time.perf_counter()\nsys.path.insert(0, "/opt/lionlearn")\nimport harness\n' +
        'print((time.perf_counter() - t) * 1000)';
      importMs.push(Number(String(await exec('docker', [...cold.slice(0, -1), image, 'python3', '-I', '-c', script]))));
    }
    console.log('\nwhere a warm run of print(1) goes (fresh pooled-style container, 12 runs, medians)');
    console.table({
      'attach (with the wait registered beside it)': { ms: ms(median(steps.attach)), 'on the answer path': 'yes' },
      'job in -> end frame (the answer)': { ms: ms(median(steps.answer)), 'on the answer path': 'yes' },
      'end frame -> Docker reports it stopped': { ms: ms(median(steps.stopped)), 'on the answer path': 'no (was)' },
      'inspect (for OOMKilled)': { ms: ms(median(steps.inspected)), 'on the answer path': 'no (was)' },
      'remove the stopped container': { ms: ms(median(steps.removed)), 'on the answer path': 'no (was)' },
      'import the harness (test jobs)': { ms: ms(median(importMs)), 'on the answer path': 'no (was): before the job' },
    });
  } finally {
    await core.close();
  }
}

await runBench(async (temp) => bench(temp.folder('bench-sandbox-')));
