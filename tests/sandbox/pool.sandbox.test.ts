import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Docker from 'dockerode';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../common/contract/bridge.js';
import { writePackFixture } from '../../content-packs/format/pack-fixture.js';
import { createCore } from '../../main/core/create-core.js';
import type { CoreOptions } from '../../main/core/create-core.js';
import { localBridge } from '../../main/core/local-bridge.js';
import { listSandboxes } from '../../main/core/playground/container-pool.js';

// The real Docker engine and image. The pool's size is left to its defaults here (sized to the host
// and to the cap on running sandboxes), which is what these tests are about.
const RUNTIMES = join(process.cwd(), 'main', 'core', 'playground', 'runtimes');
const docker = new Docker();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let opened: { close(): Promise<void> } | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

async function openCore(playground: CoreOptions['playground']) {
  const core = await createCore({
    dataDir: mkdtempSync(join(tmpdir(), 'pool-')),
    appVersion: '1.0.0',
    bundledPacksDir: dirname(writePackFixture()),
    runtimesDir: RUNTIMES,
    logger: pino({ level: 'silent' }),
    playground,
  });
  opened = core;
  const api = createApiClient(localBridge(core));
  const { session } = await api.createLearner({ profile: { displayName: 'Pool' } });
  await core.warmUpPlayground();
  return { core, api, session };
}

/** This process's sandbox containers now running (pre-started ones and those running a job). */
const ours = async () =>
  (await listSandboxes(docker)).filter((c) => c.ownerPid === process.pid && c.state === 'running').map((c) => c.id);

/** A container's id starts with its hostname, so a program can say which container ran it. */
const whereAmI = (holdSeconds: number) =>
  `import socket, time\ntime.sleep(${holdSeconds})\nprint(socket.gethostname())`;

const ranIn = (started: string[], hostname: string) => started.some((id) => id.startsWith(hostname.trim()));

describe('the sandbox pool, with its default size', () => {
  it('has a container started for every job the cap lets run at once, before the jobs come', async () => {
    const { core, api, session } = await openCore({ maxConcurrent: 4 });
    expect(core.sandbox.load()).toMatchObject({ poolSize: 4, pooled: 4 });
    const started = await ours();
    expect(started).toHaveLength(4);
    const runs = await Promise.all(Array.from({ length: 4 }, () => api.executeCode({ session, code: whereAmI(0) })));
    for (const run of runs) expect(ranIn(started, run.stdout), run.stdout).toBe(true);
  }, 120_000);

  it('starts containers for the jobs waiting in the queue while they wait, and keeps a burst size ready after', async () => {
    const { core, api, session } = await openCore({ maxConcurrent: 2 });
    expect(core.sandbox.load()).toMatchObject({ poolSize: 2, pooled: 2 });
    // Two hold their slots for a while; four more wait in the queue behind them.
    let answered = false;
    const burst = Array.from({ length: 6 }, () =>
      api.executeCode({ session, code: whereAmI(8), timeoutMs: 60_000 }).finally(() => (answered = true)),
    );
    let seen = 0;
    while (!answered && seen < 6) {
      seen = Math.max(seen, (await ours()).length);
      await sleep(50);
    }
    // Before anything answered: the two running, and one started for each job in the queue.
    expect(answered).toBe(false);
    expect(seen).toBe(6);
    await Promise.all(burst);

    // The pool now keeps six started, so the next burst of six finds all of them ready.
    expect(core.sandbox.load().poolSize).toBe(6);
    // (Once the burst's own containers are gone: they remove themselves when they stop.)
    let started = await ours();
    for (let i = 0; i < 300 && (core.sandbox.load().pooled < 6 || started.length > 6); i++) {
      await sleep(100);
      started = await ours();
    }
    expect(core.sandbox.load().pooled).toBe(6);
    expect(started).toHaveLength(6);
    const again = await Promise.all(Array.from({ length: 6 }, () => api.executeCode({ session, code: whereAmI(0) })));
    for (const run of again) expect(ranIn(started, run.stdout), run.stdout).toBe(true);
  }, 180_000);
});
