import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import semver from 'semver';
import { LearnError } from '../../../common/contract/errors.js';
import { say } from '../../../common/i18n/message.js';
import type { InstalledPack, InstallResult } from '../../../common/contract/packs.js';
import type { ReadProgress } from '../../../content-packs/format/pack-archive.js';
import { PackArchiveError, verifyPackFile } from '../../../content-packs/format/pack-archive.js';
import type { ExerciseLimits, PackManifest } from '../../../content-packs/format/manifest.js';
import { loadPackSource, MANIFEST_FILE, parseManifest } from '../../../content-packs/format/pack-source.js';
import type { LoadedPack } from '../../../content-packs/format/pack-source.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';
import type { CatalogStore } from './catalog-store.js';
import { APP_SIGNER, SignerPins } from './signer-pins.js';
import type { TrustStore } from './trust-store.js';

export interface InstallOptions {
  allowDowngrade?: boolean;
  /** An admin's explicit choice: re-pin the pack id to the key this file is signed with. */
  replaceKey?: boolean;
  onProgress?: (progress: ReadProgress) => void;
  /** Restoring a shipped pack: its own version goes back in, older or not, pinned to the app again. */
  restore?: boolean;
}

interface Origin {
  origin: 'bundled' | 'file';
  keyId: string | null;
}

/**
 * Installs packs as versions side by side under `<packsDir>/<id>/<version>/`. A version is unpacked
 * and verified in a staging folder first; only then does the catalog switch to it, in one
 * transaction. A failed install leaves the active version and its files as they were.
 */
