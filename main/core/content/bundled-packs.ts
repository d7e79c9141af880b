import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MANIFEST_FILE } from '../../../content-packs/format/pack-source.js';
import type { PackInstaller } from './pack-installer.js';

/** The source folders of the packs shipped with the app: each folder of `dir` with a manifest. */
export async function bundledPackDirs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, MANIFEST_FILE)))
    .map((entry) => join(dir, entry.name));
}

/**
 * Installs the packs shipped with the app when they are missing or older than the shipped
 * copy, so a first start is never empty. Returns the ids it installed.
 */
export async function installBundledPacks(installer: PackInstaller, dir: string): Promise<string[]> {
  const installed: string[] = [];
  for (const source of await bundledPackDirs(dir)) {
    const result = await installer.installBundled(source);
    if (result) installed.push(result.packId);
  }
  return installed;
}
