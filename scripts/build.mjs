// Builds everything the app runs: the renderer (Vite) and the Node, Electron and server bundles (esbuild).
import { writeFileSync } from 'node:fs';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};

await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
await Promise.all([
  esbuild({ ...node, format: 'esm', entryPoints: ['main/cli/lionlearn.ts'], outfile: 'dist/cli/lionlearn.js' }),
  esbuild({ ...node, format: 'esm', entryPoints: ['sync-server/main.ts'], outfile: 'dist/sync-server/server.js' }),
  esbuild({ ...node, format: 'cjs', entryPoints: ['main/electron/main.ts'], outfile: 'dist/electron/main.cjs' }),
  // A sandboxed preload may require only 'electron': everything else is bundled in.
  esbuild({
    ...node,
    packages: undefined,
    external: ['electron'],
    format: 'cjs',
    entryPoints: ['main/electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
  }),
]);
writeFileSync('dist/.build-stamp', new Date().toISOString());
console.log('built dist/');
