import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPackArchive } from '../../../content-packs/format/pack-archive.js';
import { writePackFixture } from '../../../content-packs/format/pack-fixture.js';
import type { PackManifestInput } from '../../../content-packs/format/manifest.js';
import { generateSigningKeys } from '../../../content-packs/format/signing.js';
import type { SigningKeys } from '../../../content-packs/format/signing.js';
import Database from 'better-sqlite3';
import { migrate } from '../../../infra/sqlite/migrator.js';
import { openDatabase } from '../../../infra/sqlite/open-database.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';
import { coreMigrations } from '../db/migrations/index.js';
import { createCore } from '../create-core.js';
import { CORE_DATABASE_FILE } from '../db/core-database.js';
import type { Core } from '../create-core.js';

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

describe('a pack id stays with the key it was first installed with', () => {
  let dataDir: string;
  let core: Core;
  let first: SigningKeys;
  let second: SigningKeys;

  const lpack = async (signer: SigningKeys, overrides: Partial<PackManifestInput> = {}) => {
    const file = join(temp('lpack-'), 'demo.lpack');
    writeFileSync(file, await buildPackArchive(writePackFixture(overrides), signer.privateKey));
    return file;
  };
  const open = async (bundledPacksDir?: string) => {
    core = await createCore({
      dataDir,
      appVersion: '1.0.0',
      logger: pino({ level: 'silent' }),
      ...(bundledPacksDir ? { bundledPacksDir } : {}),
    });
    await core.api.addTrustedKey({ session: core.ownerSession(), publicKey: first.publicKey, label: 'Publisher One' });
    await core.api.addTrustedKey({ session: core.ownerSession(), publicKey: second.publicKey, label: 'Publisher Two' });
  };
  const install = async (signer: SigningKeys, replaceKey?: boolean, version = '2.0.0') =>
    core.api.installPack({
      session: core.ownerSession(),
      file: await lpack(signer, { version }),
      allowDowngrade: false,
      ...(replaceKey ? { replaceKey } : {}),
    });
  const activeVersion = async () => (await core.api.listPacks(undefined)).find((p) => p.id === 'demo')?.activeVersion;

  beforeEach(async () => {
    dataDir = temp('pins-');
    first = generateSigningKeys();
    second = generateSigningKeys();
    await open();
  });
  afterEach(() => core.close());

  it('refuses a version signed by another trusted key, naming both keys, and leaves the pack as it was', async () => {
    await install(first, false, '1.0.0');
    await expect(install(second)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(
        new RegExp(
          `"demo" is pinned to key ${first.keyId} \\(Publisher One\\), but this file is signed by key ${second.keyId} \\(Publisher Two\\)[\\s\\S]*--replace-key`,
        ),
      ),
    });
    expect(await activeVersion()).toBe('1.0.0');
    await expect(install(first)).resolves.toMatchObject({ status: 'installed', version: '2.0.0' });
  });

  it('replaces the key when an admin asks, says what it did, and then holds the new key', async () => {
    await install(first, false, '1.0.0');
    await expect(install(second, true)).resolves.toEqual({
      packId: 'demo',
      version: '2.0.0',
      previousVersion: '1.0.0',
      status: 'installed',
      keyReplaced: { from: first.keyId, to: second.keyId },
    });
    await expect(install(first, false, '3.0.0')).rejects.toThrow(new RegExp(`pinned to key ${second.keyId}`));
    // Re-pinning to the key of a version already installed is still an explicit, reported change.
    await expect(install(first, true, '2.0.0')).resolves.toMatchObject({
      keyReplaced: { from: second.keyId, to: first.keyId },
    });
  });

  it('keeps a pack shipped with the app to the app: a file for its id needs an admin to replace the key', async () => {
    core.close();
    const bundled = temp('bundled-');
    writePackFixture({ version: '1.0.0' }, bundled);
    await open(bundled);
    expect(await activeVersion()).toBe('1.0.0');
    await expect(install(first)).rejects.toThrow(
      /"demo" ships with the app and is pinned to it, but this file is signed/,
    );
    expect(await activeVersion()).toBe('1.0.0');
    await expect(install(first, true)).resolves.toMatchObject({ keyReplaced: { from: 'app', to: first.keyId } });
  });

  it('pins afresh after an admin removes the pack', async () => {
    await install(first, false, '1.0.0');
    await core.api.removePack({ session: core.ownerSession(), packId: 'demo' });
    await expect(install(second)).resolves.toMatchObject({ status: 'installed' });
    await expect(install(first, false, '3.0.0')).rejects.toThrow(/pinned to key/);
  });

  it('pins packs installed before the pins existed to the signer of their active version (migration 90)', async () => {
    await install(first, false, '1.0.0');
    core.close();
    const db = openDatabase(join(dataDir, CORE_DATABASE_FILE));
    // Back to a database from before migration 90: every table a step from 90 on made goes, whatever later steps add.
    const before = new Database(':memory:');
    migrate(
      before,
      coreMigrations.filter((m) => m.version < 90),
    );
    const tablesOf = (d: SqliteDatabase) =>
      (d.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    const kept = new Set(tablesOf(before));
    before.close();
    for (const table of tablesOf(db).filter((t) => !kept.has(t) && !t.startsWith('sqlite_'))) {
      db.exec(`DROP TABLE IF EXISTS "${table}"`);
    }
    db.exec('DELETE FROM schema_migrations WHERE version >= 90');
    db.close();
    await open();
    await expect(install(second)).rejects.toThrow(new RegExp(`pinned to key ${first.keyId}`));
  });
});
