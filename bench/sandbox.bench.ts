// npm run bench -- sandbox: one warm run of `print(1)` through the app, beside a cold hardened
// `docker run --rm` of the same image with the same limits and host python3 (the floor), interleaved
// round by round; then 20 submissions of a shipped exercise at once; then where a warm run's time
// goes. BENCH_ROUNDS (default 40) and BENCH_BURSTS (default 3) change the size; BENCH_POOL and BENCH_CAP
// set the pool size and the cap on running sandboxes (else sandbox.json's defaults).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { pino } from 'pino';
import { createApiClient } from '../common/contract/bridge.js';
import { createCore } from '../main/core/create-core.js';
import { localBridge } from '../main/core/local-bridge.js';
import { CappedBuffer, FrameReader } from '../main/core/playground/sandbox-frames.js';
import { DEFAULT_LIMITS, hardenedContainer } from '../main/core/playground/sandbox-limits.js';
import { thisOwner } from '../main/core/playground/sandbox-owner.js';
import { median, now, percentile } from './stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const BURSTS = Number(process.env.BENCH_BURSTS ?? 3);
const CONCURRENT = 20;
const EXERCISE = 'python-foundations/parse-port';
const EXERCISE_DIR = join('content-packs', 'python-foundations', 'exercises', 'typing', 'parse-port');

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a command with the text on its stdin; resolves with its stdout, rejects on a non-zero exit. */
function exec(command: string, args: string[], input = ''): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
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
    const container = await docker.createContainer(spec);
    await container.start();
    await sleep(200);
    const t0 = now();
    const stream = (await container.attach({
      stream: true,
      stdin: true,
      stdout: true,
      stderr: true,
      hijack: true,
    })) as NodeJS.ReadWriteStream;
    const t1 = now();
    const frames = new FrameReader(new CappedBuffer(1024), new CappedBuffer(1024));
    docker.modem.demuxStream(stream, frames, new CappedBuffer(16 * 1024));
    const answered = frames.ended.then(() => now());
    const waited = container.wait().then(() => now());
    stream.end(printJob);
    const t2 = await answered;
    const t3 = await waited;
    await container.inspect();
    const t3b = now();
    await container.remove({ force: true });
    const t4 = now();
    rows.attach.push(t1 - t0);
    rows.answer.push(t2 - t1);
    rows.stopped.push(t3 - t2);
    rows.inspected.push(t3b - t3);
    rows.removed.push(t4 - t3b);
  }
  return rows;
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-sandbox-'));
  const core = await createCore({
    dataDir,
    appVersion: '1.0.0',
    bundledPacksDir: 'content-packs',
    runtimesDir: join('main', 'core', 'playground', 'runtimes'),
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
    await core.warmUpPlayground();
    const docker = new Docker();
    const startLoad = load();
    console.log(`sandbox bench: ${ROUNDS} rounds, image ${image}, load average at start ${startLoad}`);

    /** Warm means what a learner meets after a pause: the pool has its containers ready. */
    const poolReady = async () => {
      for (let i = 0; i < 3000 && core.sandbox.load().pooled < core.sandbox.load().poolSize; i++) await sleep(20);
      await sleep(150); // let the refill's container start settle off the measured run
    };
    const cold = coldRunArgs(image);
    const samples = { ours: [] as number[], cold: [] as number[], host: [] as number[] };
    const kinds = {
      ours: async () => {
        await poolReady();
        const start = now();
        const result = await api.executeCode({ session, code: 'print(1)' });
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
    const host = summary(samples.host);
    console.log('\nprint(1), interleaved round by round');
    console.table({
      'ours (warm pool)': { p50: ms(ours.p50), p95: ms(ours.p95), target: 'p50 <= 60 ms' },
      'docker run --rm (cold, same limits)': {
        p50: ms(coldRun.p50),
        p95: ms(coldRun.p95),
        target: `${(coldRun.p50 / ours.p50).toFixed(1)}x ours (target >= 4x)`,
      },
      'host python3 (floor)': {
        p50: ms(host.p50),
        p95: ms(host.p95),
        target: `ours is ${(ours.p50 / host.p50).toFixed(1)}x`,
      },
    });

    // Twenty learners submit the same exercise at once (the reference solution: every one must pass).
    const code = readFileSync(join(EXERCISE_DIR, 'solution.py'), 'utf8');
    const latencies: number[] = [];
    let failures = 0;
    for (let burst = 0; burst < BURSTS; burst++) {
      await poolReady();
      await Promise.all(
        Array.from({ length: CONCURRENT }, async () => {
          const start = now();
          const result = await api.validateCode({ session, exerciseId: EXERCISE, code });
          latencies.push(now() - start);
          if (result.status !== 'pass') failures += 1;
        }),
      );
    }
    const burst = summary(latencies);
    const cap = core.sandbox.load();
    console.log(
      `\n${CONCURRENT} concurrent submissions of ${EXERCISE}, ${BURSTS} bursts (cap ${cap.maxConcurrent} running, pool ${cap.pooled})`,
    );
    console.table({
      submissions: {
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
    console.log(`\nload average at start ${startLoad}, at end ${load()}`);
  } finally {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
