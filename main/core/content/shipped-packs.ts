import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RestoreResult, ShippedPack } from '../../../common/contract/admin.js';
import { LearnError } from '../../../common/contract/errors.js';
import { say } from '../../../common/i18n/message.js';
import { MANIFEST_FILE, parseManifest } from '../../../content-packs/format/pack-source.js';
import { bundledPackDirs } from './bundled-packs.js';
import type { PackInstaller } from './pack-installer.js';
import { APP_SIGNER } from './signer-pins.js';

/** The packs shipped with the app (their source folders), and restoring one an admin removed or replaced. */
export class ShippedPacks {
  constructor(
    private readonly installer: PackInstaller,
    private readonly dir: string | undefined,
  ) {}

  async list(): Promise<ShippedPack[]> {
    const sources = await this.#sources();
    return sources.map(({ manifest }) => ({
      packId: manifest.id,
      title: manifest.title,
      version: manifest.version,
      state: this.installer.shippedState(manifest.id, manifest.version),
    }));
  }

  async restore(packId: string): Promise<RestoreResult> {
    const source = (await this.#sources()).find((s) => s.manifest.id === packId);
    if (!source) throw new LearnError('not-found', say('pack-not-shipped', { packId }));
    const pinned = this.installer.pinnedKey(packId);
    const result = await this.installer.installBundled(source.dir, { restore: true });
    return {
      packId,
      version: result!.version,
      previousVersion: result!.previousVersion,
      previousKey: pinned && pinned !== APP_SIGNER ? pinned : null,
    };
  }

  async #sources() {
    if (!this.dir || !existsSync(this.dir)) return [];
    const dirs = await bundledPackDirs(this.dir);
    return Promise.all(
      dirs.map(async (dir) => ({ dir, manifest: parseManifest(await readFile(join(dir, MANIFEST_FILE)), dir) })),
    );
  }
}
