import { SignJWT } from 'jose';
import type { Role } from './roles.js';

/** Signs the short-lived access tokens (JWT HS256): `sub` account, `role`, `fam` refresh family, `iat`, `exp`. */
export class AccessTokenIssuer {
  constructor(
    private readonly key: Uint8Array,
    readonly ttlSeconds: number,
    private readonly now: () => Date,
  ) {}

  issue({ accountId, role, family }: { accountId: string; role: Role; family: string }): Promise<string> {
    const issuedAt = Math.floor(this.now().getTime() / 1000);
    return new SignJWT({ role, fam: family })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(accountId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.ttlSeconds)
      .sign(this.key);
  }
}
