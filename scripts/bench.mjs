// `npm run bench -- NAME`: bundles bench/NAME.bench.ts and runs it under plain Node.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleNodeScript, checkoutCacheDir } from './node-bundle.mjs';

// The repository this script is in, whatever the working folder: benches read its files from here.
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const name = process.argv[2];
const available = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace('.bench.ts', ''));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- NAME   (one of: ${available.join(', ')})`);
  process.exit(2);
}
const outfile = await bundleNodeScript(
  join(root, 'bench', `${name}.bench.ts`),
  join(checkoutCacheDir(root, 'lionlearn-bench'), `${name}.mjs`),
);
const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(3)], {
  stdio: 'inherit',
  env: { ...process.env, LIONLEARN_LOG_LEVEL: 'silent', BENCH_REPO_ROOT: root },
});
process.exit(run.status ?? 1);
