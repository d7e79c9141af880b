import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPackArchive } from '../../content-packs/format/pack-archive.js';
import { writePackFixture } from '../../content-packs/format/pack-fixture.js';
import { generateSigningKeys } from '../../content-packs/format/signing.js';
import { runCli, tempDir } from './support/processes.js';

describe('lionlearn pack install DIR (a USB stick)', () => {
  it('installs every pack in the folder and prints a line per file and the summary; exit 1 when one was refused', async () => {
    const keys = generateSigningKeys();
    const stranger = generateSigningKeys();
    const dataDir = tempDir('folder-cli-');
    const keyFile = join(tempDir('key-'), 'publisher.pub');
    writeFileSync(keyFile, keys.publicKey);
    const trusted = await runCli(['--data-dir', dataDir, 'trust', 'add', keyFile, '--label', 'Publisher']);
    expect(trusted.code).toBe(0);
    const stick = join(tempDir('stick-'), 'USB');
    mkdirSync(stick);
    const put = async (name: string, id: string, version: string, signer = keys) =>
      writeFileSync(join(stick, name), await buildPackArchive(writePackFixture({ id, version }), signer.privateKey));
    await put('a.lpack', 'alpha', '1.0.0');
    await put('b.lpack', 'beta', '1.0.0', stranger);

    const first = await runCli(['--data-dir', dataDir, 'pack', 'install', stick]);
    expect(first.stdout).toMatch(/installed\s+a\.lpack alpha 1\.0\.0/);
    expect(first.stdout).toMatch(/refused\s+b\.lpack \(.*not trusted here/);
    expect(first.stdout).toMatch(/1 installed, 0 upgraded, 0 skipped, 1 refused/);
    expect(first.code).toBe(1);

    await put('b.lpack', 'alpha', '1.1.0');
    const second = await runCli(['--data-dir', dataDir, 'pack', 'install', stick]);
    expect(second.stdout).toMatch(/skipped\s+a\.lpack alpha 1\.0\.0 \(already installed\)/);
    expect(second.stdout).toMatch(/upgraded\s+b\.lpack alpha 1\.1\.0 \(was 1\.0\.0\)/);
    expect(second.stdout).toMatch(/0 installed, 1 upgraded, 1 skipped, 0 refused/);
    expect(second.code).toBe(0);
  });
});
