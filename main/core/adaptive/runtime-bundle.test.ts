import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** The source files esbuild puts in a bundle of `entry`, bundled the way scripts/build.mjs bundles the app. */
async function bundledFiles(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    external: ['electron'],
    logLevel: 'silent',
    write: false,
    outdir: join(ROOT, 'node_modules', '.cache', 'lionlearn-bundle-check'),
    metafile: true,
  });
  return Object.keys(result.metafile.inputs);
}

describe('the app runtime bundle', () => {
  // The simulation is research code for `lionlearn model simulate` and the bench: the desktop app, its
  // core and the trainer thread never load it, so it can grow without weighing on the learner's app.
  for (const entry of ['main/electron/main.ts', 'main/core/adaptive/models/training/kt-trainer-worker.ts']) {
    it(`${entry} holds no simulation code, and still the adaptive engine`, async () => {
      const files = await bundledFiles(entry);
      expect(files.filter((f) => f.includes('main/core/adaptive/'))).not.toEqual([]);
      expect(files.filter((f) => f.includes('main/core/adaptive/simulation/'))).toEqual([]);
      expect(files.filter((f) => f.includes('main/core/adaptive/evaluation/kt-data'))).toEqual([]);
    });
  }
});
