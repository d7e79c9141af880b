import { open } from 'node:fs/promises';
import { z } from 'zod';
import { say } from '../../common/i18n/message.js';
import { parseJsonAs } from './parse-json.js';
import { PackReason } from './pack-reason.js';
import { checkSignature, signatureSchema, signBytes } from './signing.js';
import type { PackSignature } from './signing.js';

/**
 * The seal: the last SEAL_BYTES of an .lpack, after its gzip stream. It signs the exact length and
 * SHA-256 of everything before it and the exact size of the tar inside, so a byte appended, cut or
 * changed anywhere in the file breaks it, and unpacking can stop at the size the signer declared.
 * (Format 1 signed only a list inside the archive: data appended after it went unnoticed.)
 */
export const SEAL_BYTES = 1024;
/** The file's last bytes; a file that does not end with them is not a format-2 pack. */
const SEAL_END = '\nlionlearn-pack-seal 2\n';
export const PACK_FORMAT_VERSION = 2;

export const sealStatementSchema = z.strictObject({
  format: z.literal('lionlearn-pack'),
  formatVersion: z.literal(PACK_FORMAT_VERSION),
  packId: z.string().max(80),
  version: z.string().max(64),
  /** The length of the gzip stream: the whole file but the seal. */
  gzipBytes: z.number().int().positive(),
  gzipSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The exact length of the tar the gzip stream holds, end-of-archive blocks included. */
  tarBytes: z.number().int().positive(),
});
export type SealStatement = z.infer<typeof sealStatementSchema>;

/** The statement travels as the exact string that was signed, so checking never re-serializes it. */
const sealSchema = z.strictObject({ statement: z.string().max(800), signature: signatureSchema });

export interface VerifiedSeal {
  statement: SealStatement;
  signature: PackSignature;
}

export function writeSeal(statement: SealStatement, privateKeyPem: string): Buffer {
  const signed = JSON.stringify(statement);
  const body = JSON.stringify({ statement: signed, signature: signBytes(Buffer.from(signed), privateKeyPem) });
  const room = SEAL_BYTES - SEAL_END.length;
  if (Buffer.byteLength(body) > room) throw new PackReason(say('pack-seal-too-long', { room }));
  return Buffer.from(body.padEnd(room, ' ') + SEAL_END);
}

/**
 * Reads and checks the seal of a file of `size` bytes, before any of the rest is read: a trusted
 * key signed it, and the file is exactly as long as it says. Throws a PackReason on failure.
 */
export async function readSeal(
  file: string,
  size: number,
  trusted: ReadonlyMap<string, string>,
): Promise<VerifiedSeal> {
  const missing = () => new PackReason(say('pack-no-seal'));
  if (size < SEAL_BYTES) throw missing();
  const tail = Buffer.alloc(SEAL_BYTES);
  const handle = await open(file, 'r');
  try {
    await handle.read(tail, 0, SEAL_BYTES, size - SEAL_BYTES);
  } finally {
    await handle.close();
  }
  const text = tail.toString('utf8');
  if (!text.endsWith(SEAL_END)) throw missing();
  const seal = parseJsonAs(sealSchema, text.slice(0, -SEAL_END.length), 'seal');
  const check = checkSignature(Buffer.from(seal.statement), seal.signature, trusted);
  if (!check.ok) throw new PackReason(check.said);
  const statement = parseJsonAs(sealStatementSchema, seal.statement, 'seal');
  if (statement.gzipBytes + SEAL_BYTES !== size) {
    throw new PackReason(say('pack-seal-other-length', { size, signed: statement.gzipBytes + SEAL_BYTES }));
  }
  return { statement, signature: seal.signature };
}
