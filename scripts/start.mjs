// `npm start`: rebuild when a source is newer than the last build, then open the app.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = [
  'common',
  'infra',
  'main',
  'renderer',
  'sync-server',
  'content-packs/format',
  'vite.config.ts',
  'package.json',
];
const STAMP = 'dist/.build-stamp';

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

const stale = !existsSync(STAMP) || Math.max(...SOURCES.filter(existsSync).map(newestMtime)) > statSync(STAMP).mtimeMs;
if (stale) {
  console.log('Building the app (sources changed since the last build)...');
  const built = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const run = spawnSync(process.execPath, ['bin/lionlearn.js', 'start', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 0);
