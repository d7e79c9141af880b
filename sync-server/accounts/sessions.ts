import { say } from '../../common/i18n/message.js';
import type { SyncTokens } from '../../common/contract/sync-wire.js';
import { AuthError } from '../http/server-error.js';
import type { SqlStore } from '../storage/sql-store.js';
import type { AccessTokenIssuer } from './access-tokens.js';
import { AccountStore, publicAccount } from './account-store.js';
import type { StoredAccount } from './account-store.js';
import { decoyPasswordHash, verifyPassword } from './password-hashing.js';
import type { RefreshTokens } from './refresh-tokens.js';

/** The token answer of the auth routes, as the wire contract writes it. */
export type SessionTokens = SyncTokens;

/** Sign-in, refresh and sign-out: the token pairs a device holds. */
export class Sessions {
  // An unknown email costs the same one scrypt run as a known one, so timing does not tell.
  private readonly decoyHash = decoyPasswordHash();

  constructor(
    private readonly store: SqlStore,
    private readonly issuer: AccessTokenIssuer,
    private readonly refreshTokens: RefreshTokens,
  ) {}

  async login({ email, password }: { email: string; password: string }): Promise<SessionTokens> {
    const account = await new AccountStore(this.store).findByEmail(email);
    const matches = await verifyPassword(password, account?.passwordHash ?? this.decoyHash);
    if (!account || !matches) throw new AuthError(say('server-sign-in-wrong'));
    // A pending account is one whose registration has not finished (or is being undone).
    if (account.status !== 'active') throw new AuthError(say('server-account-not-ready'));
    const opened = await this.refreshTokens.open(account.id, account.passwordHash);
    // The password was changed while it was being checked: the one given is no longer right.
    if (!opened) throw new AuthError(say('server-sign-in-wrong'));
    return this.pair(account, opened.family, opened.token);
  }

  /** Rotates the refresh token; the access token carries the account's current role. */
  async refresh(refreshToken: string): Promise<SessionTokens> {
    const next = await this.refreshTokens.rotate(refreshToken);
    const account = await new AccountStore(this.store).find(next.accountId);
    if (!account || account.status !== 'active') throw new AuthError(say('server-account-gone'));
    return this.pair(account, next.family, next.token);
  }

  logout(refreshToken: string): Promise<void> {
    return this.refreshTokens.revokeFamilyOf(refreshToken);
  }

  private async pair(account: StoredAccount, family: string, refreshToken: string): Promise<SessionTokens> {
    const accessToken = await this.issuer.issue({ accountId: account.id, role: account.role, family });
    return { accessToken, refreshToken, expiresIn: this.issuer.ttlSeconds, account: publicAccount(account) };
  }
}
