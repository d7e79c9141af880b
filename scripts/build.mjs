// Builds everything the app runs: the renderer (Vite) and the Node, Electron and server bundles (esbuild).
import { writeFileSync } from 'node:fs';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { checkBundleSize } from './check-bundle-size.mjs';
import { nodeBundleOptions } from './node-bundle.mjs';

// As the benches and tests bundle their scripts, with source maps for the stack traces of the app's logs.
const node = { ...nodeBundleOptions, sourcemap: true };

await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.log(checkBundleSize());
await Promise.all([
  esbuild({ ...node, format: 'esm', entryPoints: ['main/cli/lionlearn.ts'], outfile: 'dist/cli/lionlearn.js' }),
  esbuild({ ...node, format: 'esm', entryPoints: ['sync-server/main.ts'], outfile: 'dist/sync-server/server.js' }),
  // The server commits document updates on SQLite in a worker thread, which needs a file of its own.
  esbuild({
    ...node,
    format: 'esm',
    entryPoints: ['sync-server/documents/append-worker.ts'],
    outfile: 'dist/sync-server/append-worker.js',
  }),
  // The adaptive model's trainer runs in a worker thread, which needs a file of its own.
  esbuild({
    ...node,
    format: 'esm',
    entryPoints: ['main/core/adaptive/models/training/kt-trainer-worker.ts'],
    outfile: 'dist/workers/kt-trainer.mjs',
  }),
  // `lionlearn model eval --jobs` fits each deep model in a child process of its own, which needs a file of its own.
  esbuild({
    ...node,
    format: 'esm',
    entryPoints: ['main/core/adaptive/evaluation/scoring-worker.ts'],
    outfile: 'dist/workers/kt-scoring.mjs',
  }),
  // CommonJS has no import.meta: give core modules that resolve files from import.meta.url this file's URL.
  esbuild({
    ...node,
    format: 'cjs',
    entryPoints: ['main/electron/main.ts'],
    outfile: 'dist/electron/main.cjs',
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  }),
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