export class PackInstaller {
  readonly #pins: SignerPins;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly catalog: CatalogStore,
    private readonly trust: TrustStore,
    private readonly packsDir: string,
    private readonly appVersion: string,
    private readonly now: () => Date,
  ) {
    this.#pins = new SignerPins(db, now);
  }

  async installFile(file: string, options: InstallOptions = {}): Promise<InstallResult> {
    return this.#staged(async (stage) => {
      try {
        const { pack, signature } = await verifyPackFile(file, {
          trusted: this.trust.keys(),
          extractTo: stage,
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        });
        return await this.#activateNew(pack, stage, { origin: 'file', keyId: signature.keyId }, options);
      } catch (error) {
        if (error instanceof PackArchiveError) throw new LearnError('invalid-input', error.said);
        throw error;
      }
    });
  }

  /**
   * Installs a pack shipped inside the app (trusted as the app's own files) when it is newer, or,
   * with `restore`, whatever is installed in its place.
   */
  async installBundled(sourceDir: string, { restore = false } = {}): Promise<InstallResult | undefined> {
    const pack = await loadPackSource(sourceDir);
    const active = this.catalog.installedVersion(pack.manifest.id);
    if (!restore && active && !semver.lt(active, pack.manifest.version)) return undefined;
    if (!restore && this.#removedByAdmin(pack.manifest.id)) return undefined;
    return this.#staged(async (stage) => {
      for (const [path, bytes] of pack.files) {
        await mkdir(dirname(join(stage, path)), { recursive: true });
        await writeFile(join(stage, path), bytes);
      }
      const options = restore ? { restore, allowDowngrade: true } : {};
      return this.#activateNew(pack, stage, { origin: 'bundled', keyId: null }, options);
    });
  }

  #removedByAdmin(packId: string): boolean {
    return this.db.prepare('SELECT 1 FROM removed_packs WHERE pack_id = ?').get(packId) !== undefined;
  }

  /** A shipped pack's state here: its shipped version active and pinned to the app, or not. */
  shippedState(packId: string, version: string): 'as-shipped' | 'removed' | 'replaced' {
    const active = this.catalog.installedVersion(packId);
    if (!active) return 'removed';
    const row = this.db
      .prepare<[string, string], { origin: string }>(
        'SELECT origin FROM pack_versions WHERE pack_id = ? AND version = ?',
      )
      .get(packId, active);
    const asShipped = active === version && row?.origin === 'bundled' && this.#pins.get(packId) === APP_SIGNER;
    return asShipped ? 'as-shipped' : 'replaced';
  }

  /** The key a pack id is pinned to ('app' for a shipped pack). */
  pinnedKey(packId: string): string | undefined {
    return this.#pins.get(packId);
  }

  /** The seed's publishContent: make an installed version the active one (also a rollback). */
  async activate(packId: string, version: string): Promise<void> {
    this.catalog.replacePack(await this.loadVersion(packId, version), this.now());
  }

  /** An installed version as a loaded pack; the active one when no version is given. */
  async loadVersion(packId: string, version?: string): Promise<LoadedPack> {
    const wanted = version ?? this.catalog.installedVersion(packId);
    const row = wanted ? this.#versionRow(packId, wanted) : undefined;
    if (!row) {
      throw new LearnError(
        'not-found',
        wanted ? say('pack-version-not-installed', { version: wanted, packId }) : say('pack-not-installed', { packId }),
      );
    }
    return loadPackSource(join(this.packsDir, row.dir));
  }

  /** The active version of an installed pack: its folder and manifest. */
  async #active(packId: string): Promise<{ dir: string; manifest: PackManifest; version: string }> {
    const version = this.catalog.installedVersion(packId);
    const row = version ? this.#versionRow(packId, version) : undefined;
    if (!version || !row) throw new LearnError('not-found', say('pack-not-installed', { packId }));
    const dir = join(this.packsDir, row.dir);
    return { dir, manifest: parseManifest(await readFile(join(dir, MANIFEST_FILE)), dir), version };
  }

  /** The sandbox runtime of an installed pack's active version (its code quiz items run there). */
  async runtimeOf(packId: string): Promise<string> {
    return (await this.#active(packId)).manifest.runtime;
  }

  /** What running an exercise of the active version needs: the pack's runtime, the exercise's tests and helpers. */
  async exerciseForRun(exerciseId: string): Promise<{
    runtime: string;
    tests: string;
    helpers: Record<string, string>;
    limits: ExerciseLimits;
    isolated: boolean;
  }> {
    const [packId, localId] = exerciseId.split('/') as [string, string];
    const { dir, manifest, version } = await this.#active(packId);
    const exercise = manifest.modules.flatMap((m) => m.exercises).find((e) => e.id === localId);
    if (!exercise) throw new LearnError('not-found', say('pack-exercise-unknown', { exerciseId, packId, version }));
    const read = (file: string) => readFile(join(dir, exercise.dir, file), 'utf8');
    const helpers = Object.fromEntries(await Promise.all(exercise.helpers.map(async (h) => [h, await read(h)])));
    const { limits = {}, isolated } = exercise;
    return { runtime: manifest.runtime, tests: await read('tests.py'), helpers, limits, isolated };
  }

  /** The image archive an installed pack carries for a runtime, if one does. */
  async runtimeImage(runtime: string): Promise<string | undefined> {
    for (const { dir } of this.#activeDirs()) {
      const root = join(this.packsDir, dir);
      const manifest = parseManifest(await readFile(join(root, MANIFEST_FILE)), root);
      if (manifest.runtime === runtime && manifest.runtimeImage) return join(root, manifest.runtimeImage);
    }
    return undefined;
  }

  /** The knowledge-tracing models the active versions of installed packs carry, by pack id. */
  async models(): Promise<{ packId: string; folder: string }[]> {
    const models: { packId: string; folder: string }[] = [];
    for (const { dir, packId } of this.#activeDirs()) {
      const root = join(this.packsDir, dir);
      const manifest = parseManifest(await readFile(join(root, MANIFEST_FILE)), root);
      if (manifest.model) models.push({ packId, folder: join(root, manifest.model) });
    }
    return models;
  }

  async remove(packId: string): Promise<void> {
    if (!this.catalog.installedVersion(packId))
      throw new LearnError('not-found', say('pack-not-installed', { packId }));
    this.db.transaction(() => {
      this.catalog.removePack(packId);
      this.db.prepare('DELETE FROM pack_versions WHERE pack_id = ?').run(packId);
      // Removing is an admin's choice too: the next install of this id pins its key afresh.
      this.#pins.remove(packId);
      // A shipped pack stays removed at the next start (installBundled skips it).
      this.db
        .prepare('INSERT OR REPLACE INTO removed_packs (pack_id, removed_at) VALUES (?, ?)')
        .run(packId, this.now().toISOString());
    })();
    await rm(join(this.packsDir, packId), { recursive: true, force: true });
  }

  list(): InstalledPack[] {
    const packs = this.db
      .prepare<[], { id: string; title: string; version: string }>(
        'SELECT id, title, version FROM packs ORDER BY title',
      )
      .all();
    const versions = this.db.prepare<
      [string],
      { version: string; origin: 'bundled' | 'file'; keyId: string | null; installedAt: string }
    >(
      'SELECT version, origin, key_id AS keyId, installed_at AS installedAt FROM pack_versions WHERE pack_id = ? ORDER BY installed_at',
    );
    return packs.map((p) => ({ id: p.id, title: p.title, activeVersion: p.version, versions: versions.all(p.id) }));
  }

  #activeDirs() {
    return this.db
      .prepare<[], { dir: string; packId: string }>(
        `SELECT v.dir, p.id AS packId FROM pack_versions v JOIN packs p ON p.id = v.pack_id AND p.version = v.version
         ORDER BY p.id`,
      )
      .all();
  }

  #versionRow(packId: string, version: string) {
    return this.db
      .prepare<[string, string], { dir: string }>('SELECT dir FROM pack_versions WHERE pack_id = ? AND version = ?')
      .get(packId, version);
  }

  /** Runs `work` with a fresh staging folder that is always cleaned up. */
  async #staged<T>(work: (stage: string) => Promise<T>): Promise<T> {
    const staging = join(this.packsDir, '.staging');
    await mkdir(staging, { recursive: true });
    const dir = await mkdtemp(join(staging, 'install-'));
    try {
      return await work(join(dir, 'pack'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async #activateNew(pack: LoadedPack, stage: string, origin: Origin, options: InstallOptions): Promise<InstallResult> {
    const { id, version, minAppVersion } = pack.manifest;
    if (semver.lt(this.appVersion, minAppVersion)) {
      throw new LearnError(
        'invalid-input',
        say('pack-needs-newer-app', { packId: id, version, minAppVersion, appVersion: this.appVersion }),
      );
    }
    const keyChange = this.#checkSigner(id, origin, options);
    const previousVersion = this.catalog.installedVersion(id) ?? null;
    if (previousVersion === version && this.#versionRow(id, version) && !keyChange && !options.restore) {
      return { packId: id, version, previousVersion, status: 'already-installed' };
    }
    if (previousVersion && semver.lt(version, previousVersion) && !options.allowDowngrade) {
      throw new LearnError('conflict', say('pack-older', { packId: id, version, previous: previousVersion }));
    }
    const dir = join(id, version);
    const target = join(this.packsDir, dir);
    if (existsSync(target)) await rm(target, { recursive: true, force: true });
    await mkdir(dirname(target), { recursive: true });
    await rename(stage, target);
    try {
      this.db.transaction(() => {
        this.db
          .prepare(
            `INSERT INTO pack_versions (pack_id, version, dir, origin, key_id, installed_at) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (pack_id, version) DO UPDATE SET dir = excluded.dir, origin = excluded.origin,
               key_id = excluded.key_id, installed_at = excluded.installed_at`,
          )
          .run(id, version, dir, origin.origin, origin.keyId, this.now().toISOString());
        if (keyChange || options.restore || !this.#pins.get(id)) this.#pins.set(id, origin.keyId ?? APP_SIGNER);
        this.catalog.replacePack(pack, this.now());
        this.db.prepare('DELETE FROM removed_packs WHERE pack_id = ?').run(id);
      })();
    } catch (error) {
      await rm(target, { recursive: true, force: true });
      throw error;
    }
    return {
      packId: id,
      version,
      previousVersion,
      status: 'installed',
      ...(keyChange ? { keyReplaced: keyChange } : {}),
    };
  }

  /**
   * A pack id stays with the key it was first installed with (or with the app, for a shipped
   * pack): another trusted key is refused unless an admin asked to replace it. Returns the change
   * to make, if any.
   */
  #checkSigner(packId: string, origin: Origin, options: InstallOptions): { from: string; to: string } | undefined {
    const pinned = this.#pins.get(packId);
    if (origin.origin === 'bundled' || !origin.keyId || !pinned || pinned === origin.keyId) return undefined;
    if (options.replaceKey) return { from: pinned, to: origin.keyId };
    const label = (keyId: string) => {
      const key = this.trust.list().find((k) => k.keyId === keyId);
      return key ? say('signing-key-labelled', { keyId, label: key.label }) : say('signing-key', { keyId });
    };
    const signer = label(origin.keyId);
    throw new LearnError(
      'conflict',
      pinned === APP_SIGNER
        ? say('pack-signer-not-app', { packId, signer })
        : say('pack-signer-not-pinned', { packId, pinned: label(pinned), signer }),
    );
  }
}
