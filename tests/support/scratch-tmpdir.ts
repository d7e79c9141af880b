import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * vitest's global setup: a run started as plain `npx vitest run FILE` gets what `npm test` gives
 * (scripts/test.mjs): TMPDIR set to a folder of the run's own, removed when the run ends, so the data
 * folders the tests make with mkdtemp do not pile up in /tmp. Under `npm test` the folder is there already.
 */
export default function scratchTmpdir(): (() => void) | undefined {
  if (process.env.LIONLEARN_TEST_TMPDIR) return undefined;
  // Short, so a Unix socket made inside stays under the 107-byte path limit; traversable by others, as
  // PostgreSQL's data folder is made inside and its server runs as the postgres user.
  const dir = mkdtempSync(join(tmpdir(), 'llt-'));
  chmodSync(dir, 0o711);
  process.env.TMPDIR = dir;
  process.env.LIONLEARN_TEST_TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
