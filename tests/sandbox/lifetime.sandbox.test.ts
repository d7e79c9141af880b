import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Docker from 'dockerode';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../common/contract/bridge.js';
import { writePackFixture } from '../../content-packs/format/pack-fixture.js';
import { createCore } from '../../main/core/create-core.js';
import type { CoreOptions } from '../../main/core/create-core.js';
import { localBridge } from '../../main/core/local-bridge.js';
import { OWNER_LABEL, OWNER_START_LABEL, SANDBOX_LABEL } from '../../main/core/playground/sandbox-limits.js';
import { thisOwner } from '../../main/core/playground/sandbox-owner.js';

// The real Docker engine and image, and the built CLI (npm test builds first) as the app to kill.
const RUNTIMES = join(process.cwd(), 'main', 'core', 'playground', 'runtimes');
const docker = new Docker();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function openCore(playground: CoreOptions['playground'] = {}, packs?: string) {
  const core = await createCore({
    dataDir: mkdtempSync(join(tmpdir(), 'lifetime-')),
    appVersion: '1.0.0',
    bundledPacksDir: packs ?? dirname(writePackFixture()),
    runtimesDir: RUNTIMES,
    logger: pino({ level: 'silent' }),
    playground: { poolSize: 1, ...playground },
  });
  const api = createApiClient(localBridge(core));
  const { session } = await api.createLearner({ profile: { displayName: 'Life' } });
  return { core, api, session };
}

const inspectOrGone = (id: string) =>
  docker
    .getContainer(id)
    .inspect()
    .catch((error: { statusCode?: number }) => {
      if (error.statusCode === 404) return null;
      throw error;
    });

/**
 * Starts `lionlearn run` on a program in its own process, waits until the program runs in its
 * container (the loader has forked the job), and returns the container.
 */
async function appRunning(code: string, timeoutMs: number) {
  const dir = mkdtempSync(join(tmpdir(), 'lifetime-app-'));
  writeFileSync(join(dir, 'main.py'), code);
  const app = spawn(
    process.execPath,
    ['bin/lionlearn.js', '--data-dir', dir, 'run', '--file', join(dir, 'main.py'), '--timeout', String(timeoutMs)],
    { stdio: 'ignore' },
  );
  for (let tries = 0; tries < 300; tries++) {
    const [found] = await docker.listContainers({
      filters: { label: [`${SANDBOX_LABEL}=true`, `${OWNER_LABEL}=${app.pid}`] },
    });
    // Two processes: the loader's supervisor and the job it forked once the job arrived.
    if (found && (await docker.getContainer(found.Id).top()).Processes.length >= 2) return { app, id: found.Id };
    await sleep(100);
  }
  app.kill('SIGKILL');
  throw new Error('the program never started in a container');
}

/** Polls until the container is gone; returns how long that took. */
async function goneWithin(id: string, limitMs: number, each: (info: Docker.ContainerInspectInfo) => void = () => {}) {
  const start = Date.now();
  while (Date.now() - start < limitMs) {
    const info = await inspectOrGone(id);
    if (!info) return Date.now() - start;
    each(info);
    await sleep(200);
  }
  throw new Error(`container ${id} still there ${limitMs} ms after its app died`);
}

