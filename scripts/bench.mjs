// `npm run bench -- NAME`: bundles bench/NAME.bench.ts and runs it under plain Node.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const name = process.argv[2];
const available = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace('.bench.ts', ''));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- NAME   (one of: ${available.join(', ')})`);
  process.exit(2);
}
// Inside the project, so the bundle's bare imports resolve to node_modules.
const outfile = join('node_modules', '.cache', 'lionlearn-bench', `${name}.mjs`);
await build({
  entryPoints: [join('bench', `${name}.bench.ts`)],
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
  env: { ...process.env, LIONLEARN_LOG_LEVEL: 'silent' },
});
process.exit(run.status ?? 1);
