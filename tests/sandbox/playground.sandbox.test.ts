import {
  appendFileSync,
  cpSync,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Docker from 'dockerode';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LearnApi } from '../../common/contract/api.js';
import type { LearnEvent } from '../../common/contract/events.js';
import { createApiClient } from '../../common/contract/bridge.js';
import { writePackFixture } from '../../content-packs/format/pack-fixture.js';
import { createCore } from '../../main/core/create-core.js';
import type { Core } from '../../main/core/create-core.js';
import { localBridge } from '../../main/core/local-bridge.js';
import { removeLeftovers } from '../../main/core/playground/container-pool.js';
import { DockerEngine } from '../../main/core/playground/docker-engine.js';
import { RuntimeImages } from '../../main/core/playground/runtime-images.js';
import { OWNER_LABEL, SANDBOX_LABEL } from '../../main/core/playground/sandbox-limits.js';

// The real Docker engine and the real python-3.11 image (.ci/run starts dockerd and builds it).
const RUNTIMES = join(process.cwd(), 'main', 'core', 'playground', 'runtimes');
const docker = new Docker();
// The image .ci/run builds from the recipe in the repository (its tag is the recipe's hash).
const IMAGE = new RuntimeImages(new DockerEngine(), RUNTIMES, tmpdir()).imageFor('python-3.11');

async function openCore(options: { engine?: DockerEngine; dataDir?: string; packs?: string } = {}) {
  const core = await createCore({
    dataDir: options.dataDir ?? mkdtempSync(join(tmpdir(), 'playground-')),
    appVersion: '1.0.0',
    bundledPacksDir: options.packs ?? dirname(writePackFixture()),
    runtimesDir: RUNTIMES,
    logger: pino({ level: 'silent' }),
    playground: { poolSize: 2, liveDebounceMs: 150, ...(options.engine ? { engine: options.engine } : {}) },
  });
  const api = createApiClient(localBridge(core));
  const { session } = await api.createLearner({ profile: { displayName: 'Sandy' } });
  return { core, api, session };
}

