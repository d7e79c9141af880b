import { mkdtempSync, rmSync } from 'node:fs';
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
import { poolForHost } from '../../main/core/playground/sandbox-slots.js';

// The real Docker engine and image; the pool's size is left to its defaults (sized to the host)
// where that is what a test is about.
const RUNTIMES = join(process.cwd(), 'main', 'core', 'playground', 'runtimes');
const docker = new Docker();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let opened: { core: { close(): Promise<void> }; dataDir: string } | undefined;
afterEach(async () => {
  await opened?.core.close();
  if (opened) rmSync(opened.dataDir, { recursive: true, force: true });
  opened = undefined;
});

async function openCore(playground: CoreOptions['playground']) {
  const dataDir = mkdtempSync(join(tmpdir(), 'pool-'));
  const core = await createCore({
    dataDir,
    appVersion: '1.0.0',
    bundledPacksDir: dirname(writePackFixture()),
    runtimesDir: RUNTIMES,
    logger: pino({ level: 'silent' }),
    playground,
  });
  opened = { core, dataDir };
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

describe('the sandbox pool', () => {
  it('starts with as many containers as the host affords idle, and jobs take them, none started on their way', async () => {
    const { core, api, session } = await openCore({ maxConcurrent: 4 });
    const ceiling = poolForHost();
    expect(core.sandbox.load()).toMatchObject({ poolSize: ceiling, pooled: ceiling });
    const started = await ours();
    expect(started).toHaveLength(ceiling);
    const runs = await Promise.all(Array.from({ length: 6 }, () => api.executeCode({ session, code: whereAmI(0) })));
    for (const run of runs) expect(ranIn(started, run.stdout), run.stdout).toBe(true);
  }, 180_000);

  it('starts containers for the next jobs in the queue while they wait, as many as can start next', async () => {
    const { core, api, session } = await openCore({ maxConcurrent: 2, poolSize: 2 });
    expect(core.sandbox.load()).toMatchObject({ poolSize: 2, pooled: 2 });
    // Two hold their slots for a while; four more wait in the queue behind them.
    let answered = false;
    const burst = Array.from({ length: 6 }, () =>
      api.executeCode({ session, code: whereAmI(20), timeoutMs: 60_000 }).finally(() => (answered = true)),
    );
    // Watched until the first answers: the two running, and one started for each of the two that go
    // next (no more: the cap lets only two start when these answer).
    let seen = 0;
    while (!answered) {
      const now = (await ours()).length;
      if (!answered) seen = Math.max(seen, now);
      await sleep(100);
    }
    expect(seen).toBe(4);
    const runs = await Promise.all(burst);
    for (const run of runs) expect(run.exitCode).toBe(0);
  }, 180_000);
});
