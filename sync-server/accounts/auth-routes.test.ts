import { afterEach, describe, expect, it } from 'vitest';
import type { SyncServer } from '../server.js';
import { login, PASSWORD, registerAccount, request, startTestServer } from '../testing/test-server.js';

let server: SyncServer;
afterEach(() => server.app.close());

describe('registration and sign-in', () => {
  it('registers a learner who signs in and sees their account at /me', async () => {
    server = await startTestServer();
    const register = await request(server.app, 'POST', '/auth/register', {
      body: { email: '  Ada@Example.ORG ', password: PASSWORD, displayName: ' Ada ' },
    });
    expect(register.statusCode).toBe(201);
    const { accountId } = register.json() as { accountId: string };

    const session = await login(server.app, 'ada@example.org');
    expect(session.account).toEqual({ id: accountId, email: 'ada@example.org', displayName: 'Ada', role: 'learner' });
    expect(session.expiresIn).toBe(900);
    expect(session.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await request(server.app, 'GET', '/me', { token: session.accessToken });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(session.account);
  });

  it('refuses a wrong password and an unknown email alike, with 401', async () => {
    server = await startTestServer();
    await registerAccount(server.app, 'bo@example.org');
    for (const body of [
      { email: 'bo@example.org', password: 'not the password' },
      { email: 'nobody@example.org', password: PASSWORD },
    ]) {
      const response = await request(server.app, 'POST', '/auth/login', { body });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        error: 'unauthorized',
        message: 'Wrong email or password.',
        messageI18n: { key: 'server-sign-in-wrong' },
      });
    }
  });

  it('answers 409 to a second registration of an email, whatever its case', async () => {
    server = await startTestServer();
    await registerAccount(server.app, 'cy@example.org');
    const again = await request(server.app, 'POST', '/auth/register', {
      body: { email: 'CY@example.org', password: PASSWORD, displayName: 'Other' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'conflict' });
    expect(await server.store.get('SELECT count(*) AS n FROM accounts')).toEqual({ n: 1 });
  });

  it('answers bad bodies with 400 and the field at fault', async () => {
    server = await startTestServer();
    const cases: [unknown, RegExp][] = [
      [{ email: 'not-an-email', password: PASSWORD, displayName: 'X' }, /^email: is not a valid email address/],
      [{ email: 'x@example.org', password: 'short', displayName: 'X' }, /^password: use at least 8 characters/],
      [{ email: 'x@example.org', password: PASSWORD }, /^displayName: is missing/],
      [[1, 2], /^the input must be an object/],
    ];
    for (const [body, message] of cases) {
      const response = await request(server.app, 'POST', '/auth/register', { body });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: 'invalid-input', message: expect.stringMatching(message) });
    }
    const malformed = await server.app.inject({
      method: 'POST',
      url: '/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(malformed.statusCode).toBe(400);
    // Fastify's own refusal, said through the catalog like the server's.
    expect(malformed.json()).toEqual({
      error: 'invalid-input',
      message: 'The request body is not valid JSON.',
      messageI18n: { key: 'server-body-not-json' },
    });
    expect(await server.store.get('SELECT count(*) AS n FROM accounts')).toEqual({ n: 0 });
  });

  it('limits sign-in attempts per client with 429 and the usual error body', async () => {
    server = await startTestServer({ authRateLimit: { max: 2, windowMs: 60_000 } });
    const attempt = () =>
      request(server.app, 'POST', '/auth/login', { body: { email: 'x@example.org', password: 'guess' } });
    expect((await attempt()).statusCode).toBe(401);
    expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({
      error: 'too-many-attempts',
      message: expect.stringMatching(/try again in/),
    });
    expect(limited.headers['retry-after']).toBeDefined();
    // Counted per route: registering is still possible.
    expect(
      (
        await request(server.app, 'POST', '/auth/register', {
          body: { email: 'x@example.org', password: PASSWORD, displayName: 'X' },
        })
      ).statusCode,
    ).toBe(201);
  });

  it('refuses /me without a token, with a forged one and with a token signed by another secret', async () => {
    server = await startTestServer();
    await registerAccount(server.app, 'di@example.org');
    const { accessToken } = await login(server.app, 'di@example.org');
    const other = await startTestServer();
    try {
      await registerAccount(other.app, 'di@example.org');
      const foreign = (await login(other.app, 'di@example.org')).accessToken;
      const [header, payload, signature] = accessToken.split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
      const promoted = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
      for (const token of [undefined, `${header}.${promoted}.${signature}`, foreign, 'garbage']) {
        const response = await request(server.app, 'GET', '/me', { token });
        expect(response.statusCode).toBe(401);
        expect(response.json()).toMatchObject({ error: 'unauthorized' });
      }
    } finally {
      await other.app.close();
    }
  });
});
