import { errors, jwtVerify } from 'jose';
import { z } from 'zod';
import { AuthError } from '../http/server-error.js';
import type { SqlRunner } from '../storage/sql-store.js';
import { roleSchema } from './roles.js';
import type { Role } from './roles.js';

export { AuthError };

export interface AccessClaims {
  accountId: string;
  role: Role;
  family: string;
  /** When the token stops being valid, in ms since the epoch (a socket is closed then). */
  expiresAt: number;
}

const claimsSchema = z.object({
  sub: z.uuid(),
  role: roleSchema,
  fam: z.string().min(1),
  iat: z.number(),
  exp: z.number(),
});

const CHECKED_TOKENS = 10_000;

/** Checks access tokens for the HTTP routes and the document sockets: signature, expiry, claims, revocation. */
export class TokenVerifier {
  private readonly checked = new Map<string, z.infer<typeof claimsSchema>>();

  constructor(
    private readonly key: Uint8Array,
    private readonly store: SqlRunner,
    private readonly now: () => Date,
  ) {}

  /** Throws AuthError for a bad, expired or revoked token. */
  async verify(token: string): Promise<AccessClaims> {
    const { sub, role, fam, exp } = await this.signedClaims(token);
    const current = await this.signInOf(sub, fam);
    if (current === undefined || current.revoked_at !== null) {
      throw new AuthError('This sign-in was ended (logout or password change).');
    }
    // A role changed by an admin counts at once, demotions above all: the client refreshes for a new token.
    if (current.role !== role) throw new AuthError('The account role changed; refresh the access token.');
    return { accountId: sub, role, family: fam, expiresAt: exp * 1000 };
  }

  /**
   * The signature check is the costliest step when a class reconnects at once (every socket of a device
   * carries the same token), so checked tokens are remembered until they expire; revocation and role are
   * still read at every call.
   */
  private async signedClaims(token: string): Promise<z.infer<typeof claimsSchema>> {
    const known = this.checked.get(token);
    if (known && known.exp * 1000 > this.now().getTime()) return known;
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], currentDate: this.now() }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new AuthError('The access token expired; refresh it.');
      throw new AuthError('The access token is not valid.');
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw new AuthError('The access token is not valid.');
    if (this.checked.size >= CHECKED_TOKENS) this.checked.delete(this.checked.keys().next().value!);
    this.checked.set(token, claims.data);
    return claims.data;
  }

  /** A family that no longer exists (its account was deleted) counts as revoked. */
  async isRevoked(family: string): Promise<boolean> {
    const row = await this.store.get<{ revoked_at: number | null }>(
      'SELECT revoked_at FROM refresh_families WHERE id = ?',
      [family],
    );
    return row === undefined || row.revoked_at !== null;
  }

  /**
   * The sign-in the token names, only if it is one of the token's own account (and that account is active): a
   * token whose `fam` names another account's family is refused, so no token outlives the revocation of the
   * sign-in it was issued for, and the revocation of an account's sign-ins reaches every token of that account.
   */
  private signInOf(accountId: string, family: string) {
    return this.store.get<{ revoked_at: number | null; role: Role }>(
      `SELECT f.revoked_at, a.role FROM refresh_families f JOIN accounts a ON a.id = f.account_id
       WHERE f.id = ? AND a.id = ? AND a.status = 'active'`,
      [family, accountId],
    );
  }
}
