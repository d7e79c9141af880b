import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const PACKAGE_NAME = 'lionagi-learn';

/** Where the app's own files are, whether it runs from source, from dist/ or packaged. */
export interface InstallLayout {
  root: string;
  appVersion: string;
  rendererDir: string;
  bundledPacksDir: string;
  /** Sandbox runtime recipes (one folder per runtime, e.g. python-3.11). */
  runtimesDir: string;
  /** The adaptive model's trainer, a worker-thread script built by scripts/build.mjs. */
  trainerScript: string;
  /** What `lionlearn model eval --jobs` fits each deep model in, a child-process script built by scripts/build.mjs. */
  scoringScript: string;
}

export function locateInstall(startDir: string): InstallLayout {
  for (let dir = startDir; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === PACKAGE_NAME) {
        // Packaged (electron-builder.yml): the packs are extra resources beside the archive, and a worker thread
        // starts from a real file, which asarUnpack put in app.asar.unpacked.
        const packaged = basename(dir) === 'app.asar';
        const workers = join(packaged ? `${dir}.unpacked` : dir, 'dist', 'workers');
        return {
          root: dir,
          appVersion: pkg.version ?? '0.0.0',
          rendererDir: join(dir, 'dist', 'renderer'),
          bundledPacksDir: packaged ? join(dirname(dir), 'content-packs') : join(dir, 'content-packs'),
          runtimesDir: join(dir, 'main', 'core', 'playground', 'runtimes'),
          trainerScript: join(workers, 'kt-trainer.mjs'),
          scoringScript: join(workers, 'kt-scoring.mjs'),
        };
      }
    }
    if (dirname(dir) === dir) throw new Error(`Cannot find the ${PACKAGE_NAME} install above ${startDir}`);
  }
}
