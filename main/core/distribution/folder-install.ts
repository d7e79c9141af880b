import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FolderInstallItem, FolderInstallSummary } from '../../../common/contract/distribution.js';
import { LearnError } from '../../../common/contract/errors.js';
import { refOf, say } from '../../../common/i18n/message.js';
import type { Said } from '../../../common/i18n/message.js';
import type { InstallResult } from '../../../common/contract/packs.js';

export interface FolderInstallDeps {
  /** The normal install path (signature, key pin, staging); downgrades are never asked for here. */
  install: (file: string, onBytes: (bytes: number, total: number) => void) => Promise<InstallResult>;
}

/** One bar for the whole folder: bytes of all its packs read so far, of their total. */
export type FolderProgress = (progress: { file: string; index: number; count: number; percent: number }) => void;

/**
 * Installs every `.lpack` in a folder (an admin's USB stick), one after another, each through the normal install
 * path, and says what became of each: installed, upgraded (from which version), skipped (already installed, or
 * older than what is installed: a stick carried from an older lab never rolls a machine back) or refused (why).
 * One bad file never stops the others.
 */
export async function installFolder(
  folder: string,
  deps: FolderInstallDeps,
  onProgress?: FolderProgress,
): Promise<FolderInstallSummary> {
  const entries = await readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    throw new LearnError('invalid-input', say('folder-unreadable', { folder, reason: error.code ?? error.message }));
  });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.lpack') && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
  const items: FolderInstallItem[] = [];
  for (const [index, name] of files.entries()) {
    const report = (share: number) =>
      onProgress?.({ file: name, index, count: files.length, percent: ((index + share) * 100) / files.length });
    report(0);
    items.push(await installOne(join(folder, name), name, deps, (bytes, total) => report(total ? bytes / total : 0)));
  }
  onProgress?.({ file: '', index: files.length, count: files.length, percent: 100 });
  return { items };
}

/** A line's detail in English, and its reference so each face says it in its language. */
const detail = (said: Said) => ({ detail: said.text, detailI18n: refOf(said) });

async function installOne(
  path: string,
  file: string,
  deps: FolderInstallDeps,
  onBytes: (bytes: number, total: number) => void,
): Promise<FolderInstallItem> {
  try {
    const result = await deps.install(path, onBytes);
    const { packId, version, previousVersion } = result;
    if (result.status === 'already-installed') {
      return { file, status: 'skipped', packId, version, ...detail(say('folder-detail-already-installed')) };
    }
    return previousVersion === null || previousVersion === version
      ? { file, status: 'installed', packId, version, detail: null }
      : {
          file,
          status: 'upgraded',
          packId,
          version,
          ...detail(say('folder-detail-was', { previous: previousVersion })),
        };
  } catch (error) {
    if (!(error instanceof LearnError)) throw error;
    // An older version than the installed one is no fault of the file: skipped, not refused.
    const older = error.code === 'conflict' && error.messageI18n?.key === 'pack-older';
    const why = error.messageI18n ? { detailI18n: refOf(error.messageI18n) } : {};
    return { file, status: older ? 'skipped' : 'refused', packId: null, version: null, detail: error.message, ...why };
  }
}