describe('a run does not outlive the app that started it', () => {
  const dockerRoot = docker.info().then((info: { DockerRootDir: string }) => info.DockerRootDir);
  /** Bytes Docker logged for the container: its json-file log, or none at all. */
  const logBytes = async (info: Docker.ContainerInspectInfo) => {
    const file = info.LogPath || join(await dockerRoot, 'containers', info.Id, `${info.Id}-json.log`);
    return existsSync(file) ? statSync(file).size : 0;
  };

  it('SIGKILL of the app mid-run of `while True: pass`: the container is gone within its timeout + 5 s', async () => {
    const timeoutMs = 3000;
    const { app, id } = await appRunning('while True:\n    pass\n', timeoutMs);
    app.kill('SIGKILL');
    const logs: number[] = [];
    await goneWithin(id, timeoutMs + 5000, (info) => void logBytes(info).then((n) => logs.push(n)));
    expect(Math.max(0, ...logs)).toBe(0);
  });

  it('a program flooding stdout after its app died writes no Docker log, and its container goes at the deadline', async () => {
    const timeoutMs = 4000;
    // Quiet while the app watches (it would cut the flood), then floods once the app is dead.
    const flood = 'import sys, time\ntime.sleep(1.5)\nwhile True:\n    sys.stdout.write("x" * 65536)\n';
    const { app, id } = await appRunning(flood, timeoutMs);
    app.kill('SIGKILL');
    const seen: { bytes: number; type: string }[] = [];
    await goneWithin(id, timeoutMs + 5000, (info) => {
      void logBytes(info).then((bytes) => seen.push({ bytes, type: info.HostConfig.LogConfig?.Type ?? '' }));
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((s) => s.bytes === 0 && s.type === 'none')).toBe(true);
  });
});

describe('the sweep of leftovers', () => {
  it("runs on a timer while the app runs, removing dead apps' containers and keeping live ones", async () => {
    const { core, api, session } = await openCore({ sweepIntervalMs: 300 });
    try {
      await api.executeCode({ session, code: 'print(1)' }); // the first run sweeps and starts the timer
      const gone = spawn(process.execPath, ['-e', '0']);
      await new Promise((done) => gone.once('exit', done));
      const image = (await api.getPlaygroundStatus()).image;
      const labelled = (pid: number, start: string) =>
        docker.createContainer({
          Image: image,
          Cmd: ['true'],
          Labels: { [SANDBOX_LABEL]: 'true', [OWNER_LABEL]: String(pid), [OWNER_START_LABEL]: start },
        });
      const orphan = await labelled(gone.pid!, '1');
      const live = await labelled(thisOwner().pid, thisOwner().start);
      try {
        for (let i = 0; i < 50 && (await inspectOrGone(orphan.id)); i++) await sleep(100);
        expect(await inspectOrGone(orphan.id)).toBeNull();
        expect(await inspectOrGone(live.id)).not.toBeNull();
      } finally {
        await Promise.all([orphan, live].map((c) => c.remove({ force: true }).catch(() => undefined)));
      }
    } finally {
      await core.close();
    }
  });
});

describe("the loader's supervisor", () => {
  it('reports a program that kills itself as killed, not as out of memory, and a real OOM as one', async () => {
    const { core, api, session } = await openCore();
    try {
      const killed = await api.executeCode({
        session,
        code: 'import os, signal\nos.kill(os.getpid(), signal.SIGKILL)',
      });
      expect(killed).toMatchObject({ exitCode: 137, oomKilled: false, timedOut: false });
      const bomb = await api.executeCode({
        session,
        code: 'x = []\nwhile True:\n    x.append(bytearray(b"1") * (8 << 20))',
      });
      expect(bomb).toMatchObject({ exitCode: 137, oomKilled: true, timedOut: false });
      const exits = await api.executeCode({ session, code: 'import sys\nsys.exit(137)' });
      expect(exits).toMatchObject({ exitCode: 137, oomKilled: false });
    } finally {
      await core.close();
    }
  });
});

describe('the pool', () => {
  it('replaces a pre-started container that died while it waited, and the run goes on', async () => {
    const { core, api, session } = await openCore({ poolSize: 1 });
    try {
      await core.warmUpPlayground();
      const mine = await docker.listContainers({
        filters: { label: [`${SANDBOX_LABEL}=true`, `${OWNER_LABEL}=${process.pid}`] },
      });
      expect(mine.length).toBeGreaterThan(0);
      await Promise.all(mine.map((c) => docker.getContainer(c.Id).remove({ force: true })));
      expect(await api.executeCode({ session, code: 'print(6 * 7)' })).toMatchObject({ stdout: '42\n', exitCode: 0 });
    } finally {
      await core.close();
    }
  });
});

describe('concurrent sandboxes are capped', () => {
  const opened: { close(): Promise<void> }[] = [];
  afterAll(() => Promise.all(opened.map((core) => core.close())));

  const memAvailableMb = () =>
    Number(/MemAvailable:\s+(\d+) kB/.exec(readFileSync('/proc/meminfo', 'utf8'))![1]) / 1024;

  it('50 memory bombs at once: each gets an outcome, and the host keeps its free memory', async () => {
    const memoryBudgetMb = 1024;
    const { core, api, session } = await openCore({ maxConcurrent: 4, memoryBudgetMb });
    opened.push(core);
    // Each fills most of its 256 MB, holds it for a second (so parallel bombs would add up), then
    // asks for more until the kernel kills it.
    const bomb = [
      'import time',
      'held = [bytearray(b"\\x01") * (16 << 20) for _ in range(13)]',
      'time.sleep(1)',
      'while True:',
      '    held.append(bytearray(b"\\x01") * (16 << 20))',
    ].join('\n');
    const before = memAvailableMb();
    let lowest = before;
    const sampler = setInterval(() => (lowest = Math.min(lowest, memAvailableMb())), 100);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => api.executeCode({ session, code: bomb, timeoutMs: 20_000 })),
    ).finally(() => clearInterval(sampler));
    expect(results).toHaveLength(50);
    for (const result of results) expect(result).toMatchObject({ oomKilled: true, timedOut: false });
    // Uncapped, fifty bombs hold about 10 GB at once; capped, at most the budget (plus noise from the
    // other programs on this machine).
    expect(before - lowest).toBeLessThan(memoryBudgetMb + 2048);
  }, 240_000);

  it('gives a run the work folder and /tmp sizes its exercise asks for, pooled or not', async () => {
    const source = writePackFixture();
    const manifest = JSON.parse(readFileSync(join(source, 'pack.json'), 'utf8'));
    manifest.modules[1].exercises[0].limits = { workDirMb: 64, tmpMb: 48 };
    writeFileSync(join(source, 'pack.json'), JSON.stringify(manifest));
    const { core, api, session } = await openCore({}, dirname(source));
    opened.push(core);
    const writes = (where: string, mb: number) =>
      `with open("${where}/big", "wb") as f:\n    f.write(b"x" * (${mb} << 20))\n` +
      'def count_down(n):\n    return list(range(n, 0, -1))\n';
    // The exercise asked for 64 MB of /work and 48 MB of /tmp: 40 MB fits in each.
    for (const where of ['/work', '/tmp']) {
      const checked = await api.validateCode({ session, exerciseId: 'demo/count-down', code: writes(where, 40) });
      expect(checked.status).toBe('pass');
    }
    // And the sizes are the exercise's, not more: 70 MB does not fit.
    const over = await api.validateCode({ session, exerciseId: 'demo/count-down', code: writes('/work', 70) });
    expect(over.status).toBe('error');
    // A run without such a request keeps the default 16 MB.
    const plain = await api.executeCode({ session, code: writes('/work', 20) });
    expect(plain.exitCode).not.toBe(0);
  });
});
