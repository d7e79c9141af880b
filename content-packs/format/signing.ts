import { createHash, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { z } from 'zod';
import { say } from '../../common/i18n/message.js';
import type { Said } from '../../common/i18n/message.js';

export const signatureSchema = z.strictObject({
  algorithm: z.literal('ed25519'),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  signature: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
});
export type PackSignature = z.infer<typeof signatureSchema>;

export interface SigningKeys {
  /** PKCS#8 PEM: keep secret. */
  privateKey: string;
  /** SPKI PEM: give to whoever must trust the packs. */
  publicKey: string;
  keyId: string;
}

/** A short, stable name for a public key: the first 16 hex digits of SHA-256 over its raw bytes. */
export function keyIdOf(publicKeyPem: string): string {
  const raw = createPublicKey(publicKeyPem).export({ format: 'jwk' }).x!;
  return createHash('sha256').update(Buffer.from(raw, 'base64url')).digest('hex').slice(0, 16);
}

export function generateSigningKeys(): SigningKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

export function signBytes(bytes: Buffer, privateKeyPem: string): PackSignature {
  const publicKey = createPublicKey(privateKeyPem).export({ type: 'spki', format: 'pem' }).toString();
  return {
    algorithm: 'ed25519',
    keyId: keyIdOf(publicKey),
    signature: sign(null, bytes, privateKeyPem).toString('base64'),
  };
}

/** Checks a signature against the trusted keys (PEM by key id); returns the key id, or says why not. */
export function checkSignature(
  bytes: Buffer,
  signature: PackSignature,
  trusted: ReadonlyMap<string, string>,
): { ok: true; keyId: string } | { ok: false; reason: string; said: Said } {
  const publicKey = trusted.get(signature.keyId);
  if (!publicKey) return refused(say('pack-key-untrusted', { keyId: signature.keyId }));
  const valid = verify(null, bytes, publicKey, Buffer.from(signature.signature, 'base64'));
  return valid ? { ok: true, keyId: signature.keyId } : refused(say('pack-signature-mismatch'));
}

const refused = (said: Said) => ({ ok: false as const, reason: said.text, said });
