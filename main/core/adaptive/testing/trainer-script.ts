import { join } from 'node:path';
import { bundleNodeScript, checkoutCacheDir } from '../../../../scripts/node-bundle.mjs';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
let built: Promise<string> | undefined;

/**
 * The adaptive model's trainer worker (main/core/adaptive/models/training), bundled as scripts/build.mjs bundles
 * it for the app, from the checkout at `root` into `outfile`: the tests' copy and the kt-training bench's.
 */
export function bundleTrainerWorker(root: string, outfile: string): Promise<string> {
  return bundleNodeScript(
    join(root, 'main', 'core', 'adaptive', 'models', 'training', 'kt-trainer-worker.ts'),
    outfile,
  );
}

/** Test support: the trainer worker of this checkout, built once per test process. */
export function trainerScript(): Promise<string> {
  built ??= bundleTrainerWorker(ROOT, join(checkoutCacheDir(ROOT, 'lionlearn-test'), 'kt-trainer.mjs'));
  return built;
}
