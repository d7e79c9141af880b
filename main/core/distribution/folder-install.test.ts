import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../common/contract/bridge.js';
import type { FolderInstallSummary } from '../../../common/contract/distribution.js';
import { folderSummaryLine } from '../../../common/contract/distribution.js';
import type { LearnEvent } from '../../../common/contract/events.js';
import type { InstalledPack } from '../../../common/contract/packs.js';
import { buildPackArchive } from '../../../content-packs/format/pack-archive.js';
import { writePackFixture } from '../../../content-packs/format/pack-fixture.js';
import { generateSigningKeys } from '../../../content-packs/format/signing.js';
import { createCore } from '../create-core.js';
import type { Core } from '../create-core.js';

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
const trusted = generateSigningKeys();
const untrusted = generateSigningKeys();

const opened: Core[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((core) => core.close()));
});

async function lpack(dir: string, name: string, id: string, version: string, keys = trusted): Promise<void> {
  writeFileSync(join(dir, name), await buildPackArchive(writePackFixture({ id, version }), keys.privateKey));
}

async function machine(): Promise<Core> {
  const core = await createCore({
    dataDir: temp('folder-app-'),
    appVersion: '1.0.0',
    logger: pino({ level: 'silent' }),
  });
  opened.push(core);
  return core;
}

describe('installing a folder of packs (a USB stick)', { timeout: 30_000 }, () => {
  it('installs, upgrades, skips and refuses each file, says why, and leaves the refused ones out', async () => {
    const core = await machine();
    const value = async <T>(method: string, input?: unknown): Promise<T> => {
      const result = await dispatch(core.api, method, input, () => {});
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value as T;
    };
    const { session } = await value<{ session: string }>('setAdminPassword', { password: 'machine admin pw' });
    await value('addTrustedKey', { session, publicKey: trusted.publicKey, label: 'Publisher' });
    const before = temp('before-');
    await lpack(before, 'a.lpack', 'upgraded-pack', '1.0.0');
    await lpack(before, 'b.lpack', 'same-pack', '1.0.0');
    await lpack(before, 'c.lpack', 'newer-here', '2.0.0');
    for (const file of readdirSync(before)) await value('installPack', { session, file: join(before, file) });

    const stick = temp('stick-');
    await lpack(stick, '1-new.lpack', 'new-pack', '1.0.0');
    await lpack(stick, '2-upgrade.lpack', 'upgraded-pack', '1.1.0');
    copyFileSync(join(before, 'b.lpack'), join(stick, '3-same.lpack'));
    await lpack(stick, '4-older.lpack', 'newer-here', '1.0.0');
    await lpack(stick, '5-untrusted.lpack', 'stranger-pack', '1.0.0', untrusted);
    writeFileSync(join(stick, '6-corrupt.lpack'), 'not a pack at all');
    writeFileSync(join(stick, 'notes.txt'), 'ignored');

    const progress: number[] = [];
    core.onEvent((event: LearnEvent) => {
      if (event.type === 'pack-folder-progress') progress.push(event.percent);
    });
    const summary = await value<FolderInstallSummary>('installPackFolder', { session, folder: stick });
    expect(summary.items.map((i) => [i.file, i.status, i.packId, i.version])).toEqual([
      ['1-new.lpack', 'installed', 'new-pack', '1.0.0'],
      ['2-upgrade.lpack', 'upgraded', 'upgraded-pack', '1.1.0'],
      ['3-same.lpack', 'skipped', 'same-pack', '1.0.0'],
      ['4-older.lpack', 'skipped', null, null],
      ['5-untrusted.lpack', 'refused', null, null],
      ['6-corrupt.lpack', 'refused', null, null],
    ]);
    expect(summary.items[1]!.detail).toBe('was 1.0.0');
    expect(summary.items[3]!.detail).toMatch(/older than the installed 2\.0\.0/);
    expect(summary.items[4]!.detail).toMatch(/not trusted here/);
    expect(summary.items[5]!.detail).toMatch(/pack seal|format 1/);
    expect(folderSummaryLine(summary)).toBe('1 installed, 1 upgraded, 2 skipped, 2 refused');
    expect(progress.at(-1)).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const packs = await value<InstalledPack[]>('listPacks');
    const active = Object.fromEntries(packs.map((p) => [p.id, p.activeVersion]));
    expect(active).toEqual({
      'new-pack': '1.0.0',
      'upgraded-pack': '1.1.0',
      'same-pack': '1.0.0',
      'newer-here': '2.0.0',
    });
  });

  it('tells the open learner of each pack it installed or upgraded, in the inbox', async () => {
    const core = await machine();
    const learner = await core.api.createLearner({ profile: { displayName: 'Ada', avatar: 'owl', goals: [] } });
    const { session } = await core.api.setAdminPassword({ password: 'machine admin pw' });
    await core.api.addTrustedKey({ session, publicKey: trusted.publicKey, label: 'Publisher' });
    const before = temp('before-');
    await lpack(before, 'a.lpack', 'upgraded-pack', '1.0.0');
    await core.api.installPack({ session, file: join(before, 'a.lpack'), allowDowngrade: false });
    const stick = temp('stick-');
    await lpack(stick, '1-new.lpack', 'new-pack', '1.0.0');
    await lpack(stick, '2-upgrade.lpack', 'upgraded-pack', '1.1.0');
    await core.api.installPackFolder({ session, folder: stick });

    const { items } = await core.api.listNotifications({ session: learner.session });
    expect(items.filter((i) => i.kind === 'pack-update').map((i) => i.title)).toEqual(
      expect.arrayContaining(['New course: new-pack', 'Course updated: upgraded-pack 1.1.0']),
    );
  });

  it('is an admin method: a call without an admin session is refused and installs nothing', async () => {
    const core = await machine();
    await dispatch(core.api, 'setAdminPassword', { password: 'machine admin pw' }, () => {});
    const stick = temp('stick-');
    await lpack(stick, 'a.lpack', 'new-pack', '1.0.0');
    const refused = await dispatch(core.api, 'installPackFolder', { folder: stick }, () => {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await core.api.listPacks(undefined)).toEqual([]);
  });
});