describe('the code playground on the real Docker engine', () => {
  let core: Core;
  let api: LearnApi;
  let session: string;
  const run = (code: string, extra: { stdin?: string; timeoutMs?: number } = {}) =>
    api.executeCode({ session, code, ...extra });

  beforeAll(async () => {
    ({ core, api, session } = await openCore());
    const status = await api.getPlaygroundStatus();
    if (status.state !== 'ready') throw new Error(`${status.message} ${status.fix}`);
    await core.warmUpPlayground();
  }, 120_000);
  afterAll(() => core?.close());

  it('runs a program with its stdin and reports stdout, stderr and the exit code', async () => {
    const result = await run(
      'import sys\nname = input()\nprint("hi", name)\nprint("oops", file=sys.stderr)\nsys.exit(3)',
      {
        stdin: 'Ada\n',
      },
    );
    expect(result).toMatchObject({
      stdout: 'hi Ada\n',
      stderr: 'oops\n',
      exitCode: 3,
      timedOut: false,
      truncated: false,
    });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('shows a learner error as Python does, with the line number', async () => {
    const result = await run('x = 1\ny = x / 0\n');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/File "main.py", line 2/);
    expect(result.stderr).toMatch(/ZeroDivisionError: division by zero/);
  });

  it('runs as a non-root user with no capabilities, no new privileges, a read-only root and no network', async () => {
    const probe = [
      'import os, socket',
      'print("uid", os.getuid())',
      'status = dict(l.split(":", 1) for l in open("/proc/self/status").read().splitlines())',
      'print("caps", status["CapEff"].strip(), "nnp", status["NoNewPrivs"].strip())',
      'print("nets", sorted(os.listdir("/sys/class/net")))',
      'for path in ("/etc/x", "/usr/x"):',
      '    try:\n        open(path, "w")\n    except OSError as e:\n        print("read-only", path, e.errno)',
      'open("/work/scratch", "w").write("ok")',
      'try:\n    socket.create_connection(("10.0.0.1", 80), timeout=2)\nexcept OSError as e:\n    print("no network", type(e).__name__)',
    ].join('\n');
    const { stdout, exitCode } = await run(probe);
    expect(exitCode).toBe(0);
    expect(stdout).toContain('uid 10001');
    expect(stdout).toContain('caps 0000000000000000 nnp 1');
    expect(stdout).toContain("nets ['lo']");
    expect(stdout).toMatch(/read-only \/etc\/x 30/);
    expect(stdout).toMatch(/read-only \/usr\/x 30/);
    expect(stdout).toMatch(/no network (OSError|TimeoutError)/);
  });

  it('gives every run a fresh container: nothing from an earlier run is there', async () => {
    await run('open("/work/secret.txt", "w").write("mine")\nopen("/tmp/also", "w").write("x")');
    const { stdout } = await run('import os\nprint(sorted(os.listdir("/work")), sorted(os.listdir("/tmp")))');
    expect(stdout.trim()).toBe("['main.py'] []");
  });

  it('kills a run that goes past its wall-clock timeout', async () => {
    const result = await run('while True:\n    pass', { timeoutMs: 1500 });
    expect(result).toMatchObject({ timedOut: true, exitCode: null });
    expect(result.durationMs).toBeLessThan(10_000);
  });

  it('stops a run at its memory limit and says so', async () => {
    const result = await run('blocks = []\nwhile True:\n    blocks.append(bytearray(50 * 1024 * 1024))');
    expect(result.oomKilled).toBe(true);
    expect(result.exitCode).not.toBe(0);
  });

  it('caps the number of processes', async () => {
    const forkBomb = [
      'import os, time',
      'children = 0',
      'try:',
      '    for _ in range(500):',
      '        if os.fork() == 0:',
      '            time.sleep(5)',
      '            os._exit(0)',
      '        children += 1',
      'except OSError as e:',
      '    print("stopped at", children, e.errno)',
    ].join('\n');
    const { stdout } = await run(forkBomb, { timeoutMs: 8000 });
    const stopped = /stopped at (\d+) 11/.exec(stdout);
    expect(stopped).not.toBeNull();
    expect(Number(stopped![1])).toBeLessThan(64);
  });

  it('caps the size of the work folder', async () => {
    const { stdout } = await run(
      'try:\n    open("/work/big", "wb").write(b"x" * (40 * 1024 * 1024))\nexcept OSError as e:\n    print("refused", e.errno)',
    );
    expect(stdout).toMatch(/refused (27|28)/);
  });

  it('cuts output at the cap and says it was cut', async () => {
    const result = await run('import sys\nwhile True:\n    sys.stdout.write("x" * 65536)');
    expect(result.truncated).toBe(true);
    expect(result.stdout.length).toBeLessThan(70 * 1024);
    expect(result.stdout).toMatch(/\[output cut/);
  });

  it('stops a run its learner cancels, and no other learner can', async () => {
    const other = (await api.createLearner({ profile: { displayName: 'Other' } })).session;
    const runId = 'run-stop-me-please';
    const going = api.executeCode({ session, code: 'print("started", flush=True)\nwhile True:\n    pass', runId });
    // Another learner's cancel of the same id, and a cancel of no run, do nothing.
    await api.cancelRun({ session: other, runId });
    await api.cancelRun({ session, runId: 'run-not-running' });
    await expect(api.executeCode({ session, code: 'print(1)', runId })).rejects.toMatchObject({ code: 'conflict' });
    await api.cancelRun({ session, runId });
    const result = await going;
    // Stopped by the cancel, which answers at once (no exit code: the container is killed off the answer path),
    // not by its time limit.
    expect(result).toMatchObject({ timedOut: false, exitCode: null, oomKilled: false });
    await expect(api.cancelRun({ session, runId: 'not an id' })).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('validates an exercise: the starter fails per test, the reference passes, both recorded as progress', async () => {
    const failed = await api.validateCode({
      session,
      exerciseId: 'demo/count-down',
      code: 'def count_down(n):\n    return []\n',
    });
    expect(failed.status).toBe('fail');
    expect(failed.tests).toEqual([
      expect.objectContaining({ name: 'test_three', status: 'fail', message: expect.stringContaining('[3, 2, 1]') }),
    ]);
    const passed = await api.validateCode({
      session,
      exerciseId: 'demo/count-down',
      code: 'def count_down(n):\n    print("counting")\n    return list(range(n, 0, -1))\n',
      hintsUsed: 1,
    });
    expect(passed).toMatchObject({
      status: 'pass',
      tests: [{ name: 'test_three', status: 'pass', output: 'counting\n' }],
    });
    const progress = await api.getUserProgress({ session });
    expect(progress.exercises).toEqual([
      expect.objectContaining({
        exerciseId: 'demo/count-down',
        attempts: 2,
        bestPassed: 1,
        bestTotal: 1,
        maxHintsUsed: 1,
      }),
    ]);
    expect(progress.exercises[0]!.completedAt).not.toBeNull();
    // The last submitted code is kept, to restore.
    expect(await api.getLastSubmission({ session, exerciseId: 'demo/count-down' })).toMatchObject({
      code: 'def count_down(n):\n    print("counting")\n    return list(range(n, 0, -1))\n',
    });
  });

  it('reports code that does not load as an error with its line number', async () => {
    const result = await api.validateCode({
      session,
      exerciseId: 'demo/count-down',
      code: 'def count_down(n)\n    return n\n',
    });
    expect(result).toMatchObject({ status: 'error', tests: [], message: expect.stringMatching(/SyntaxError.*line 1/) });
  });

  it('answers not-found for an exercise that is not installed', async () => {
    await expect(api.validateCode({ session, exerciseId: 'demo/no-such', code: '' })).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('removes containers a crashed app left behind, and keeps those of a running app', async () => {
    const create = (pid: number) =>
      docker.createContainer({
        Image: IMAGE,
        Cmd: ['true'],
        Labels: { [SANDBOX_LABEL]: 'true', [OWNER_LABEL]: String(pid) },
      });
    const crashed = await create(2 ** 22 + 12345);
    const alive = await create(1);
    await removeLeftovers(docker);
    await expect(crashed.inspect()).rejects.toMatchObject({ statusCode: 404 });
    expect((await alive.inspect()).Id).toBe(alive.id);
    await alive.remove({ force: true });
  });
});

describe('live sessions and scratch sandboxes', () => {
  let core: Core;
  let api: LearnApi;
  let session: string;
  beforeAll(async () => {
    ({ core, api, session } = await openCore());
  }, 120_000);
  afterAll(() => core?.close());

  /** The live-feedback events of one live session, as they arrive. */
  const feedbackOf = (liveId: string) => {
    const events: LearnEvent[] = [];
    core.onEvent((e) => e.type === 'live-feedback' && e.liveId === liveId && events.push(e));
    const reached = (state: 'running' | 'done', n: number) =>
      new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (events.filter((e) => e.type === 'live-feedback' && e.state === state).length >= n) {
            clearInterval(poll);
            resolve();
          }
        }, 20);
      });
    return { events, done: (n: number) => reached('done', n), running: (n: number) => reached('running', n) };
  };

  it('debounces edits, cancels the check in flight when a newer edit comes, and ends with a summary', async () => {
    const { liveId } = await api.startLiveSession({ session, exerciseId: 'demo/count-down' });
    const feedback = feedbackOf(liveId);
    // A burst of keystrokes inside the quiet period: one check, of the last text.
    for (const code of [
      'def count_down(n):',
      'def count_down(n):\n    return',
      'def count_down(n):\n    return []\n',
    ]) {
      await api.updateLiveCode({ session, liveId, code });
    }
    await feedback.done(1);
    const first = feedback.events.filter((e) => e.type === 'live-feedback' && e.state === 'done');
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ result: { status: 'fail', tests: [{ name: 'test_three', status: 'fail' }] } });

    // A slow check, then a fix while it runs: the slow one is cancelled, the fix reported.
    await api.updateLiveCode({
      session,
      liveId,
      code: 'import time\ntime.sleep(5)\ndef count_down(n):\n    return []\n',
    });
    // Past the quiet period and into the check, however loaded the machine is.
    await feedback.running(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await api.updateLiveCode({ session, liveId, code: 'def count_down(n):\n    return list(range(n, 0, -1))\n' });
    await feedback.done(2);
    const last = feedback.events.filter((e) => e.type === 'live-feedback' && e.state === 'done').at(-1);
    expect(last).toMatchObject({ result: { status: 'pass' } });

    const summary = await api.endLiveSession({ session, liveId });
    expect(summary).toMatchObject({ runs: 2, cancelled: 1, lastStatus: 'pass', bestPassed: 1, total: 1 });
    await expect(api.updateLiveCode({ session, liveId, code: '' })).rejects.toMatchObject({ code: 'not-found' });
    // Live checks are practice: nothing was recorded as a submission.
    expect((await api.getUserProgress({ session })).exercises.filter((e) => e.attempts > 0)).toEqual([]);
  });

  it("keeps a scratch sandbox's files between runs, for its learner only, until destroyed", async () => {
    const { sandboxId, files } = await api.createSandbox({ session });
    expect(Object.keys(files)).toEqual(['main.py']);
    const first = await api.runInSandbox({
      session,
      sandboxId,
      files: { 'main.py': 'open("notes.txt", "a").write("run\\n")\nprint(open("notes.txt").read().count("run"))\n' },
    });
    expect(first.stdout).toBe('1\n');
    expect(first.files['notes.txt']).toBe('run\n');
    const second = await api.runInSandbox({ session, sandboxId });
    expect(second.stdout).toBe('2\n');

    const other = await api.createLearner({ profile: { displayName: 'Other' } });
    await expect(api.runInSandbox({ session: other.session, sandboxId })).rejects.toMatchObject({ code: 'not-found' });
    await expect(api.destroySandbox({ session: other.session, sandboxId })).rejects.toMatchObject({
      code: 'not-found',
    });

    await api.destroySandbox({ session, sandboxId });
    await expect(api.runInSandbox({ session, sandboxId })).rejects.toMatchObject({ code: 'not-found' });
  });

  it("imports a learner's own harness.py, not the grader's (loaded ahead of the job under another name)", async () => {
    const { sandboxId } = await api.createSandbox({ session });
    const files = { 'harness.py': 'ANSWER = 42\n', 'main.py': 'import harness\nprint(harness.ANSWER)\n' };
    const result = await api.runInSandbox({ session, sandboxId, files });
    expect(result).toMatchObject({ stdout: '42\n', exitCode: 0 });
  });

  it('keeps only well-named files a program reports, whatever it prints', async () => {
    const { sandboxId } = await api.createSandbox({ session });
    const forged = 'print("\\n@@lionlearn-results 00@@" + \'{"files": {"../escape": "x"}}\')\n';
    const result = await api.runInSandbox({ session, sandboxId, files: { 'main.py': forged } });
    expect(Object.keys(result.files)).toEqual(['main.py']);
  });
});

/** A copy of the recipe with one more line: a new image tag, so a test can load while others run. */
function runtimesWithNewTag(): string {
  const runtimes = mkdtempSync(join(tmpdir(), 'runtimes-'));
  cpSync(join(RUNTIMES, 'python-3.11'), join(runtimes, 'python-3.11'), { recursive: true });
  appendFileSync(join(runtimes, 'python-3.11', 'recipe.sh'), `# test copy ${Date.now()} ${Math.random()}\n`);
  return runtimes;
}

/**
 * Writes a `docker save` of the recipe's image under the tag a recipe copy expects (an archive may name
 * no other image), gzipped or not, and takes the tag off again: the engine still has no such image.
 */
async function saveAs(runtimes: string, file: string, gzip = false): Promise<void> {
  const tag = new RuntimeImages(new DockerEngine(), runtimes, tmpdir()).imageFor('python-3.11');
  const [repo = '', version = ''] = tag.split(':');
  await docker.getImage(IMAGE).tag({ repo, tag: version });
  try {
    const archive = await docker.getImage(tag).get();
    await (gzip
      ? pipeline(archive, createGzip({ level: 1 }), createWriteStream(file))
      : pipeline(archive, createWriteStream(file)));
  } finally {
    await docker.getImage(tag).remove();
  }
}

describe('sandbox images', () => {
  it('loads the image from an archive an admin placed, with progress, then runs', async () => {
    const runtimes = runtimesWithNewTag();
    const dataDir = mkdtempSync(join(tmpdir(), 'playground-archive-'));
    mkdirSync(join(dataDir, 'runtimes'));
    await saveAs(runtimes, join(dataDir, 'runtimes', 'python-3.11.tar'));
    const core = await createCore({
      dataDir,
      appVersion: '1.0.0',
      runtimesDir: runtimes,
      logger: pino({ level: 'silent' }),
    });
    const api = createApiClient(localBridge(core));
    const image = core.images.imageFor('python-3.11');
    try {
      const before = await api.getPlaygroundStatus();
      expect(before).toMatchObject({ state: 'image-missing', fix: expect.stringContaining('loads from') });
      const progress: number[] = [];
      core.onEvent((e) => e.type === 'sandbox-image-progress' && progress.push(e.percent));
      const { session } = await api.createLearner({ profile: { displayName: 'Loader' } });
      const result = await api.executeCode({ session, code: 'print(6 * 7)' });
      expect(result.stdout).toBe('42\n');
      expect(progress.at(-1)).toBe(100);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect((await api.getPlaygroundStatus()).state).toBe('ready');
    } finally {
      await core.close();
      await docker
        .getImage(image)
        .remove()
        .catch(() => undefined);
    }
  }, 120_000);
});

describe('a sandbox image a pack carries', () => {
  it('is loaded from the installed pack when the machine has no image and no admin archive', async () => {
    const runtimes = runtimesWithNewTag();
    const source = writePackFixture();
    mkdirSync(join(source, 'runtimes'));
    await saveAs(runtimes, join(source, 'runtimes', 'python-3.11.tar.gz'), true);
    const manifest = JSON.parse(readFileSync(join(source, 'pack.json'), 'utf8'));
    writeFileSync(
      join(source, 'pack.json'),
      JSON.stringify({ ...manifest, runtimeImage: 'runtimes/python-3.11.tar.gz' }),
    );
    const core = await createCore({
      dataDir: mkdtempSync(join(tmpdir(), 'playground-pack-image-')),
      appVersion: '1.0.0',
      bundledPacksDir: dirname(source),
      runtimesDir: runtimes,
      logger: pino({ level: 'silent' }),
    });
    const api = createApiClient(localBridge(core));
    try {
      expect(await api.getPlaygroundStatus()).toMatchObject({ state: 'image-missing', canRun: true });
      const { session } = await api.createLearner({ profile: { displayName: 'Packer' } });
      const result = await api.validateCode({
        session,
        exerciseId: 'demo/count-down',
        code: 'def count_down(n):\n    return list(range(n, 0, -1))\n',
      });
      expect(result.status).toBe('pass');
    } finally {
      await core.close();
      await docker
        .getImage(core.images.imageFor('python-3.11'))
        .remove()
        .catch(() => undefined);
    }
  }, 180_000);
});

describe('sandbox limits', () => {
  it("grants an exercise's own limits and holds every run to the admin's maxima", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'playground-limits-'));
    writeFileSync(
      join(dataDir, 'sandbox.json'),
      JSON.stringify({ maxima: { timeoutMs: 4000 }, defaults: { cpus: 0.5 } }),
    );
    const source = writePackFixture();
    const manifest = JSON.parse(readFileSync(join(source, 'pack.json'), 'utf8'));
    manifest.modules[1].exercises[0].limits = { timeoutMs: 700 };
    writeFileSync(join(source, 'pack.json'), JSON.stringify(manifest));
    const { core, api, session } = await openCore({ dataDir, packs: dirname(source) });
    try {
      const asked = await api.executeCode({ session, code: 'while True:\n    pass', timeoutMs: 60_000 });
      expect(asked.timedOut).toBe(true);
      expect(asked.durationMs).toBeLessThan(7000);
      // Half a core: a busy process gets about half a CPU-second per second, even on an idle machine.
      const busy =
        'import time\nstart = time.time()\nwhile time.time() - start < 1.5:\n    pass\nprint(round(time.process_time() / (time.time() - start), 2))';
      expect(Number((await api.executeCode({ session, code: busy })).stdout)).toBeLessThan(0.7);
      const slow = 'import time\ntime.sleep(3)\ndef count_down(n):\n    return []\n';
      const checked = await api.validateCode({ session, exerciseId: 'demo/count-down', code: slow });
      expect(checked).toMatchObject({
        status: 'error',
        run: { timedOut: true },
        message: expect.stringMatching(/did not finish/),
      });
      expect(checked.run.durationMs).toBeLessThan(1500);
    } finally {
      await core.close();
    }
  });
});

