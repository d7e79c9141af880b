import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../../infra/log/logger.js';

// The data folder holds password hashes, every learner's documents and the key that signs access tokens:
// nobody but the server's own user may read it, whatever the umask of whoever started the server.
const OWNER_ONLY_DIR = 0o700;
const OWNER_ONLY_FILE = 0o600;
const OTHERS = 0o077;

/** Creates the folder (and missing parents) readable by the owner only; an existing folder is left as it is. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: OWNER_ONLY_DIR });
}

/**
 * Creates the file empty and owner-only before anything writes to it; an existing file is left as it is.
 * SQLite then gives its -wal and -shm files the mode of the database file.
 */
export function createPrivateFile(file: string): void {
  closeSync(openSync(file, 'a', OWNER_ONLY_FILE));
}

export interface TightenedFile {
  file: string;
  /** Modes as `ls -l` readers know them, e.g. '644' -> '600'. */
  from: string;
  to: string;
  /** False when the mode stayed (a mount without Unix modes, a file of another user): the admin must act. */
  tightened: boolean;
}

const octal = (mode: number) => (mode & 0o777).toString(8);

/**
 * Takes group and other permissions off the named files of `dir` that exist (a data folder made by an older
 * server, a copied backup, a WAL left by a crash) and logs each change. The owner's bits are kept, so a
 * read-only secret stays read-only. Windows has no such modes; nothing is done there.
 */
export function tightenPrivateFiles(dir: string, names: readonly string[], logger: Logger): TightenedFile[] {
  if (process.platform === 'win32') return [];
  const changed: TightenedFile[] = [];
  for (const name of names) {
    const file = join(dir, name);
    let mode: number;
    try {
      mode = statSync(file).mode;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    if ((mode & OTHERS) === 0) continue;
    try {
      chmodSync(file, mode & ~OTHERS & 0o777);
    } catch {
      // Owned by another user: reported below as a file whose mode stayed, for the admin to fix.
    }
    const now = statSync(file).mode;
    const entry = { file, from: octal(mode), to: octal(now), tightened: (now & OTHERS) === 0 };
    if (entry.tightened) logger.warn(entry, 'a private file of the data folder was open to others; made owner-only');
    else logger.error(entry, 'a private file of the data folder is open to others and its mode cannot be changed');
    changed.push(entry);
  }
  return changed;
}
