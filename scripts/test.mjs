// `vitest run` with TMPDIR set to a folder of this run's own, removed when it ends. The tests make their data
// folders with mkdtemp (packs, servers, Chromium profiles, PostgreSQL), and not every one is removed: without
// this a day of runs left thousands of folders and gigabytes in /tmp. Arguments go to vitest as they are. A plain
// `vitest run` gets the same from tests/support/scratch-tmpdir.ts; this one also removes the folder when vitest is killed.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const vitest = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');

// Short, so a Unix socket made inside stays under the 107-byte path limit.
const dir = mkdtempSync(join(tmpdir(), 'llt-'));
// Traversable by others: PostgreSQL's data folder is made inside and its server runs as the postgres user.
chmodSync(dir, 0o711);

const child = spawn(process.execPath, [vitest, 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, TMPDIR: dir, LIONLEARN_TEST_TMPDIR: dir },
});
// Ctrl-C reaches vitest through the terminal's process group; a TERM from a CI runner is passed on.
for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
process.on('SIGINT', () => {});

child.on('exit', (code, signal) => {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch (error) {
    console.error(`could not remove ${dir}: ${error instanceof Error ? error.message : error}`);
  }
  process.exit(code ?? (signal ? 1 : 0));
});
