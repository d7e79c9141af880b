import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { adminMethods } from '../../../common/contract/admin.js';
import type { AdminMethod } from '../../../common/contract/admin.js';
import { dispatch } from '../../../common/contract/bridge.js';
import type { ApiResult } from '../../../common/contract/errors.js';
import { buildPackArchive } from '../../../content-packs/format/pack-archive.js';
import { writePackFixture } from '../../../content-packs/format/pack-fixture.js';
import { generateSigningKeys } from '../../../content-packs/format/signing.js';
import { openDatabase } from '../../../infra/sqlite/open-database.js';
import { createCore } from '../create-core.js';
import { CORE_DATABASE_FILE } from '../db/core-database.js';
import type { Core } from '../create-core.js';

const PASSWORD = 'correct horse battery';
const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

const opened: Core[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((core) => core.close()));
});

/**
 * A machine with a shipped pack ("demo"), an admin password, a learner, a second trusted key and
 * a pack signed with it ("other", installed in two versions), so that every admin method has
 * something real to act on.
 */
async function machine(now: () => Date = () => new Date()) {
  const core = await createCore({
    dataDir: temp('roles-'),
    appVersion: '1.0.0',
    bundledPacksDir: dirname(writePackFixture()),
    logger: pino({ level: 'silent' }),
    now,
  });
  opened.push(core);
  // Through the contract's dispatch, as IPC, the web face and the CLI call it.
  const call = (method: string, input?: unknown) => dispatch(core.api, method, input, () => {});
  const value = async <T>(method: string, input?: unknown): Promise<T> => {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  const keys = generateSigningKeys();
  const spare = generateSigningKeys();
  const lpack = async (version: string) => {
    const file = join(temp('lpack-'), 'other.lpack');
    writeFileSync(file, await buildPackArchive(writePackFixture({ id: 'other', version }), keys.privateKey));
    return file;
  };
  const { session: admin } = await value<{ session: string }>('setAdminPassword', { password: PASSWORD });
  await value('addTrustedKey', { session: admin, publicKey: keys.publicKey, label: 'Publisher' });
  await value('addTrustedKey', { session: admin, publicKey: spare.publicKey, label: 'Spare' });
  await value('installPack', { session: admin, file: await lpack('1.0.0') });
  await value('installPack', { session: admin, file: await lpack('1.1.0') });
  const { session: learner, learner: profile } = await value<{ session: string; learner: { id: string } }>(
    'createLearner',
    { profile: { displayName: 'Ada' } },
  );
  await value('lockAdmin', { session: admin });
  const state = async () => ({
    packs: await value('listPacks'),
    keys: await value('listTrustedKeys'),
    learners: await value('listLearners'),
    shipped: await value('listShippedPacks'),
  });
  /** A valid input for each admin method, without its session. */
  const inputs: Record<AdminMethod, Record<string, unknown>> = {
    installPack: { file: await lpack('1.2.0') },
    removePack: { packId: 'other' },
    activatePackVersion: { packId: 'other', version: '1.0.0' },
    restoreShippedPack: { packId: 'demo' },
    addTrustedKey: { publicKey: generateSigningKeys().publicKey, label: 'Newcomer' },
    removeTrustedKey: {
      keyId: (await value<{ keyId: string; label: string }[]>('listTrustedKeys')).find((k) => k.label === 'Spare')!
        .keyId,
    },
    removeLearner: { learnerId: profile.id, confirmName: 'Ada' },
    installPackFolder: { folder: dirname(await lpack('1.3.0')) },
    publishPack: { learnerSession: learner, file: await lpack('1.4.0') },
  };
  return { core, call, value, learner, inputs, state };
}

const refusedAsLearner = (result: ApiResult<unknown>) => {
  expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  if (!result.ok) expect(result.error.message).toMatch(/Only a machine admin can do this/);
};

describe('the machine admin role', () => {
  it('lists exactly the methods that change what every learner on the machine gets', () => {
    expect([...adminMethods].sort()).toEqual(
      [
        'activatePackVersion',
        'addTrustedKey',
        'installPack',
        'installPackFolder',
        'publishPack',
        'removeLearner',
        'removePack',
        'removeTrustedKey',
        'restoreShippedPack',
      ].sort(),
    );
  });

  describe.each(adminMethods)('%s', (method) => {
    it('is refused with no session, a learner session, an unknown or a locked admin session, and changes nothing', async () => {
      const { call, value, learner, inputs, state } = await machine();
      const before = await state();
      const { session: locked } = await value<{ session: string }>('unlockAdmin', { password: PASSWORD });
      await value('lockAdmin', { session: locked });
      for (const session of [undefined, learner, 'x'.repeat(43), locked]) {
        refusedAsLearner(await call(method, { ...inputs[method], ...(session ? { session } : {}) }));
      }
      expect(await state()).toEqual(before);
      // The learner's own session still works: a refused admin call does not end it.
      expect(await call('getLearner', { session: learner })).toMatchObject({ ok: true });
    });

    it('is refused once an admin session has expired', async () => {
      let clock = Date.parse('2026-01-01T10:00:00Z');
      const { call, value, inputs, state } = await machine(() => new Date(clock));
      const before = await state();
      const { session } = await value<{ session: string }>('unlockAdmin', { password: PASSWORD });
      clock += 15 * 60_000 + 1;
      const result = await call(method, { ...inputs[method], session });
      refusedAsLearner(result);
      if (!result.ok) expect(result.error.message).toMatch(/admin session has ended/);
      expect(await state()).toEqual(before);
    });

    it('is allowed with an unlocked admin session', async () => {
      const { call, value, inputs, state } = await machine();
      const before = await state();
      const { session } = await value<{ session: string }>('unlockAdmin', { password: PASSWORD });
      const result = await call(method, { ...inputs[method], session });
      if (method === 'publishPack') {
        // Past this machine's gate, it changes the class server (tests/distribution/publish-pack.test.ts); this
        // profile is linked to none, which is what it hears.
        expect(result).toMatchObject({ ok: false });
        if (!result.ok) expect(result.error.message).not.toMatch(/machine admin/);
        return;
      }
      expect(result).toMatchObject({ ok: true });
      expect(await state()).not.toEqual(before);
    });
  });

  it('gives a learner session no admin powers and an admin session no learner data', async () => {
    const { call, value, learner } = await machine();
    const { session: admin } = await value<{ session: string }>('unlockAdmin', { password: PASSWORD });
    expect(await call('getLearner', { session: admin })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // lockAdmin with a learner's token leaves the learner's session open.
    await value('lockAdmin', { session: learner });
    expect(await call('getLearner', { session: learner })).toMatchObject({ ok: true });
  });
});

describe('the admin password', () => {
  it('is set once without a session; changing it needs an admin session and ends the old ones', async () => {
    const core = await createCore({
      dataDir: temp('admin-'),
      appVersion: '1.0.0',
      logger: pino({ level: 'silent' }),
    });
    opened.push(core);
    const call = (method: string, input?: unknown) => dispatch(core.api, method, input, () => {});
    expect(await call('getAdminStatus')).toEqual({ ok: true, value: { passwordSet: false, lockedForSeconds: 0 } });
    expect(await call('unlockAdmin', { password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call('setAdminPassword', { password: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    const first = await call('setAdminPassword', { password: PASSWORD });
    expect(first).toMatchObject({ ok: true, value: { session: expect.any(String), expiresAt: expect.any(String) } });
    // Once set, nobody takes the machine over by setting another.
    refusedAsLearner(await call('setAdminPassword', { password: 'another password' }));
    const { session } = (first as { value: { session: string } }).value;
    expect(await call('setAdminPassword', { password: 'another password', session })).toMatchObject({ ok: true });
    refusedAsLearner(await call('removePack', { session, packId: 'demo' }));
    expect(await call('unlockAdmin', { password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call('unlockAdmin', { password: 'another password' })).toMatchObject({ ok: true });
    // The CLI's password-less owner session exists only while no password is set.
    expect(() => core.ownerSession()).toThrow(/admin password is set/);
  });

  it('is stored as a scrypt hash and locks unlocking out after three wrong tries, for a doubling wait', async () => {
    let clock = Date.parse('2026-01-01T10:00:00Z');
    const { call, core } = await machine(() => new Date(clock));
    for (let i = 0; i < 3; i++) {
      expect(await call('unlockAdmin', { password: 'wrong password' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    // The fourth wrong try starts a 5 s lock and says so with the wait; even the right password waits it out.
    expect(await call('unlockAdmin', { password: 'wrong password' })).toMatchObject({
      ok: false,
      error: { code: 'too-many-attempts', message: expect.stringMatching(/not right/), retryAfterMs: 5_000 },
    });
    expect(await call('getAdminStatus')).toEqual({ ok: true, value: { passwordSet: true, lockedForSeconds: 5 } });
    expect(await call('unlockAdmin', { password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'too-many-attempts' },
    });
    clock += 5_000;
    await call('unlockAdmin', { password: 'wrong password' });
    clock += 9_999;
    expect(await call('unlockAdmin', { password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'too-many-attempts', message: expect.stringMatching(/try again in 1 s/) },
    });
    clock += 1;
    expect(await call('unlockAdmin', { password: PASSWORD })).toMatchObject({ ok: true });
    expect(await call('getAdminStatus')).toEqual({ ok: true, value: { passwordSet: true, lockedForSeconds: 0 } });
    const db = openDatabase(join((await core.api.getAppInfo(undefined)).dataDir, CORE_DATABASE_FILE));
    try {
      const stored = db.prepare('SELECT password_hash FROM machine_admin').pluck().get() as string;
      expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(stored).not.toContain(PASSWORD);
    } finally {
      db.close();
    }
  });
});
