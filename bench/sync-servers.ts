// Starts the servers bench/sync compares, each as its own process on loopback, with a probe loaded in front
// (`--import`): over IPC it answers the memory after a full GC, and the event-loop delay and CPU time since
// the last reset, so both servers are weighed the same way without touching their code.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkoutCacheDir } from '../scripts/node-bundle.mjs';
import { repoRoot } from './repo-root.js';
import { within } from './stats.js';

/** The longest a server may take to answer the probe, or to stop before it is killed. */
const ANSWER_TIMEOUT_MS = 30_000;

export interface Memory {
  rss: number;
  heapUsed: number;
  /**
   * heapUsed less the compiled code (bytecode and machine code, with their metadata): code is made once per
   * function, not per connection, and comes and goes as V8 compiles and flushes it, which moved one server's
   * heap per connection by +-1 KB from run to run at 1,000 connections (heap snapshots).
   */
  heapObjects: number;
}

/** Since the last `resetLoad`: event-loop delay (ms) and the CPU time the server used. */
export interface Load {
  loopP99: number;
  loopMax: number;
  cpuMs: number;
}

export interface ServerProcess {
  origin: string;
  memory(): Promise<Memory>;
  resetLoad(): Promise<void>;
  load(): Promise<Load>;
  /** Any other question the server's own script answers over IPC. */
  ask<T>(question: string): Promise<T>;
  stop(): Promise<void>;
}

const PROBE = `import { monitorEventLoopDelay } from 'node:perf_hooks';
import { getHeapCodeStatistics } from 'node:v8';
const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();
let cpuFrom = process.cpuUsage();
process.on('message', (m) => {
  if (m === 'memory') {
    globalThis.gc();
    globalThis.gc();
    const { rss, heapUsed } = process.memoryUsage();
    const code = getHeapCodeStatistics();
    process.send({ rss, heapUsed, heapObjects: heapUsed - code.code_and_metadata_size - code.bytecode_and_metadata_size });
  } else if (m === 'load-reset') {
    loop.reset();
    cpuFrom = process.cpuUsage();
    process.send({});
  } else if (m === 'load') {
    const cpu = process.cpuUsage(cpuFrom);
    const ms = (ns) => ns / 1e6;
    process.send({ loopP99: ms(loop.percentile(99)), loopMax: ms(loop.max), cpuMs: (cpu.user + cpu.system) / 1000 });
  }
});
`;

function probeFile(): string {
  const dir = checkoutCacheDir(repoRoot(), 'lionlearn-bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'memory-probe.mjs');
  writeFileSync(file, PROBE);
  return pathToFileURL(file).href;
}

async function waitUntilAnswering(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${url} did not answer within 30 s:\n${output()}`);
}

/** Forks `script` with the probe; `readyPath` is polled until it answers 2xx. */
export async function startServer(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  port: number,
  readyPath: string,
  /** More Node flags, such as `--cpu-prof` to profile the server under the bench. */
  nodeFlags: string[] = [],
): Promise<ServerProcess> {
  const child = fork(script, args, {
    execArgv: ['--expose-gc', '--import', probeFile(), ...nodeFlags],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(`${origin}${readyPath}`, child, () => output);
  const ask = <T>(question: string) =>
    within(
      `the server answering "${question}"`,
      ANSWER_TIMEOUT_MS,
      () =>
        new Promise<T>((done) => {
          child.once('message', (answer) => done(answer as T));
          child.send(question);
        }),
    );
  return {
    origin,
    memory: () => ask<Memory>('memory'),
    resetLoad: () => ask<void>('load-reset'),
    load: () => ask<Load>('load'),
    ask,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        // Killed outright if it has not stopped in time: a bench never waits forever.
        const kill = setTimeout(() => child.kill('SIGKILL'), ANSWER_TIMEOUT_MS);
        child.once('exit', () => (clearTimeout(kill), done()));
        child.kill('SIGTERM');
      }),
  };
}
