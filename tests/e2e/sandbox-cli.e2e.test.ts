import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { RuntimeImages } from '../../main/core/playground/runtime-images.js';
import { DockerEngine } from '../../main/core/playground/docker-engine.js';
import { OWNER_LABEL, OWNER_START_LABEL, SANDBOX_LABEL } from '../../main/core/playground/sandbox-limits.js';
import { thisOwner } from '../../main/core/playground/sandbox-owner.js';
import { ROOT, runCli, tempDir } from './support/processes.js';

// The CLI against the real Docker engine and the sandbox image (.ci/run starts one and builds the other).
const docker = new Docker();
const IMAGE = new RuntimeImages(new DockerEngine(), join(ROOT, 'main/core/playground/runtimes'), ROOT).imageFor(
  'python-3.11',
);
const EXERCISE = join(ROOT, 'content-packs/python-foundations/exercises/typing/parse-port');

const program = (code: string) => {
  const file = join(tempDir('run-cli-'), 'main.py');
  writeFileSync(file, code);
  return file;
};

describe('lionlearn run', () => {
  it('runs a file as a program and prints stdout, stderr, exit code, duration and the limits hit as JSON', async () => {
    const input = join(tempDir('run-cli-'), 'input.txt');
    writeFileSync(input, 'Ada\n');
    const file = program('import sys\nprint("hi", input())\nprint("oops", file=sys.stderr)\nsys.exit(3)\n');
    const { code, stdout } = await runCli(['--data-dir', tempDir('run-cli-'), 'run', '--file', file, '--stdin', input]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      stdout: 'hi Ada\n',
      stderr: 'oops\n',
      exitCode: 3,
      durationMs: expect.any(Number),
      timedOut: false,
      oomKilled: false,
      truncated: false,
    });
  });

  it('says when the program ran out of time', async () => {
    const file = program('while True:\n    pass\n');
    const { stdout } = await runCli(['--data-dir', tempDir('run-cli-'), 'run', '--file', file, '--timeout', '500']);
    expect(JSON.parse(stdout)).toMatchObject({ timedOut: true, exitCode: null });
  });

  it("prints an exercise's per-test results, exit 0 when all pass and 1 when one does not", async () => {
    const dataDir = tempDir('run-cli-');
    const args = ['--data-dir', dataDir, 'run', '--exercise', 'python-foundations/parse-port', '--file'];
    const passed = await runCli([...args, join(EXERCISE, 'solution.py')]);
    expect(passed.code).toBe(0);
    const report = JSON.parse(passed.stdout) as { status: string; tests: { name: string; status: string }[] };
    expect(report.status).toBe('pass');
    expect(report.tests.length).toBeGreaterThan(2);
    expect(report.tests.every((t) => t.status === 'pass')).toBe(true);

    const failed = await runCli([...args, join(EXERCISE, 'starter.py')]);
    expect(failed.code).toBe(1);
    const failing = JSON.parse(failed.stdout) as { status: string; tests: { status: string }[] };
    expect(failing.status).toBe('fail');
    expect(failing.tests.some((t) => t.status !== 'pass')).toBe(true);
  });

  it('refuses clearly a missing file, a file that is not text, and an exercise id that is not one', async () => {
    const dataDir = tempDir('run-cli-');
    const missing = await runCli(['--data-dir', dataDir, 'run', '--file', '/nonexistent/main.py']);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('cannot read the file') });
    const binary = join(tempDir('run-cli-'), 'blob.py');
    writeFileSync(binary, Buffer.from([0xff, 0xfe, 0x00, 0x80]));
    const notText = await runCli(['--data-dir', dataDir, 'run', '--file', binary]);
    expect(notText).toMatchObject({ code: 1, stderr: expect.stringContaining('is not UTF-8 text') });
    const badId = await runCli(['--data-dir', dataDir, 'run', '--exercise', '../../etc', '--file', program('')]);
    expect(badId).toMatchObject({ code: 1, stderr: expect.stringContaining('content ids look like') });
  });
});

describe('lionlearn sandbox status and prune', () => {
  it("shows the engine, the image and the apps' containers; prune removes only those of dead apps", async () => {
    // A process that has exited owns one container; this (running) test process owns another.
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((done) => gone.once('exit', done));
    const labelled = (owner: { pid: number; start: string }) =>
      docker.createContainer({
        Image: IMAGE,
        Cmd: ['true'],
        Labels: { [SANDBOX_LABEL]: 'true', [OWNER_LABEL]: String(owner.pid), [OWNER_START_LABEL]: owner.start },
      });
    const orphan = await labelled({ pid: gone.pid!, start: '1' });
    // Alive by pid, but started at another time: the pid was reused, its app is gone.
    const reused = await labelled({ pid: process.pid, start: '1' });
    const mine = await labelled(thisOwner());
    const dataDir = tempDir('sandbox-cli-');
    try {
      const status = await runCli(['--data-dir', dataDir, 'sandbox', 'status', '--json']);
      expect(status.code).toBe(0);
      const shown = JSON.parse(status.stdout) as {
        engine: { state: string };
        image: string;
        cap: { maxConcurrent: number };
        sandboxes: { id: string; ownerAlive: boolean }[];
      };
      expect(shown).toMatchObject({
        engine: { state: 'ready' },
        image: IMAGE,
        cap: { maxConcurrent: expect.any(Number) },
      });
      const alive = Object.fromEntries(shown.sandboxes.map((s) => [s.id, s.ownerAlive]));
      expect(alive).toMatchObject({ [orphan.id]: false, [reused.id]: false, [mine.id]: true });
      const text = await runCli(['--data-dir', dataDir, 'sandbox', 'status']);
      expect(text.stdout).toMatch(/engine: +ready/);

      const pruned = await runCli(['--data-dir', dataDir, 'sandbox', 'prune']);
      expect(pruned.code).toBe(0);
      expect(pruned.stdout).toMatch(/Removed \d+ sandbox containers? left by apps that are no longer running/);
      const left = (await docker.listContainers({ all: true })).map((c) => c.Id);
      expect(left).not.toContain(orphan.id);
      expect(left).not.toContain(reused.id);
      expect(left).toContain(mine.id);
    } finally {
      await Promise.all([orphan, reused, mine].map((c) => c.remove({ force: true }).catch(() => undefined)));
    }
  });
});