describe('the playground without Docker', () => {
  it('says Docker is missing, fails fast after repeated failures, and reading and progress keep working', async () => {
    const engine = new DockerEngine({ docker: new Docker({ socketPath: '/nonexistent/docker.sock' }) });
    const { core, api, session } = await openCore({ engine });
    try {
      const status = await api.getPlaygroundStatus();
      expect(status).toMatchObject({ state: 'docker-missing', fix: expect.stringContaining('lionlearn doctor') });
      // A learner is told what still works and who can fix it; the admin's commands stay in `fix`.
      expect(status.help).toMatch(/read lessons.*admin/s);
      expect(`${status.message} ${status.help}`).not.toMatch(/apt-get|sudo|systemctl|usermod/);
      const failure = await api.executeCode({ session, code: 'print(1)' }).catch((e: unknown) => e);
      expect(failure).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/Docker/) });
      expect((failure as Error).message).not.toMatch(/apt-get|sudo/);
      // After three failures in a row the breaker answers at once, without touching the socket.
      await api.executeCode({ session, code: 'print(1)' }).catch(() => undefined);
      expect(await api.getPlaygroundStatus()).toMatchObject({ state: 'unavailable', message: /stopped answering/ });
      expect((await api.getLesson({ lessonId: 'demo/hello' })).title).toBe('Hello');
      await api.trackProgress({ session, event: { type: 'LessonOpened', data: { lessonId: 'demo/hello' } } });
      expect((await api.getUserProgress({ session })).lessons).toHaveLength(1);
    } finally {
      await core.close();
    }
  });

  it('says the image is missing and how to get it when the recipe changed', async () => {
    const { core, api } = await openCore();
    try {
      const images = core.images;
      expect((await api.getPlaygroundStatus({ runtime: 'python-3.11' })).image).toBe(images.imageFor('python-3.11'));
      expect(await api.getPlaygroundStatus({ runtime: 'cobol-85' })).toMatchObject({ state: 'unavailable' });
    } finally {
      await core.close();
    }
  });
});
