import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(import.meta.dirname, '..', '..');
let built: Promise<string> | undefined;

/**
 * Test support: the append worker bundled the way scripts/build.mjs bundles it, into the project's
 * node_modules/.cache (so better-sqlite3 resolves), one file per checkout (checkouts may share node_modules).
 * Built once per test process and renamed into place, so test files side by side never read a half-written one.
 */
export function appendWorkerScript(): Promise<string> {
  built ??= (async () => {
    const checkout = createHash('sha256').update(ROOT).digest('hex').slice(0, 12);
    const dir = join(ROOT, 'node_modules', '.cache', 'lionlearn-test', checkout);
    const outfile = join(dir, 'append-worker.mjs');
    const result = await build({
      entryPoints: [join(ROOT, 'sync-server', 'documents', 'append-worker.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
      write: false,
    });
    await mkdir(dir, { recursive: true });
    const staging = `${outfile}.${process.pid}`;
    await writeFile(staging, result.outputFiles[0]!.contents);
    await rename(staging, outfile);
    return outfile;
  })();
  return built;
}
