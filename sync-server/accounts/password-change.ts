import { say } from '../../common/i18n/message.js';
import { AuthError, ServerError } from '../http/server-error.js';
import type { SqlStore } from '../storage/sql-store.js';
import { AccountStore } from './account-store.js';
import { hashPassword, verifyPassword } from './password-hashing.js';
import type { RefreshTokens } from './refresh-tokens.js';

/** A new password ends every sign-in of the account, this device's included: a thief's copy stops working. */
export class PasswordChange {
  constructor(
    private readonly store: SqlStore,
    private readonly refreshTokens: RefreshTokens,
    private readonly now: () => Date,
  ) {}

  async change(accountId: string, { currentPassword, newPassword }: { currentPassword: string; newPassword: string }) {
    const account = await new AccountStore(this.store).find(accountId);
    if (!account) throw new AuthError(say('server-account-gone'));
    if (!(await verifyPassword(currentPassword, account.passwordHash))) {
      throw new ServerError('forbidden', say('server-password-wrong'));
    }
    const passwordHash = await hashPassword(newPassword);
    const at = this.now().getTime();
    await this.refreshTokens.revokeAccount(accountId, 'password-change', async (tx) => {
      // Checked against the hash read above: a change that committed meanwhile (the owner locking out whoever
      // knew the old password) is not undone by this one. Throwing rolls the revocation back too.
      if (!(await new AccountStore(tx).replacePasswordHash(accountId, account.passwordHash, passwordHash, at))) {
        throw new ServerError('conflict', say('server-password-changed-meanwhile'));
      }
    });
  }
}
