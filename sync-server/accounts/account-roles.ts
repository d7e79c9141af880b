import { say } from '../../common/i18n/message.js';
import { ServerError } from '../http/server-error.js';
import { ADVISORY_LOCKS } from '../storage/advisory-locks.js';
import type { SqlStore } from '../storage/sql-store.js';
import { AccountStore, publicAccount } from './account-store.js';
import type { PublicAccount } from './account-store.js';
import type { RevocationBus } from './revocation-bus.js';
import type { Role } from './roles.js';

/**
 * Role changes by an admin. Access tokens with the old role stop working at once (the verifier compares
 * roles) and the account's open sockets are closed, so its clients refresh and come back with the new role.
 */
export class AccountRoles {
  constructor(
    private readonly store: SqlStore,
    private readonly revocations: RevocationBus,
  ) {}

  async set(accountId: string, role: Role): Promise<PublicAccount> {
    const changed = await this.store.transaction(async (tx) => {
      // Two admins demoting each other at once on two instances must not leave the server without one.
      if (tx.dialect === 'postgres') await tx.run(`SELECT pg_advisory_xact_lock(${ADVISORY_LOCKS.roles})`);
      const accounts = new AccountStore(tx);
      const account = await accounts.find(accountId);
      if (!account) throw new ServerError('not-found', say('server-no-such-account'));
      if (account.role === 'admin' && role !== 'admin' && (await accounts.countActiveAdmins()) <= 1) {
        throw new ServerError('conflict', say('server-last-admin'));
      }
      await accounts.setRole(accountId, role);
      return { changed: account.role !== role, account: publicAccount({ ...account, role }) };
    });
    if (changed.changed) this.revocations.publish({ type: 'revoked-account', accountId });
    return changed.account;
  }
}
