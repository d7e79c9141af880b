import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { LearnEvent } from '../../../common/contract/events.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPackArchive, writeSignedArchive } from '../../../content-packs/format/pack-archive.js';
import { writePackFixture } from '../../../content-packs/format/pack-fixture.js';
import type { PackManifestInput } from '../../../content-packs/format/manifest.js';
import { loadPackSource } from '../../../content-packs/format/pack-source.js';
import { generateSigningKeys } from '../../../content-packs/format/signing.js';
import type { SigningKeys } from '../../../content-packs/format/signing.js';
import { createCore } from '../create-core.js';
import type { Core } from '../create-core.js';

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

describe('installing packs from files', () => {
  let core: Core;
  let dataDir: string;
  let keys: SigningKeys;

  const lpack = async (overrides: Partial<PackManifestInput> = {}, signer = keys) => {
    const file = join(temp('lpack-'), 'demo.lpack');
    writeFileSync(file, await buildPackArchive(writePackFixture(overrides), signer.privateKey));
    return file;
  };

  /** A correctly signed archive whose manifest breaks a rule, to reach the checks behind the signature. */
  const signedBroken = async (mutate: (manifest: Record<string, unknown>) => void) => {
    const source = await loadPackSource(writePackFixture());
    const manifest = JSON.parse(source.files.get('pack.json')!.toString());
    mutate(manifest);
    const files = new Map(source.files);
    files.set('pack.json', Buffer.from(JSON.stringify(manifest)));
    const file = join(temp('lpack-'), 'broken.lpack');
    writeFileSync(
      file,
      await writeSignedArchive(files, { packId: 'demo', version: manifest.version }, keys.privateKey),
    );
    return file;
  };

  const lessonText = async () => (await core.api.getLesson({ lessonId: 'demo/hello' })).markdown;
  const packFolders = () => readdirSync(join(dataDir, 'packs', 'demo')).sort();

  beforeEach(async () => {
    dataDir = temp('install-');
    keys = generateSigningKeys();
    core = await createCore({ dataDir, appVersion: '1.0.0', logger: pino({ level: 'silent' }) });
    await core.api.addTrustedKey({ session: core.ownerSession(), publicKey: keys.publicKey, label: 'test key' });
  });
  afterEach(() => core.close());

  it('installs a pack signed by a trusted key, reporting progress to 100% and then the catalog change', async () => {
    const events: LearnEvent[] = [];
    core.onEvent((e) => events.push(e));
    const result = await core.api.installPack({
      session: core.ownerSession(),
      file: await lpack(),
      allowDowngrade: false,
    });
    expect(result).toEqual({ packId: 'demo', version: '1.0.0', previousVersion: null, status: 'installed' });
    expect((await core.api.listModules(undefined)).map((m) => m.id)).toEqual(['demo/basics', 'demo/loops']);
    expect(await core.api.listPacks(undefined)).toMatchObject([
      { id: 'demo', activeVersion: '1.0.0', versions: [{ version: '1.0.0', origin: 'file', keyId: keys.keyId }] },
    ]);
    const progress = events.filter((e) => e.type === 'pack-install-progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ bytes: expect.any(Number) });
    const last = progress.at(-1)!;
    expect(last.type === 'pack-install-progress' && last.bytes === last.total).toBe(true);
    expect(events.at(-1)).toEqual({ type: 'catalog-changed' });
  });

  it('is idempotent: installing the same file again changes nothing', async () => {
    const file = await lpack();
    await core.api.installPack({ session: core.ownerSession(), file, allowDowngrade: false });
    expect(await core.api.installPack({ session: core.ownerSession(), file, allowDowngrade: false })).toMatchObject({
      status: 'already-installed',
    });
  });

  it('upgrades side by side, keeps the old version, and rolls back to it', async () => {
    await core.api.installPack({
      session: core.ownerSession(),
      file: await lpack({ version: '1.0.0' }),
      allowDowngrade: false,
    });
    const result = await core.api.installPack({
      session: core.ownerSession(),
      file: await lpack({ version: '1.1.0' }),
      allowDowngrade: false,
    });
    expect(result).toMatchObject({ version: '1.1.0', previousVersion: '1.0.0' });
    expect(await lessonText()).toContain('v1.1.0');
    expect(packFolders()).toEqual(['1.0.0', '1.1.0']);

    await core.api.activatePackVersion({ session: core.ownerSession(), packId: 'demo', version: '1.0.0' });
    expect(await lessonText()).toContain('v1.0.0');
    expect((await core.api.listPacks(undefined))[0]?.activeVersion).toBe('1.0.0');
  });

  it('refuses a downgrade unless allowed', async () => {
    await core.api.installPack({
      session: core.ownerSession(),
      file: await lpack({ version: '2.0.0' }),
      allowDowngrade: false,
    });
    const older = await lpack({ version: '1.0.0' });
    await expect(
      core.api.installPack({ session: core.ownerSession(), file: older, allowDowngrade: false }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/older than the installed 2.0.0/),
    });
    expect(await lessonText()).toContain('v2.0.0');
    await core.api.installPack({ session: core.ownerSession(), file: older, allowDowngrade: true });
    expect(await lessonText()).toContain('v1.0.0');
  });

  it('refuses a pack that needs a newer app', async () => {
    await expect(
      core.api.installPack({
        session: core.ownerSession(),
        file: await lpack({ minAppVersion: '9.0.0' }),
        allowDowngrade: false,
      }),
    ).rejects.toThrow(/needs app version 9.0.0 or newer/);
  });

  describe('bad packs leave what is installed untouched', () => {
    beforeEach(async () => {
      await core.api.installPack({
        session: core.ownerSession(),
        file: await lpack({ version: '1.0.0' }),
        allowDowngrade: false,
      });
    });

    const expectUntouched = async () => {
      expect(await lessonText()).toContain('v1.0.0');
      expect(packFolders()).toEqual(['1.0.0']);
      expect(readdirSync(join(dataDir, 'packs', '.staging'))).toEqual([]);
    };

    it.each([
      [
        'signed by an untrusted key',
        () => lpack({ version: '1.1.0' }, generateSigningKeys()),
        /not trusted here; a machine admin must trust that key first \(in the app: Settings, Trusted pack keys/,
      ],
      [
        'not a pack at all',
        async () => {
          const file = join(temp('lpack-'), 'x.lpack');
          writeFileSync(file, 'hello');
          return file;
        },
        /does not end with a pack seal/,
      ],
      ['missing', async () => join(temp('lpack-'), 'absent.lpack'), /does not exist/],
      [
        'a manifest that fails the schema',
        () => signedBroken((m) => Object.assign(m, { version: '1.1.0', title: '' })),
        /pack.json is invalid/,
      ],
      [
        'duplicate ids',
        () =>
          signedBroken((m) => {
            m.version = '1.1.0';
            (m.modules as { id: string }[])[1]!.id = 'basics';
          }),
        /duplicate id "basics"/,
      ],
      [
        'cyclic prerequisites',
        () =>
          signedBroken((m) => {
            m.version = '1.1.0';
            const [a, b] = m.modules as { id: string; requires?: string[] }[];
            a!.requires = [b!.id];
            b!.requires = [a!.id];
          }),
        /form a cycle: basics -> loops -> basics/,
      ],
      [
        'a referenced file that is missing',
        () =>
          signedBroken((m) => {
            m.version = '1.1.0';
            (m.modules as { lessons: { file: string }[] }[])[0]!.lessons[0]!.file = 'lessons/nowhere.md';
          }),
        /names "lessons\/nowhere.md", which does not exist/,
      ],
    ] as const)('refuses a pack %s', async (_what, makeFile, message) => {
      await expect(
        core.api.installPack({ session: core.ownerSession(), file: await makeFile(), allowDowngrade: false }),
      ).rejects.toThrow(message);
      await expectUntouched();
    });
  });

  it('removes a pack with its files', async () => {
    await core.api.installPack({ session: core.ownerSession(), file: await lpack(), allowDowngrade: false });
    await core.api.removePack({ session: core.ownerSession(), packId: 'demo' });
    expect(await core.api.listModules(undefined)).toEqual([]);
    expect(existsSync(join(dataDir, 'packs', 'demo'))).toBe(false);
    await expect(core.api.removePack({ session: core.ownerSession(), packId: 'demo' })).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('stops trusting a removed key', async () => {
    await core.api.removeTrustedKey({ session: core.ownerSession(), keyId: keys.keyId });
    expect(await core.api.listTrustedKeys(undefined)).toEqual([]);
    await expect(
      core.api.installPack({ session: core.ownerSession(), file: await lpack(), allowDowngrade: false }),
    ).rejects.toThrow(/not trusted/);
  });

  it('trusts the keys shipped with the app by default and will not remove them', async () => {
    const shipped = generateSigningKeys();
    const packs = temp('bundled-');
    mkdirSync(join(packs, 'keys'));
    writeFileSync(join(packs, 'keys', 'Lionagi Learn.pub'), shipped.publicKey);
    const withKeys = await createCore({
      dataDir: temp('install-'),
      appVersion: '1.0.0',
      bundledPacksDir: packs,
      logger: pino({ level: 'silent' }),
    });
    try {
      expect(await withKeys.api.listTrustedKeys(undefined)).toEqual([
        { keyId: shipped.keyId, label: 'Lionagi Learn', addedAt: '', builtin: true },
      ]);
      await expect(
        withKeys.api.installPack({
          session: withKeys.ownerSession(),
          file: await lpack({}, shipped),
          allowDowngrade: false,
        }),
      ).resolves.toMatchObject({
        status: 'installed',
      });
      await expect(
        withKeys.api.removeTrustedKey({ session: withKeys.ownerSession(), keyId: shipped.keyId }),
      ).rejects.toMatchObject({
        code: 'forbidden',
      });
    } finally {
      withKeys.close();
    }
  });

  it('refuses a trusted key that is not a public key', async () => {
    await expect(
      core.api.addTrustedKey({ session: core.ownerSession(), publicKey: 'hello', label: 'x' }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });
});
