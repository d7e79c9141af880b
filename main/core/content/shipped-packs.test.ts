import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { restoredSentence } from '../../../common/contract/admin.js';
import { buildPackArchive } from '../../../content-packs/format/pack-archive.js';
import { writePackFixture } from '../../../content-packs/format/pack-fixture.js';
import { generateSigningKeys } from '../../../content-packs/format/signing.js';
import { createCore } from '../create-core.js';
import type { Core } from '../create-core.js';

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
let core: Core;
afterEach(() => core.close());

const start = async (dataDir = temp('shipped-'), bundledPacksDir = dirname(writePackFixture({ version: '1.0.0' }))) => {
  core = await createCore({ dataDir, appVersion: '1.0.0', bundledPacksDir, logger: pino({ level: 'silent' }) });
  return core.ownerSession();
};

describe('restoring a shipped pack', () => {
  it('puts back a removed shipped pack and says which version it restored', async () => {
    const session = await start();
    await core.api.removePack({ session, packId: 'demo' });
    expect(await core.api.listShippedPacks(undefined)).toMatchObject([{ packId: 'demo', state: 'removed' }]);
    const result = await core.api.restoreShippedPack({ session, packId: 'demo' });
    expect(result).toEqual({ packId: 'demo', version: '1.0.0', previousVersion: null, previousKey: null });
    expect(restoredSentence(result)).toBe(
      'Restored demo 1.0.0 as shipped with the app, pinned to the app again (it was not installed).',
    );
    expect(await core.api.listShippedPacks(undefined)).toMatchObject([{ state: 'as-shipped', version: '1.0.0' }]);
    expect((await core.api.getLesson({ lessonId: 'demo/hello' })).title).toBeTruthy();
  });

  it('keeps a shipped pack an admin removed removed at the next start, until it is restored', async () => {
    const dataDir = temp('shipped-');
    const shipped = dirname(writePackFixture({ version: '1.0.0' }));
    const session = await start(dataDir, shipped);
    await core.api.removePack({ session, packId: 'demo' });
    await core.close();
    await start(dataDir, shipped);
    expect(await core.api.listPacks(undefined)).toEqual([]);
    expect(await core.api.listShippedPacks(undefined)).toMatchObject([{ packId: 'demo', state: 'removed' }]);
    await core.api.restoreShippedPack({ session: core.ownerSession(), packId: 'demo' });
    await core.close();
    await start(dataDir, shipped);
    expect(await core.api.listShippedPacks(undefined)).toMatchObject([{ packId: 'demo', state: 'as-shipped' }]);
  });

  it('replaces a newer version signed by another key with the shipped one, pinned to the app again', async () => {
    const session = await start();
    const keys = generateSigningKeys();
    await core.api.addTrustedKey({ session, publicKey: keys.publicKey, label: 'Someone' });
    const file = join(temp('lpack-'), 'demo.lpack');
    writeFileSync(file, await buildPackArchive(writePackFixture({ version: '2.0.0' }), keys.privateKey));
    await core.api.installPack({ session, file, allowDowngrade: false, replaceKey: true });
    expect(await core.api.listShippedPacks(undefined)).toMatchObject([{ state: 'replaced' }]);

    const result = await core.api.restoreShippedPack({ session, packId: 'demo' });
    expect(result).toEqual({ packId: 'demo', version: '1.0.0', previousVersion: '2.0.0', previousKey: keys.keyId });
    expect(restoredSentence(result)).toMatch(/version 2\.0\.0 was in use and it was pinned to key [0-9a-f]{16}/);
    expect((await core.api.listPacks(undefined))[0]).toMatchObject({ id: 'demo', activeVersion: '1.0.0' });
    // Pinned to the app again: the other key's 2.0.0 is refused without another explicit replace.
    await expect(core.api.installPack({ session, file, allowDowngrade: false })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('names a pack that does not ship with the app', async () => {
    const session = await start();
    await expect(core.api.restoreShippedPack({ session, packId: 'nope' })).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});
