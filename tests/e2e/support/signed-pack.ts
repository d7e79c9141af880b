import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { writePackFixture } from '../../../content-packs/format/pack-fixture.js';
import { runCli, tempDir } from './processes.js';

/** Makes a key pair and a signed pack with the real CLI, as an admin would. */
export async function adminMakesPack(id: string, title: string) {
  const keys = tempDir('e2e-keys-');
  expect((await runCli(['pack', 'keygen', '--out', keys])).code).toBe(0);
  const file = join(tempDir('e2e-lpack-'), `${id}.lpack`);
  const source = writePackFixture({ id, title });
  const built = await runCli(['pack', 'build', source, '--key', join(keys, 'pack-signing.key'), '--out', file]);
  expect(built.code).toBe(0);
  return { file, publicKey: readFileSync(join(keys, 'pack-signing.pub'), 'utf8'), sourceDir: dirname(source) };
}
