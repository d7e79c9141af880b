import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { multiSkillLearners } from '../../main/core/adaptive/testing/multi-skill-learners.js';
import type { Sequence } from '../../main/core/adaptive/models/sequence.js';
import { runCli, startProcess, tempDir } from './support/processes.js';

/** Learners in the knowledge-tracing format (../shared/data/kt/README.md), in a file of a fresh folder. */
function ktFile(prefix: string, sequences: readonly Sequence[]): string {
  const file = join(tempDir(prefix), 'learners.csv');
  writeFileSync(
    file,
    sequences.map((s) => `${s.skills.length}\n${s.skills.join(',')}\n${s.correct.join(',')}\n`).join(''),
  );
  return file;
}

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

  it('searches quizzes as plain text and respells a typo', async () => {
    const dataDir = tempDir('cli-search-');
    const quiz = await runCli(['--data-dir', dataDir, 'search', 'await', '--kind', 'quiz', '--json']);
    const { hits } = JSON.parse(quiz.stdout) as { hits: { title: string; snippet: { text: string }[] }[] };
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.title + hit.snippet.map((run) => run.text).join('')).not.toMatch(/`|\*\*|\]\(/);
    const typo = await runCli(['--data-dir', dataDir, 'search', 'fucntion']);
    expect(typo.code).toBe(0);
    expect(typo.stdout).toMatch(
      /^Nothing found for "fucntion". Showing results for "function"\.\n(lesson|exercise|quiz) /,
    );
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

  it('doctor names the TensorFlow.js backend in use and the state of the deep model', async () => {
    const { stdout } = await runCli(['--data-dir', tempDir('cli-doctor-'), 'doctor', '--json']);
    const checks = JSON.parse(stdout) as { name: string; detail: string }[];
    expect(checks.find((c) => c.name === 'adaptive model')?.detail).toMatch(/on the (tensorflow|wasm|cpu) backend/);
    expect(checks.find((c) => c.name === 'deep model')?.detail).toMatch(/^missing: no deep model yet/);
  });

  it('model eval scores the simple models, and names a bad line of a data set', async () => {
    const dir = tempDir('cli-kt-');
    const learners = Array.from({ length: 40 }, (_, i) => {
      const answers = Array.from({ length: 12 }, (_, j) => ((i + j) % 3 === 0 ? 0 : 1));
      return `12\n${answers.map((_, j) => j % 4).join(',')}\n${answers.join(',')}`;
    });
    writeFileSync(join(dir, 'good.csv'), `${learners.join('\n')}\n`);
    const good = await runCli(['model', 'eval', '--train', join(dir, 'good.csv'), '--epochs', '1', '--json']);
    expect(good.code).toBe(0);
    const scores = JSON.parse(good.stdout) as Record<'common' | 'leakFree', { model: string; auc: number }[]>;
    for (const protocol of [scores.common, scores.leakFree]) {
      // The set of models; the stacked rows are listed in the order their scoring ends.
      expect(protocol.map((m) => m.model).sort()).toEqual(
        [
          'per-item average',
          'BKT',
          'PFA',
          'IRT/Elo',
          'DKT (LSTM)',
          'DKT (LSTM) + IRT/Elo, stacked',
          'DKT (LSTM) + simple models, stacked',
          'DKT (LSTM) + simple models + history, stacked',
          'DKT (LSTM) + simple models + history, boosted',
        ].sort(),
      );
    }
    const table = await runCli(['model', 'eval', '--train', join(dir, 'good.csv'), '--epochs', '0']);
    expect(table.stdout).toMatch(/Common protocol: every row an answer of its own/);
    expect(table.stdout).toMatch(/Leak-free protocol: .* \d+ of 480 rows \(\d+\.\d%\) continue the answer before them/);
    writeFileSync(join(dir, 'bad.csv'), '3\n1,2,3\n1,0,maybe\n');
    const bad = await runCli(['model', 'eval', '--train', join(dir, 'bad.csv')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('bad.csv, line 3: "maybe" is not an answer (0 or 1)');
  });

  it('model eval stacks several deep models into one, two sizes of one among them, fitted side by side, and measures the copy where answers carry two skills', async () => {
    const file = ktFile('cli-kt-multi-', multiSkillLearners(200, 3).sequences);
    const args = [
      'model',
      'eval',
      '--train',
      file,
      '--split',
      '0.3',
      '--epochs',
      '1',
      '--model',
      'dkt,sakt,sakt:16x4@3',
      // Each deep model in a scoring process of its own (dist/workers/kt-scoring.mjs), two at a time.
      '--jobs',
      '2',
      '--json',
    ];
    const run = await runCli(args);
    expect(run.code).toBe(0);
    // The scoring processes report each epoch back, labelled; their own output never reaches the JSON on stdout.
    for (const model of ['DKT (LSTM)', 'SAKT (attention)', 'SAKT (attention) 16x4 @3']) {
      expect(run.stderr).toContain(`${model}: common, epoch 1 of at most 1`);
    }
    const scores = JSON.parse(run.stdout) as Record<'common' | 'leakFree', { model: string; auc: number }[]>;
    const auc = (list: { model: string; auc: number }[], model: string) => list.find((m) => m.model === model)?.auc;
    const ensemble = 'DKT (LSTM) + SAKT (attention) + SAKT (attention) 16x4 @3 + simple models';
    for (const model of [
      'DKT (LSTM)',
      'SAKT (attention)',
      'SAKT (attention) 16x4 @3',
      `${ensemble}, stacked`,
      `${ensemble} + continuation copy, stacked`,
      `${ensemble} + history, boosted`,
      `${ensemble} + continuation copy + history, boosted`,
    ]) {
      expect(auc(scores.common, model), model).toBeGreaterThan(0.5);
    }
    // The copy reads a row's answer before it only where that row is an answer of its own.
    expect(auc(scores.common, 'continuation copy')).toBeGreaterThan(0.55);
    expect(auc(scores.leakFree, 'continuation copy')).toBe(0.5);
    // So the stacks with the copy are the common protocol's only: in the leak-free one they would repeat the others.
    expect(auc(scores.leakFree, `${ensemble} + history, boosted`)).toBeGreaterThan(0.5);
    expect(scores.leakFree.filter((m) => m.model.includes('+ continuation copy'))).toEqual([]);
    // Scored once per answer too, as pyKT scores a question of several skills; in the common protocol, nothing to group.
    const perAnswer = (list: { model: string; answerAuc?: number }[]) => list.map((m) => [m.model, m.answerAuc]);
    expect(perAnswer(scores.leakFree)).toEqual(scores.leakFree.map((m) => [m.model, expect.any(Number)]));
    expect(perAnswer(scores.common)).toEqual(scores.common.map((m) => [m.model, undefined]));
  });

  it('model eval --jobs: killing the command ends its scoring processes too', async () => {
    const file = ktFile('cli-kt-kill-', multiSkillLearners(200, 5).sequences);
    const args = ['--train', file, '--model', 'dkt,sakt', '--jobs', '2', '--epochs', '500', '--patience', '500'];
    const started = await startProcess(['bin/lionlearn.js', 'model', 'eval', ...args], /epoch 1 of at most 500/);
    const children = () =>
      execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(started.child.pid)], { encoding: 'utf8' })
        .split('\n')
        .filter((line) => line.includes('kt-scoring'))
        .map((line) => Number.parseInt(line.trim(), 10));
    while (children().length < 2) await new Promise((resolve) => setTimeout(resolve, 50));
    const pids = children();
    // Killed outright, the command can tell nobody: each scoring process must notice its parent is gone.
    started.child.kill('SIGKILL');
    // Gone, or a zombie that only waits for this container's init to reap it.
    const running = (pid: number) => {
      try {
        return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    };
    const deadline = Date.now() + 30_000;
    try {
      while (pids.some(running) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(pids.filter(running)).toEqual([]);
    } finally {
      // A failed run must not leave 500 epochs running on the machine.
      for (const pid of pids.filter(running)) process.kill(pid, 'SIGKILL');
    }
  });
});
