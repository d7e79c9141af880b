import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MANIFEST_FILE } from '../../../content-packs/format/pack-source.js';
import type { PackInstaller } from './pack-installer.js';

/**
 * Installs the packs shipped with the app when they are missing or older than the shipped
 * copy, so a first start is never empty. Returns the ids it installed.
 */
export async function installBundledPacks(installer: PackInstaller, dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const installed: string[] = [];
  for (const entry of entries) {
    const source = join(dir, entry.name);
    if (!entry.isDirectory() || !existsSync(join(source, MANIFEST_FILE))) continue;
    const result = await installer.installBundled(source);
    if (result) installed.push(result.packId);
  }
  return installed;
}
