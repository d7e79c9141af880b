import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBench } from '../../bench/bench-run.js';
import { canWeighHeap, heapAfterGc } from '../../bench/heap.js';
import { pollUntil } from '../../bench/stats.js';

const REPO = process.cwd();

describe('the benchmark harness', () => {
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('runs a bench from any working folder, with the load average at start and end, and no heap row without a full GC', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'bench-cwd-'));
    const run = spawnSync(process.execPath, [join(REPO, 'scripts', 'bench.mjs'), 'sync-docsize'], {
      cwd: elsewhere,
      env: { ...process.env, BENCH_SIZES: '1000', NODE_OPTIONS: '' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    rmSync(elsewhere, { recursive: true, force: true });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^load average at start: [\d.]+ [\d.]+ [\d.]+ \(\d+ cores\)$/m);
    expect(run.stdout).toMatch(/^load average at end: /m);
    expect(run.stdout).toMatch(/heap row left out: it needs a full GC; run with NODE_OPTIONS=--expose-gc/);
    expect(run.stdout).not.toMatch(/heap of the loaded doc/);
  }, 180_000);

  it('removes its temporary folders when the work fails, and says it failed', async () => {
    const made: string[] = [];
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (error: unknown) => errors.push(error);
    try {
      await runBench(async (temp) => {
        const folder = temp.folder('bench-harness-');
        writeFileSync(join(folder, 'data'), 'x'.repeat(1000));
        made.push(folder, temp.folder('bench-harness-'));
        throw new Error('the engine went away');
      });
    } finally {
      console.error = original;
    }
    expect(made).toHaveLength(2);
    for (const folder of made) expect(existsSync(folder)).toBe(false);
    expect(process.exitCode).toBe(1);
    expect(String(errors[0])).toMatch(/the engine went away/);
  });

  it('refuses to weigh the heap without --expose-gc, saying why', () => {
    expect(canWeighHeap()).toBe(false);
    expect(() => heapAfterGc()).toThrow(/NODE_OPTIONS=--expose-gc/);
  });

  it('stops a wait that never ends, naming it', async () => {
    await expect(pollUntil('the pool refilling', 100, () => false, 10)).rejects.toThrow(
      'the pool refilling took longer than 0.1 s',
    );
  });
});
