import { join } from 'node:path';
import { bundleNodeScript, checkoutCacheDir } from '../../scripts/node-bundle.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
let built: Promise<string> | undefined;

/**
 * Test support: the append worker (documents/append-worker.ts) of this checkout, bundled as scripts/build.mjs
 * bundles it beside the server, built once per test process.
 */
export function appendWorkerScript(): Promise<string> {
  built ??= bundleNodeScript(
    join(ROOT, 'sync-server', 'documents', 'append-worker.ts'),
    join(checkoutCacheDir(ROOT, 'lionlearn-test'), 'append-worker.mjs'),
  );
  return built;
}
