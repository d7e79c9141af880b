// How the project bundles a TypeScript entry into one Node script outside dist/ (the benches, the children a test
// kills, the trainer worker of the tests): into node_modules/.cache, so the bundle's bare imports resolve to the
// packages, in a folder of this checkout's own, as git worktrees may share one node_modules (a fixed path there
// let one checkout's build overwrite another's while it ran).
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';

/** `<root>/node_modules/.cache/<name>/<hash of the checkout's path>`. */
export function checkoutCacheDir(root, name) {
  const checkout = createHash('sha256').update(resolve(root)).digest('hex').slice(0, 12);
  return join(root, 'node_modules', '.cache', name, checkout);
}

/** One ES module for Node 20, the packages left to node_modules (scripts/build.mjs bundles the app alike). */
export const nodeBundleOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
};

/**
 * Bundles `entry` into `outfile` (its folder made), written under a name of its own and renamed into place, so
 * a test file or bench running beside this one never reads half a script. Answers `outfile`.
 */
export async function bundleNodeScript(entry, outfile, options = {}) {
  const result = await build({ ...nodeBundleOptions, ...options, entryPoints: [entry], outfile, write: false });
  await mkdir(dirname(outfile), { recursive: true });
  const staging = `${outfile}.${process.pid}-${randomBytes(4).toString('hex')}`;
  await writeFile(staging, result.outputFiles[0].contents);
  await rename(staging, outfile);
  return outfile;
}
