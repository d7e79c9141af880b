import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { keyIdOf } from '../../content-packs/format/signing.js';

/**
 * The keys whose packs this class server accepts for publishing: one `<label>.pub` (the file `lionlearn pack
 * keygen` writes) per key in the folder, read at each publish. A missing folder trusts nothing.
 */
export async function readPackKeys(dir: string): Promise<Map<string, string>> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const keys = new Map<string, string>();
  for (const name of names.filter((n) => n.endsWith('.pub')).sort()) {
    const pem = await readFile(join(dir, name), 'utf8');
    keys.set(keyIdOf(pem), pem);
  }
  return keys;
}
