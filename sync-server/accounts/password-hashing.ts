import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

interface ScryptCost {
  n: number;
  r: number;
  p: number;
}

// 2^15 x 8 x 128 bytes = 32 MiB and roughly 50-100 ms per guess on a laptop.
const cost: ScryptCost = { n: 2 ** 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Hashes are read back from the database: refuse parameters that would let a tampered row exhaust memory.
const MAX_N = 2 ** 20;
const stored = /^\$scrypt\$n=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

function derive(password: string, salt: Buffer, { n, r, p }: ScryptCost, length: number): Promise<Buffer> {
  // Node's default maxmem (32 MiB) is exactly 128*N*r at our cost, which OpenSSL exceeds by a few bytes.
  const maxmem = 128 * n * r * 2;
  return new Promise((resolve, reject) =>
    // NFKC so the same password typed on another keyboard layout or OS still matches.
    scrypt(password.normalize('NFKC'), salt, length, { N: n, r, p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

const base64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

const encode = (salt: Buffer, key: Buffer) =>
  `$scrypt$n=${cost.n},r=${cost.r},p=${cost.p}$${base64(salt)}$${base64(key)}`;

/** A self-describing string (`$scrypt$n=..,r=..,p=..$salt$hash`, PHC style), so the cost can rise later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  return encode(salt, await derive(password, salt, cost, KEY_BYTES));
}

/**
 * A stored hash no password matches (its key is random bytes), at today's cost: checking a password against it
 * takes as long as against a real one. Sign-in checks unknown emails against it, so the answer's timing does not
 * tell whether an email has an account; made without hashing, so not even the first unknown email costs more.
 */
export const decoyPasswordHash = (): string => encode(randomBytes(SALT_BYTES), randomBytes(KEY_BYTES));

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const match = stored.exec(hash);
  if (!match) throw new Error('The stored password hash is not in the scrypt format this server writes.');
  const [n, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (n > MAX_N || r > 32 || p > 16) throw new Error('The stored password hash asks for an unreasonable cost.');
  const expected = Buffer.from(match[5]!, 'base64');
  const key = await derive(password, Buffer.from(match[4]!, 'base64'), { n, r, p }, expected.length);
  return timingSafeEqual(key, expected);
}
