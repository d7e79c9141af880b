import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncServer } from '../server.js';
import { login, PASSWORD, registerAccount, request, startTestServer } from '../testing/test-server.js';
import type { RevocationEvent } from './revocation-bus.js';
import type { SessionTokens } from './sessions.js';
import { AuthError } from './token-verifier.js';

let server: SyncServer;
afterEach(() => server.app.close());

const refresh = (refreshToken: string) => request(server.app, 'POST', '/auth/refresh', { body: { refreshToken } });
const me = (accessToken: string) => request(server.app, 'GET', '/me', { token: accessToken });

function recordRevocations(): RevocationEvent[] {
  const events: RevocationEvent[] = [];
  server.revocations.subscribe((event) => events.push(event));
  return events;
}

describe('refresh, logout and password change', () => {
  it('rotates the refresh token: the new pair works, in the same family', async () => {
    server = await startTestServer();
    await registerAccount(server.app, 'ada@example.org');
    const first = await login(server.app, 'ada@example.org');
    const rotated = await refresh(first.refreshToken);
    expect(rotated.statusCode).toBe(200);
    const second = rotated.json() as SessionTokens;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.account).toEqual(first.account);
    expect((await me(second.accessToken)).statusCode).toBe(200);
    const claims = await server.tokens.verify(second.accessToken);
    expect(claims.family).toBe((await server.tokens.verify(first.accessToken)).family);
    expect((await refresh(second.refreshToken)).statusCode).toBe(200);
  });

  it('revokes the whole family when a used refresh token comes back: the newer tokens stop working too', async () => {
    server = await startTestServer();
    await registerAccount(server.app, 'bo@example.org');
    const events = recordRevocations();
    const stolen = await login(server.app, 'bo@example.org');
    const other = await login(server.app, 'bo@example.org');
    const used = (await refresh(stolen.refreshToken)).json() as SessionTokens;
    // The device used what it got, so a copy of the first token coming back cannot be a retry.
    const next = (await refresh(used.refreshToken)).json() as SessionTokens;

    const replay = await refresh(stolen.refreshToken);
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ error: 'unauthorized', message: expect.stringMatching(/already used/) });
    expect((await refresh(next.refreshToken)).statusCode).toBe(401);
    expect((await me(next.accessToken)).statusCode).toBe(401);
    await expect(server.tokens.verify(stolen.accessToken)).rejects.toThrow(AuthError);
    expect(events).toEqual([{ type: 'revoked', family: expect.any(String) }]);
    // Another sign-in of the same account is a different family and keeps working.
    expect((await me(other.accessToken)).statusCode).toBe(200);
    expect((await refresh(other.refreshToken)).statusCode).toBe(200);
  });

  it('takes a used token back as a retry while its successor was never used, and retires that successor', async () => {
    server = await startTestServer();
    await registerAccount(server.app, 'cy@example.org');
    const first = await login(server.app, 'cy@example.org');
    // The answer to this refresh never reached the device.
    const lost = (await refresh(first.refreshToken)).json() as SessionTokens;

    const retried = await refresh(first.refreshToken);
    expect(retried.statusCode).toBe(200);
    const fresh = retried.json() as SessionTokens;
    expect((await me(fresh.accessToken)).statusCode).toBe(200);
    expect((await refresh(fresh.refreshToken)).statusCode).toBe(200);
    // Whoever holds the lost answer's token gives the copy away by using it: the family ends.
    const thief = await refresh(lost.refreshToken);
    expect(thief.statusCode).toBe(401);
    expect((await me(fresh.accessToken)).statusCode).toBe(401);
  });
  it('logout ends the family: its refresh and access tokens are refused, and it is announced', async () => {
    server = await startTestServer();
    await registerAccount(server.app, 'cy@example.org');
    const events = recordRevocations();
    const session = await login(server.app, 'cy@example.org');
    const { family } = await server.tokens.verify(session.accessToken);

    const logout = await request(server.app, 'POST', '/auth/logout', { body: { refreshToken: session.refreshToken } });
    expect(logout.statusCode).toBe(204);
    expect((await refresh(session.refreshToken)).statusCode).toBe(401);
    expect((await me(session.accessToken)).statusCode).toBe(401);
    expect(await server.tokens.isRevoked(family)).toBe(true);
    expect(events).toEqual([{ type: 'revoked', family }]);
    // An unknown token changes nothing and tells nothing.
    expect((await request(server.app, 'POST', '/auth/logout', { body: { refreshToken: 'unknown' } })).statusCode).toBe(
      204,
    );
  });

  it('a password change needs the current password and ends every sign-in of the account', async () => {
    server = await startTestServer();
    const accountId = await registerAccount(server.app, 'di@example.org');
    const events = recordRevocations();
    const laptop = await login(server.app, 'di@example.org');
    const phone = await login(server.app, 'di@example.org');
    const change = (currentPassword: string) =>
      request(server.app, 'POST', '/auth/password', {
        token: laptop.accessToken,
        body: { currentPassword, newPassword: 'a brand new passphrase' },
      });

    const wrong = await change('not the password');
    expect(wrong.statusCode).toBe(403);
    expect((await me(phone.accessToken)).statusCode).toBe(200);

    expect((await change(PASSWORD)).statusCode).toBe(204);
    for (const session of [laptop, phone]) {
      expect((await me(session.accessToken)).statusCode).toBe(401);
      expect((await refresh(session.refreshToken)).statusCode).toBe(401);
    }
    expect(events).toEqual([{ type: 'revoked-account', accountId }]);
    const old = await request(server.app, 'POST', '/auth/login', {
      body: { email: 'di@example.org', password: PASSWORD },
    });
    expect(old.statusCode).toBe(401);
    expect((await login(server.app, 'di@example.org', 'a brand new passphrase')).account.id).toBe(accountId);
  });

  it('refuses an access token once it expired, and a refresh token after 30 days', async () => {
    let now = Date.parse('2025-03-01T10:00:00Z');
    server = await startTestServer({ now: () => new Date(now), accessTtlSeconds: 60 });
    await registerAccount(server.app, 'ed@example.org');
    const session = await login(server.app, 'ed@example.org');
    expect(session.expiresIn).toBe(60);
    expect((await server.tokens.verify(session.accessToken)).expiresAt).toBe(now + 60_000);

    now += 59_000;
    expect((await me(session.accessToken)).statusCode).toBe(200);
    now += 1_000;
    const expired = await me(session.accessToken);
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ message: expect.stringMatching(/expired/) });

    const renewed = (await refresh(session.refreshToken)).json() as SessionTokens;
    expect((await me(renewed.accessToken)).statusCode).toBe(200);
    now += 30 * 24 * 60 * 60 * 1000;
    const late = await refresh(renewed.refreshToken);
    expect(late.statusCode).toBe(401);
    expect(late.json()).toMatchObject({ message: expect.stringMatching(/expired/) });
  });

  it('stores only the SHA-256 of a refresh token', async () => {
    server = await startTestServer();
    await registerAccount(server.app, 'fa@example.org');
    const session = await login(server.app, 'fa@example.org');
    const rows = await server.store.all<{ token_hash: string }>('SELECT token_hash FROM refresh_tokens');
    expect(rows).toEqual([{ token_hash: createHash('sha256').update(session.refreshToken).digest('hex') }]);
  });
});
