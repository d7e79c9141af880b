import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import scratchTmpdir from './scratch-tmpdir.js';

describe('scratchTmpdir', () => {
  const saved = { TMPDIR: process.env.TMPDIR, LIONLEARN_TEST_TMPDIR: process.env.LIONLEARN_TEST_TMPDIR };
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('gives a run of its own a scratch TMPDIR and removes it with what the tests left', () => {
    delete process.env.LIONLEARN_TEST_TMPDIR;
    const teardown = scratchTmpdir();
    const dir = process.env.TMPDIR!;
    expect(process.env.LIONLEARN_TEST_TMPDIR).toBe(dir);
    expect(dir).toMatch(/llt-/);
    writeFileSync(join(dir, 'left-behind'), 'x');
    teardown!();
    expect(existsSync(dir)).toBe(false);
  });

  it('keeps the folder a run was given', () => {
    process.env.LIONLEARN_TEST_TMPDIR = '/somewhere';
    process.env.TMPDIR = '/somewhere';
    expect(scratchTmpdir()).toBeUndefined();
    expect(process.env.TMPDIR).toBe('/somewhere');
  });
});
