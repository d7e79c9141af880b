import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { BuiltinKey } from './trust-store.js';

/** The keys shipped in content-packs/keys/: one `<label>.pub` (SPKI PEM) per key. */
export async function readBuiltinKeys(dir: string): Promise<BuiltinKey[]> {
  if (!existsSync(dir)) return [];
  const files = (await readdir(dir)).filter((f) => f.endsWith('.pub')).sort();
  return Promise.all(
    files.map(async (f) => ({ label: basename(f, '.pub'), publicKey: await readFile(join(dir, f), 'utf8') })),
  );
}
