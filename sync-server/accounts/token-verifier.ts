import { say } from '../../common/i18n/message.js';
import type { Said } from '../../common/i18n/message.js';
import { errors, jwtVerify } from 'jose';
import { z } from 'zod';
import { AuthError } from '../http/server-error.js';
import type { SqlRunner } from '../storage/sql-store.js';
import { roleSchema } from './roles.js';
import type { Role } from './roles.js';

export { AuthError };

/** Shared by every holder of one token: read-only. */
export interface AccessClaims {
  readonly accountId: string;
  readonly role: Role;
  readonly family: string;
  /** When the token stops being valid, in ms since the epoch (a socket is closed then). */
  readonly expiresAt: number;
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
  /** Checks under way or done, by token; a failed one is forgotten. */
  private readonly checked = new Map<string, Promise<AccessClaims>>();

  constructor(
    private readonly key: Uint8Array,
    private readonly store: SqlRunner,
    private readonly now: () => Date,
  ) {}

  /** Throws AuthError for a bad, expired or revoked token. The claims of one token are one shared object. */
  async verify(token: string): Promise<AccessClaims> {
    const claims = await this.signedClaims(token);
    const refusal = await this.refusal(claims);
    if (refusal) throw new AuthError(refusal);
    return claims;
  }

  /**
   * Whether claims verified a moment ago still hold: for a socket admitted before it could hear of a revocation
   * or a role change (a demotion above all), which `verify` would refuse now.
   */
  async stillHold(claims: AccessClaims): Promise<boolean> {
    return (await this.refusal(claims)) === undefined;
  }

  /** Why a validly signed token is refused now, read at every call: its sign-in ended, or its role changed. */
  private async refusal(claims: AccessClaims): Promise<Said | undefined> {
    const current = await this.signInOf(claims.accountId, claims.family);
    if (current === undefined || current.revoked_at !== null) {
      return say('server-session-ended');
    }
    // A role changed by an admin counts at once, demotions above all: the client refreshes for a new token.
    if (current.role !== claims.role) return say('server-role-changed');
    return undefined;
  }

  /**
   * The signature check is the costliest step when a class reconnects at once (every socket of a device
   * carries the same token), so checked tokens are remembered until they expire; revocation and role are
   * still read at every call. The sockets of a device arrive together: they wait for the one check under way
   * rather than each making its own, and share its claims (a copy per socket was 200 B of heap each).
   */
  private async signedClaims(token: string): Promise<AccessClaims> {
    let check = this.checked.get(token);
    if (!check) {
      check = this.checkSignature(token);
      this.remember(token, check);
    }
    const claims = await check;
    if (claims.expiresAt > this.now().getTime()) return claims;
    this.checked.delete(token);
    // Throws that the token expired.
    return this.checkSignature(token);
  }

  private remember(token: string, check: Promise<AccessClaims>) {
    if (this.checked.size >= CHECKED_TOKENS) this.checked.delete(this.checked.keys().next().value!);
    this.checked.set(token, check);
    check.catch(() => {
      if (this.checked.get(token) === check) this.checked.delete(token);
    });
  }

  private async checkSignature(token: string): Promise<AccessClaims> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], currentDate: this.now() }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new AuthError(say('server-token-expired'));
      throw new AuthError(say('server-token-invalid'));
    }
    const parsed = claimsSchema.safeParse(payload);
    if (!parsed.success) throw new AuthError(say('server-token-invalid'));
    const { sub, role, fam, exp } = parsed.data;
    return { accountId: sub, role, family: fam, expiresAt: exp * 1000 };
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
