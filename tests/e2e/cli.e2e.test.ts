import { describe, expect, it } from 'vitest';
import { runCli, startProcess, tempDir } from './support/processes.js';

describe('the lionlearn CLI', () => {
  it('lists its commands', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const command of ['start', 'serve', 'modules', 'lesson', 'info'])
      expect(stdout).toMatch(new RegExp(`\\n  ${command}\\b`));
  });

  it('lists the bundled modules on a fresh data folder', async () => {
    const { code, stdout } = await runCli(['--data-dir', tempDir('cli-'), 'modules', '--json']);
    expect(code).toBe(0);
    const modules = JSON.parse(stdout) as { id: string }[];
    expect(modules.map((m) => m.id)).toContain('python-foundations/first-steps');
  });

  it('honours LIONLEARN_DATA_DIR', async () => {
    const dataDir = tempDir('cli-env-');
    process.env.LIONLEARN_DATA_DIR = dataDir;
    try {
      const { stdout } = await runCli(['info']);
      expect(JSON.parse(stdout)).toMatchObject({ dataDir, schemaVersion: expect.any(Number) });
    } finally {
      delete process.env.LIONLEARN_DATA_DIR;
    }
  });

  it('prints a lesson, and a clear error with a non-zero exit for a bad id', async () => {
    const dataDir = tempDir('cli-');
    const ok = await runCli(['--data-dir', dataDir, 'lesson', 'python-foundations/hello-python']);
    expect(ok.stdout).toMatch(/^# Hello, Python/);
    const bad = await runCli(['--data-dir', dataDir, 'lesson', '../../etc/passwd']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('content ids look like "pack-id/item-id"');
  });

  it('rejects a port that is not a port', async () => {
    const { code, stderr } = await runCli(['serve', '--port', 'eighty']);
    expect(code).not.toBe(0);
    expect(stderr).toContain('a port is a whole number');
  });

  it('start falls back to the browser face where Electron cannot run, and says why', async () => {
    const started = await startProcess(
      ['bin/lionlearn.js', '--data-dir', tempDir('start-'), 'start'],
      /cannot open here \(([^)]+)\)[\s\S]*running at (http:\/\/127\.0\.0\.1:\d+\/)/,
    );
    try {
      expect(started.match[1]).toMatch(/Electron binary|no display/);
      expect((await fetch(started.match[2]!)).status).toBe(200);
    } finally {
      await started.stop();
    }
  });
});
