import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import type { InstallLayout } from '../../core/host/install-layout.js';
import type { GlobalOptions } from '../open-core.js';
import { text } from '../i18n/cli-i18n.js';
import { serve } from './serve.js';
import { print } from '../terminal-output.js';

type ElectronLookup = { ok: true; binary: string } | { ok: false; reason: string };

/**
 * Finds Electron's binary without `require('electron')`, which would start a download.
 * Electron fetches its binary on first run; one quick attempt is made, and offline it fails fast.
 */
export function findElectron(root: string): ElectronLookup {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: text('start-no-electron-package') };
  }
  const binary = () => {
    const pathFile = join(packageDir, 'path.txt');
    const file = existsSync(pathFile) ? join(packageDir, 'dist', readFileSync(pathFile, 'utf8')) : undefined;
    return file && existsSync(file) ? file : undefined;
  };
  if (!binary()) {
    print(text('start-fetching-electron'));
    spawnSync(process.execPath, [join(packageDir, 'install.js')], { stdio: 'ignore', timeout: 180_000 });
  }
  const found = binary();
  return found ? { ok: true, binary: found } : { ok: false, reason: text('start-electron-not-downloaded') };
}

const hasDisplay = () => process.platform !== 'linux' || Boolean(process.env.DISPLAY ?? process.env.WAYLAND_DISPLAY);

export function registerStart(program: Command, layout: InstallLayout): void {
  program
    .command('start')
    .description(text('help-start'))
    .action(async (_options: unknown, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const electron = findElectron(layout.root);
      if (electron.ok && hasDisplay()) {
        const args = [layout.root, ...(globals.dataDir ? ['--data-dir', globals.dataDir] : [])];
        const child = spawn(electron.binary, args, { stdio: 'inherit' });
        child.on('exit', (code) => process.exit(code ?? 0));
        return;
      }
      const reason = electron.ok ? text('start-no-display') : electron.reason;
      print(text('start-browser-instead', { reason }));
      await serve(layout, globals, { port: 4780, host: '127.0.0.1', anyPortIfTaken: true });
    });
}
