import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The unsubscribe link's token: the account id and an HMAC-SHA256 of it under a key derived from the server's
 * secret, for this one purpose (a token made for anything else, or an access token, never verifies). It can
 * only turn the digest off, so it needs no expiry: an old mail's link still works.
 */
export class UnsubscribeTokens {
  readonly #key: Buffer;

  constructor(secret: Uint8Array) {
    this.#key = createHmac('sha256', secret).update('lionlearn email unsubscribe v1').digest();
  }

  sign(accountId: string): string {
    return `${accountId}.${this.#mac(accountId).toString('base64url')}`;
  }

  /** The account the token was made for, or undefined for anything forged, edited or malformed. */
  verify(token: string): string | undefined {
    const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) return undefined;
    const [, accountId, mac] = match as unknown as [string, string, string];
    const given = Buffer.from(mac, 'base64url');
    const expected = this.#mac(accountId);
    // base64url decoding ignores stray bits in the last character: compare the canonical text as well.
    return given.length === expected.length &&
      timingSafeEqual(given, expected) &&
      expected.toString('base64url') === mac
      ? accountId
      : undefined;
  }

  #mac(accountId: string): Buffer {
    return createHmac('sha256', this.#key).update(accountId).digest();
  }
}
