import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncServer } from '../server.js';
import { listening } from '../testing/documents-app.js';
import { upgradeStatus } from '../testing/sync-clients.js';
import { login, PASSWORD, registerAccount, request, startTestServer } from '../testing/test-server.js';
import { AccessTokenIssuer } from './access-tokens.js';
import type { Role } from './roles.js';
import { SECRET_FILE } from './token-secret.js';
import { AuthError } from './token-verifier.js';

let server: SyncServer;
let base: string;
afterEach(() => server.app.close());

/**
 * Access tokens signed with the server's real key but claims of our choosing: what a token looks like that the
 * server signed for one sign-in and that names another (the key is right, the claims must still hang together).
 */
function forge(claims: { accountId: string; role: Role; family: string }): Promise<string> {
  const key = new TextEncoder().encode(readFileSync(join(server.options.dataDir, SECRET_FILE), 'utf8').trim());
  return new AccessTokenIssuer(key, 900, () => new Date()).issue(claims);
}

const familyOf = async (accessToken: string) => (await server.tokens.verify(accessToken)).family;

/** Refused everywhere an access token is checked: the verifier, /me, the password change, a document socket. */
async function expectRefused(token: string, accountId: string) {
  await expect(server.tokens.verify(token)).rejects.toThrow(AuthError);
  expect((await request(server.app, 'GET', '/me', { token })).statusCode).toBe(401);
  const change = await request(server.app, 'POST', '/auth/password', {
    token,
    body: { currentPassword: PASSWORD, newPassword: 'a password nobody asked for' },
  });
  expect(change.statusCode).toBe(401);
  expect(await upgradeStatus(base, `u/${accountId}/prefs`, { token })).toBe(401);
}

describe('the access-token check ties the sign-in to the account', () => {
  it('refuses a validly signed token whose family belongs to another account, or to none', async () => {
    server = await startTestServer();
    ({ base } = await listening(server));
    const ada = await registerAccount(server.app, 'ada@example.org');
    const bo = await registerAccount(server.app, 'bo@example.org');
    const adaSession = await login(server.app, 'ada@example.org');
    const boSession = await login(server.app, 'bo@example.org');
    const boFamily = await familyOf(boSession.accessToken);

    // The forge itself is sound: with ada's own family the token is taken.
    const own = await forge({ accountId: ada, role: 'learner', family: await familyOf(adaSession.accessToken) });
    expect((await request(server.app, 'GET', '/me', { token: own })).json()).toMatchObject({ id: ada });
    expect(await upgradeStatus(base, `u/${ada}/prefs`, { token: own })).toBe(0);

    await expectRefused(await forge({ accountId: ada, role: 'learner', family: boFamily }), ada);
    await expectRefused(await forge({ accountId: randomUUID(), role: 'learner', family: boFamily }), ada);
    await expectRefused(await forge({ accountId: ada, role: 'learner', family: randomUUID() }), ada);
    await expectRefused(await forge({ accountId: ada, role: 'learner', family: 'not-a-family' }), ada);
    // The owner's own tokens are untouched by all this.
    expect((await request(server.app, 'GET', '/me', { token: boSession.accessToken })).json()).toMatchObject({
      id: bo,
    });
  });

  it('refuses a token of a family that was ended, and one whose role claim is not the stored role', async () => {
    server = await startTestServer();
    ({ base } = await listening(server));
    const ada = await registerAccount(server.app, 'ada@example.org');
    const session = await login(server.app, 'ada@example.org');
    const family = await familyOf(session.accessToken);

    await expectRefused(await forge({ accountId: ada, role: 'admin', family }), ada);
    await expectRefused(await forge({ accountId: ada, role: 'teacher', family }), ada);

    await request(server.app, 'POST', '/auth/logout', { body: { refreshToken: session.refreshToken } });
    await expectRefused(await forge({ accountId: ada, role: 'learner', family }), ada);
  });
});

describe('sockets of one device arriving together', () => {
  it('share one check of their token and one claims object, and a bad token is not remembered', async () => {
    server = await startTestServer();
    await registerAccount(server.app, 'ada@example.org');
    const { accessToken } = await login(server.app, 'ada@example.org');
    const claims = await Promise.all(Array.from({ length: 4 }, () => server.tokens.verify(accessToken)));
    expect(new Set(claims).size).toBe(1);
    expect(await server.tokens.verify(accessToken)).toBe(claims[0]);

    const forged = `${accessToken.slice(0, -4)}AAAA`;
    const refusals = await Promise.allSettled([server.tokens.verify(forged), server.tokens.verify(forged)]);
    expect(refusals.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await expect(server.tokens.verify(forged)).rejects.toThrow(AuthError);
  });
});
