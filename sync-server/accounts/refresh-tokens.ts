import { say } from '../../common/i18n/message.js';
import type { Said } from '../../common/i18n/message.js';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AuthError } from '../http/server-error.js';
import type { SqlRunner, SqlStore } from '../storage/sql-store.js';
import { AccountStore } from './account-store.js';
import type { RevocationBus } from './revocation-bus.js';

const TOKEN_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/**
 * The lost-answer grace. A device whose refresh reached the server but whose answer was lost (Wi-Fi gone
 * mid-request, a server killed after its commit) still holds the token it spent and presents it again. That
 * retry gets a new pair once, and only while the token it was traded for was never used, and only this soon
 * after the spend; the unreceived successor is retired. Any other reuse (a second retry, a later one, an older
 * token, a retry after the successor was used) is a copy in someone else's hands and ends the whole family.
 * Should a thief be the one retrying, the device's next refresh presents the retired successor and ends it too.
 */
export const RETRY_WINDOW_MS = 30 * 1000;

export type RevocationReason = 'logout' | 'reuse' | 'password-change';

/** Only this hash is stored: a copy of the database does not hold usable tokens. */
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

type Rotation =
  | { outcome: 'rotated'; accountId: string; family: string; token: string }
  | { outcome: 'reused'; family: string }
  | { outcome: 'refused'; message: Said };

/**
 * Refresh tokens in families: a family is one sign-in on one device. Each refresh marks the presented token used
 * and issues the next one in the same family; a used token presented again means a copy is in someone else's
 * hands, so the whole family is revoked and the newest token stops working too (but for the one retry that
 * RETRY_WINDOW_MS allows).
 */
export class RefreshTokens {
  constructor(
    private readonly store: SqlStore,
    private readonly revocations: RevocationBus,
    private readonly now: () => Date,
  ) {}

  /**
   * Starts a family and returns its first token, or undefined when the account's password hash is no longer
   * `verifiedHash`, the one the sign-in checked: a sign-in with the old password that finishes after a password
   * change must not outlive the change, which ends every sign-in. On PostgreSQL the account row is locked, so a
   * change arriving now waits for this family and then ends it.
   */
  async open(accountId: string, verifiedHash: string): Promise<{ family: string; token: string } | undefined> {
    const family = randomUUID();
    const token = newToken();
    const at = this.now().getTime();
    return this.store.transaction(async (tx) => {
      if ((await new AccountStore(tx).passwordHashForUpdate(accountId)) !== verifiedHash) return undefined;
      await tx.run('INSERT INTO refresh_families (id, account_id, created_at) VALUES (?, ?, ?)', [
        family,
        accountId,
        at,
      ]);
      await tx.run('INSERT INTO refresh_tokens (token_hash, family_id, expires_at) VALUES (?, ?, ?)', [
        hashOf(token),
        family,
        at + TOKEN_LIFETIME_MS,
      ]);
      return { family, token };
    });
  }

  /** Trades a token for the next one in its family. Throws AuthError when the token is unknown, used, expired or revoked. */
  async rotate(token: string): Promise<{ accountId: string; family: string; token: string }> {
    const at = this.now().getTime();
    const hash = hashOf(token);
    // The revocation on reuse must commit, so the transaction returns the outcome and the throw comes after it.
    const rotation = await this.store.transaction<Rotation>(async (tx) => {
      const row = await tx.get<{
        family_id: string;
        account_id: string;
        expires_at: number;
        revoked_at: number | null;
      }>(
        `SELECT t.family_id, f.account_id, t.expires_at, f.revoked_at
         FROM refresh_tokens t JOIN refresh_families f ON f.id = t.family_id WHERE t.token_hash = ?`,
        [hash],
      );
      if (!row || row.revoked_at !== null) return { outcome: 'refused', message: say('server-sign-in-ended') };
      if (row.expires_at <= at) return { outcome: 'refused', message: say('server-refresh-expired') };
      // `used_at IS NULL` in the update itself: of two requests racing with one token, exactly one wins.
      const marked = await tx.run('UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL', [
        at,
        hash,
      ]);
      if (marked.changes === 0 && !(await claimRetry(tx, hash, at))) {
        await revokeFamilyIn(tx, row.family_id, 'reuse', at);
        return { outcome: 'reused', family: row.family_id };
      }
      const next = newToken();
      await tx.run('INSERT INTO refresh_tokens (token_hash, family_id, expires_at) VALUES (?, ?, ?)', [
        hashOf(next),
        row.family_id,
        at + TOKEN_LIFETIME_MS,
      ]);
      await tx.run('UPDATE refresh_tokens SET replaced_by = ? WHERE token_hash = ?', [hashOf(next), hash]);
      return { outcome: 'rotated', accountId: row.account_id, family: row.family_id, token: next };
    });
    if (rotation.outcome === 'rotated') return rotation;
    if (rotation.outcome === 'reused') {
      this.revocations.publish({ type: 'revoked', family: rotation.family });
      throw new AuthError(say('server-refresh-reused'));
    }
    throw new AuthError(rotation.message);
  }

  /** Logout: ends the family the token belongs to. An unknown token changes nothing. */
  async revokeFamilyOf(token: string): Promise<void> {
    const at = this.now().getTime();
    const family = await this.store.transaction(async (tx) => {
      const row = await tx.get<{ family_id: string }>('SELECT family_id FROM refresh_tokens WHERE token_hash = ?', [
        hashOf(token),
      ]);
      return row && (await revokeFamilyIn(tx, row.family_id, 'logout', at)) ? row.family_id : undefined;
    });
    if (family) this.revocations.publish({ type: 'revoked', family });
  }

  /**
   * Ends every family of an account. `alongside` writes in the same transaction, so a new password and the
   * sign-out of every device commit together.
   */
  async revokeAccount(
    accountId: string,
    reason: RevocationReason,
    alongside: (tx: SqlRunner) => Promise<void> = async () => undefined,
  ): Promise<void> {
    const at = this.now().getTime();
    await this.store.transaction(async (tx) => {
      await alongside(tx);
      await tx.run(
        'UPDATE refresh_families SET revoked_at = ?, revoked_reason = ? WHERE account_id = ? AND revoked_at IS NULL',
        [at, reason, accountId],
      );
    });
    this.revocations.publish({ type: 'revoked-account', accountId });
  }
}

/**
 * Claims the one retry a spent token gets (see RETRY_WINDOW_MS) and retires the successor it never received.
 * Both are conditional updates, not checks of the row read before: of two retries racing, exactly one claims,
 * and a successor used meanwhile is seen. False means the token is being reused: the caller revokes the family
 * (in the same transaction, so a claim made here commits with that revocation).
 */
async function claimRetry(tx: SqlRunner, hash: string, at: number): Promise<boolean> {
  const claimed = await tx.get<{ replaced_by: string }>(
    `UPDATE refresh_tokens SET retried_at = ?
     WHERE token_hash = ? AND retried_at IS NULL AND replaced_by IS NOT NULL AND used_at >= ?
     RETURNING replaced_by`,
    [at, hash, at - RETRY_WINDOW_MS],
  );
  if (!claimed) return false;
  const retired = await tx.run('UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL', [
    at,
    claimed.replaced_by,
  ]);
  return retired.changes === 1;
}

async function revokeFamilyIn(tx: SqlRunner, family: string, reason: RevocationReason, at: number): Promise<boolean> {
  const { changes } = await tx.run(
    'UPDATE refresh_families SET revoked_at = ?, revoked_reason = ? WHERE id = ? AND revoked_at IS NULL',
    [at, reason, family],
  );
  return changes === 1;
}
