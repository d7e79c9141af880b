import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { writePackFixture } from './pack-fixture.js';
import { buildPackArchive, readPackArchive } from './pack-archive.js';
import type { ReadProgress } from './pack-archive.js';
import { SEAL_BYTES, writeSeal } from './pack-seal.js';
import type { SealStatement } from './pack-seal.js';
import { generateSigningKeys } from './signing.js';
import type { SigningKeys } from './signing.js';

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
let keys: SigningKeys;
let trusted: Map<string, string>;
let good: Buffer;
let gzip: Buffer;
let seal: Buffer;
let statement: SealStatement;

beforeAll(async () => {
  keys = generateSigningKeys();
  trusted = new Map([[keys.keyId, keys.publicKey]]);
  good = await buildPackArchive(writePackFixture(), keys.privateKey);
  gzip = good.subarray(0, good.length - SEAL_BYTES);
  seal = good.subarray(good.length - SEAL_BYTES);
  const body = JSON.parse(seal.toString('utf8').trimEnd().split('\n')[0]!) as { statement: string };
  statement = JSON.parse(body.statement) as SealStatement;
});

/** Reads a file, returning how it ended and the most bytes it read and decompressed on the way. */
async function attempt(bytes: Buffer): Promise<{ error?: string; read: number; unpacked: number }> {
  const file = join(temp('lpack-'), 'pack.lpack');
  writeFileSync(file, bytes);
  const progress: ReadProgress[] = [];
  const outcome = await readPackArchive(file, {
    trusted,
    extractTo: join(temp('extract-'), 'out'),
    onProgress: (p) => progress.push(p),
  }).then(
    () => ({}),
    (error: Error) => ({ error: error.message }),
  );
  return {
    ...outcome,
    read: Math.max(0, ...progress.map((p) => p.bytes)),
    unpacked: Math.max(0, ...progress.map((p) => p.unpacked)),
  };
}

/** 4 MiB of gzip that decompresses to 4 GiB of zeros: the bomb a share's writer could append. */
function zeroBomb(): Buffer {
  const member = gzipSync(Buffer.alloc(64 * 1024 ** 2), { level: 9 });
  return Buffer.concat(Array.from({ length: Math.ceil((4 * 1024 ** 2) / member.length) }, () => member));
}

const resealed = (changes: Partial<SealStatement>, body = gzip) =>
  Buffer.concat([body, writeSeal({ ...statement, ...changes }, keys.privateKey)]);

describe('the pack seal: the signature covers every byte of the file', () => {
  it('reads an untouched pack, unpacking exactly the size the seal declares', async () => {
    const outcome = await attempt(good);
    expect(outcome).toEqual({ read: gzip.length, unpacked: statement.tarBytes });
  });

  it.each([
    ['4 MiB of zeros appended', () => Buffer.concat([good, Buffer.alloc(4 * 1024 ** 2)])],
    ['a gzip member appended after the seal', () => Buffer.concat([good, zeroBomb()])],
    ['a gzip member between the archive and the seal', () => Buffer.concat([gzip, zeroBomb(), seal])],
    ['zeros between the archive and the seal', () => Buffer.concat([gzip, Buffer.alloc(4096), seal])],
    ['the file cut short', () => good.subarray(0, Math.floor(good.length * 0.6))],
    ['the archive cut short, the seal kept', () => Buffer.concat([gzip.subarray(0, gzip.length - 100), seal])],
  ])('refuses %s before decompressing anything', async (_what, make) => {
    const outcome = await attempt(make());
    expect(outcome.error).toMatch(/does not end with a pack seal|appended to it or cut from it/);
    expect(outcome.read).toBe(0);
    expect(outcome.unpacked).toBe(0);
  });

  it('refuses data after the end-of-archive blocks in a gzip stream of the signed length', async () => {
    // Same length as signed (cut from the end to make room): the hash catches it, unpacking stops at the declared size.
    const tar = gunzipSync(gzip);
    const padded = gzipSync(Buffer.concat([tar, Buffer.alloc(64 * 1024 ** 2)]), { level: 9 });
    const body = Buffer.concat([padded, Buffer.alloc(Math.max(0, gzip.length - padded.length))]).subarray(
      0,
      gzip.length,
    );
    const outcome = await attempt(Buffer.concat([body, seal]));
    expect(outcome.error).toMatch(/changed after signing/);
    expect(outcome.unpacked).toBeLessThanOrEqual(statement.tarBytes);
  });

  it('refuses a signer whose seal declares less than the archive holds, decompressing no more than declared', async () => {
    const tar = gunzipSync(gzip);
    const longer = gzipSync(Buffer.concat([tar, Buffer.alloc(64 * 1024 ** 2)]));
    const lying = Buffer.concat([
      longer,
      writeSeal(
        {
          ...statement,
          gzipBytes: longer.length,
          gzipSha256: createHash('sha256').update(longer).digest('hex'),
        },
        keys.privateKey,
      ),
    ]);
    const outcome = await attempt(lying);
    expect(outcome.error).toMatch(/unpacks to more than the [\d,]+ bytes its seal declares/);
    expect(outcome.unpacked).toBeLessThanOrEqual(statement.tarBytes);
  });

  it.each([
    ['a longer file', () => ({ gzipBytes: gzip.length + 1 }), /it is \d+ bytes but its seal signs/],
    ['a shorter file', () => ({ gzipBytes: 10 }), /it is \d+ bytes but its seal signs/],
    ['a larger tar', () => ({ tarBytes: 10 ** 6 }), /unpacks to \d+ bytes, not the 1000000 its seal declares/],
    ['a smaller tar', () => ({ tarBytes: 1024 }), /unpacks to more than the 1,024 bytes its seal declares/],
    ['another hash', () => ({ gzipSha256: '0'.repeat(64) }), /changed after signing/],
    ['another pack', () => ({ packId: 'other' }), /names another pack than its seal/],
  ] as const)('refuses a seal that declares %s than the file holds', async (_what, changes, message) => {
    const lie: Partial<SealStatement> = changes();
    const outcome = await attempt(resealed(lie));
    expect(outcome.error).toMatch(message);
    expect(outcome.unpacked).toBeLessThanOrEqual(Math.min(statement.tarBytes, lie.tarBytes ?? Infinity));
  });

  it('refuses a seal by a key that is not trusted, naming the key', async () => {
    const stranger = generateSigningKeys();
    const foreign = Buffer.concat([gzip, writeSeal(statement, stranger.privateKey)]);
    expect((await attempt(foreign)).error).toMatch(new RegExp(`signed by key ${stranger.keyId}, which is not trusted`));
  });
});
