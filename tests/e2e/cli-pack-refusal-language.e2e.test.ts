import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPackArchive } from '../../content-packs/format/pack-archive.js';
import { writePackFixture } from '../../content-packs/format/pack-fixture.js';
import { generateSigningKeys } from '../../content-packs/format/signing.js';
import { runCli, tempDir } from './support/processes.js';

describe("a pack's refusal in the admin's language", () => {
  it('says why a tampered pack is refused in German under --lang de', async () => {
    const dataDir = tempDir('cli-pack-refusal-');
    const work = tempDir('cli-pack-refusal-work-');
    const keys = generateSigningKeys();
    writeFileSync(join(work, 'pack-signing.pub'), keys.publicKey);
    const trusted = await runCli([
      '--data-dir',
      dataDir,
      'trust',
      'add',
      join(work, 'pack-signing.pub'),
      '--label',
      'Test',
    ]);
    expect(trusted.code, trusted.stderr).toBe(0);

    // One byte of the signed gzip stream changed: the seal still verifies, the bytes do not.
    const archive = await buildPackArchive(writePackFixture(), keys.privateKey);
    const at = Math.floor(archive.length / 3);
    archive.writeUInt8(archive.readUInt8(at) ^ 0xff, at);
    const lpack = join(work, 'demo.lpack');
    writeFileSync(lpack, archive);

    const refused = await runCli(['--data-dir', dataDir, '--lang', 'de', 'pack', 'install', lpack]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `${lpack} ist nicht verwendbar: sie wurde nach dem Signieren verändert. Nichts wurde installiert oder geändert.`,
    );
    expect(refused.stderr).not.toMatch(/Cannot use|changed after signing|Nothing was installed/);
  });
});
