import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import semver from 'semver';
import { loadPackSource, MANIFEST_FILE } from '../../../content-packs/format/pack-source.js';
import type { CatalogStore } from './catalog-store.js';

/**
 * Installs the packs shipped with the app when they are missing or older than the shipped
 * copy, so a first start is never empty. Returns the ids it installed.
 */
export async function installBundledPacks(catalog: CatalogStore, dir: string, now: () => Date): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const installed: string[] = [];
  for (const entry of entries) {
    const source = join(dir, entry.name);
    if (!entry.isDirectory() || !existsSync(join(source, MANIFEST_FILE))) continue;
    const pack = await loadPackSource(source);
    const current = catalog.installedVersion(pack.manifest.id);
    if (current && !semver.lt(current, pack.manifest.version)) continue;
    catalog.replacePack(pack, now());
    installed.push(pack.manifest.id);
  }
  return installed;
}
