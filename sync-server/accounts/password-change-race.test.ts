import { afterEach, describe, expect, it } from 'vitest';
import type { SyncServer } from '../server.js';
import type { SqlStore } from '../storage/sql-store.js';
import { storeWith } from '../testing/documents-app.js';
import { login, PASSWORD, registerAccount, request, startTestServer } from '../testing/test-server.js';
import { AccessTokenIssuer } from './access-tokens.js';
import { PasswordChange } from './password-change.js';
import { Sessions } from './sessions.js';

// A password change ends every sign-in. These are the requests that checked the old password just before a
// change committed and finish just after it: they must not leave a sign-in (or a password) the change missed.

let server: SyncServer;
afterEach(() => server.app.close());

/** The server's store, except that the first read waits, after reading, until `release` is called. */
function holdingFirstRead(store: SqlStore) {
  let release!: () => void;
  let reached!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const read = new Promise<void>((resolve) => (reached = resolve));
  let first = true;
  const held = storeWith(store, {
    get: async <T>(sql: string, params?: readonly unknown[]) => {
      const row = await store.get<T>(sql, params);
      if (first) {
        first = false;
        reached();
        await gate;
      }
      return row;
    },
  });
  return { held, read, release };
}

const changePassword = (accessToken: string, currentPassword: string, newPassword: string) =>
  request(server.app, 'POST', '/auth/password', { token: accessToken, body: { currentPassword, newPassword } });

describe('a password change racing another request', () => {
  it('ends a sign-in that checked the old password before the change and finishes after it', async () => {
    server = await startTestServer();
    await registerAccount(server.app, 'ada@example.org');
    const owner = await login(server.app, 'ada@example.org');
    const { held, read, release } = holdingFirstRead(server.store);
    // Only the family matters here, not whether the access token verifies: any key signs it.
    const issuer = new AccessTokenIssuer(new Uint8Array(32), 900, () => new Date());
    const sessions = new Sessions(held, issuer, server.services.refreshTokens);

    // Someone who knows the old password signs in; the owner changes it while that sign-in is on its way.
    const racing = sessions.login({ email: 'ada@example.org', password: PASSWORD });
    await read;
    expect((await changePassword(owner.accessToken, PASSWORD, 'the owner’s new passphrase')).statusCode).toBe(204);
    release();

    await expect(racing).rejects.toMatchObject({ code: 'unauthorized', message: 'Wrong email or password.' });
    expect(await server.store.get('SELECT count(*) AS n FROM refresh_families WHERE revoked_at IS NULL')).toEqual({
      n: 0,
    });
    expect((await login(server.app, 'ada@example.org', 'the owner’s new passphrase')).account.email).toBe(
      'ada@example.org',
    );
  });

  it('does not undo a change that committed while another change was checking the old password', async () => {
    server = await startTestServer();
    const ada = await registerAccount(server.app, 'ada@example.org');
    const owner = await login(server.app, 'ada@example.org');
    const { held, read, release } = holdingFirstRead(server.store);
    const intruder = new PasswordChange(held, server.services.refreshTokens, () => new Date());

    // Whoever knew the old password tries to take the account; the owner locks them out at the same moment.
    const racing = intruder.change(ada, { currentPassword: PASSWORD, newPassword: 'the intruder’s passphrase' });
    await read;
    expect((await changePassword(owner.accessToken, PASSWORD, 'the owner’s new passphrase')).statusCode).toBe(204);
    release();

    await expect(racing).rejects.toMatchObject({ code: 'conflict' });
    const attempt = (password: string) =>
      request(server.app, 'POST', '/auth/login', { body: { email: 'ada@example.org', password } });
    expect((await attempt('the intruder’s passphrase')).statusCode).toBe(401);
    expect((await attempt('the owner’s new passphrase')).statusCode).toBe(200);
  });
});
