// `npm run bench -- NAME`: bundles bench/NAME.bench.ts and runs it under plain Node.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

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
// Inside the project, so the bundle's bare imports resolve to node_modules; one folder per checkout,
// as checkouts may share a node_modules.
const checkout = createHash('sha256').update(root).digest('hex').slice(0, 12);
const outfile = join(root, 'node_modules', '.cache', 'lionlearn-bench', checkout, `${name}.mjs`);
await build({
  entryPoints: [join(root, 'bench', `${name}.bench.ts`)],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(3)], {
  stdio: 'inherit',
  env: { ...process.env, LIONLEARN_LOG_LEVEL: 'silent', BENCH_REPO_ROOT: root },
});
process.exit(run.status ?? 1);
