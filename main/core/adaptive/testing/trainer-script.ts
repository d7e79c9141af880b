import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
let built: Promise<string> | undefined;

/**
 * Test support: the trainer worker bundled the way scripts/build.mjs bundles it, into the project's
 * node_modules/.cache so its package imports resolve. Built once per test process and renamed into
 * place, so test files running side by side never read a half-written script.
 */
export function trainerScript(): Promise<string> {
  built ??= (async () => {
    const dir = join(ROOT, 'node_modules', '.cache', 'lionlearn-test');
    const outfile = join(dir, 'kt-trainer.mjs');
    const result = await build({
      entryPoints: [join(ROOT, 'main', 'core', 'adaptive', 'models', 'training', 'kt-trainer-worker.ts')],
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
