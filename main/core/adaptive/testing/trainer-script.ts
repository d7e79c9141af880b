import { join } from 'node:path';
import { bundleNodeScript, checkoutCacheDir } from '../../../../scripts/node-bundle.mjs';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const built = new Map<string, Promise<string>>();

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

/** `entry` of this checkout bundled as `name` (as scripts/build.mjs does), once per test process. */
function testBundle(name: string, bundle: (outfile: string) => Promise<string>): Promise<string> {
  const script = built.get(name) ?? bundle(join(checkoutCacheDir(ROOT, 'lionlearn-test'), name));
  built.set(name, script);
  return script;
}

/** Test support: the trainer worker of this checkout. */
export const trainerScript = (): Promise<string> =>
  testBundle('kt-trainer.mjs', (outfile) => bundleTrainerWorker(ROOT, outfile));

/** Test support: the scoring process of `model eval --jobs` (evaluation/scoring-worker.ts) of this checkout. */
export const scoringScript = (): Promise<string> =>
  testBundle('kt-scoring.mjs', (outfile) =>
    bundleNodeScript(join(ROOT, 'main', 'core', 'adaptive', 'evaluation', 'scoring-worker.ts'), outfile),
  );
