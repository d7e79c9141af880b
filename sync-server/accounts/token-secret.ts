import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePrivateDir } from '../storage/private-files.js';
import type { Dialect } from '../storage/sql-store.js';

export const SECRET_FILE = 'secret';
const MIN_LENGTH = 32;

/**
 * The HS256 key of the access tokens. A given secret (flag or LIONLEARN_SERVER_SECRET) is used as it is. With
 * SQLite and none given, one is generated once and kept in <dataDir>/secret (mode 600) so sessions survive a
 * restart. With PostgreSQL several instances verify each other's tokens, so the secret must be given.
 */
export function resolveTokenSecret({
  given,
  dataDir,
  dialect,
}: {
  given: string | undefined;
  dataDir: string;
  dialect: Dialect;
}): Uint8Array {
  if (given !== undefined) {
    if (given.length < MIN_LENGTH) {
      throw new Error(
        `The token secret has ${given.length} characters; use at least ${MIN_LENGTH} (e.g. openssl rand -base64 48).`,
      );
    }
    return new TextEncoder().encode(given);
  }
  if (dialect === 'postgres') {
    throw new Error(
      'With --database-url every instance must sign tokens with the same secret: set LIONLEARN_SERVER_SECRET ' +
        '(or --token-secret) to the same value on each, e.g. from `openssl rand -base64 48`.',
    );
  }
  makePrivateDir(dataDir);
  const file = join(dataDir, SECRET_FILE);
  try {
    // 'wx': when two starts race, one creates the file and both then read the same secret.
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < MIN_LENGTH) {
    throw new Error(`${file} holds no usable secret; delete it to generate a new one (every session then ends).`);
  }
  return new TextEncoder().encode(secret);
}
