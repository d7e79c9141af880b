import { afterEach, describe, expect, it } from 'vitest';
import type { SyncServer } from '../server.js';
import { startTestServer } from '../testing/test-server.js';

let server: SyncServer;
afterEach(() => server.app.close());

// Every route that takes a secret to check (password, refresh token, join code) is limited per client, so none can
// be guessed at the server's speed; an IPv6 client holds a whole /64, so it counts once however it spreads.
const GUESSABLE: [string, unknown][] = [
  ['/auth/login', { email: 'ada@example.org', password: 'guess' }],
  ['/auth/register', { email: 'ada@example.org', password: 'a guessed password', displayName: 'Ada' }],
  ['/auth/refresh', { refreshToken: 'guess' }],
  ['/auth/password', { currentPassword: 'guess', newPassword: 'a guessed password' }],
  ['/classes/join', { joinCode: 'ABCD2345' }],
];

describe('the limits on guessing', () => {
  it.each(GUESSABLE)('limits %s per client, counting addresses of one IPv6 /64 together', async (url, payload) => {
    server = await startTestServer({ authRateLimit: { max: 3, windowMs: 60_000 } });
    const from = (remoteAddress: string) =>
      server.app.inject({ method: 'POST', url, payload: payload as object, remoteAddress });
    for (const address of ['2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:2:ffff::9']) {
      expect((await from(address)).statusCode).not.toBe(429);
    }
    const limited = await from('2001:db8:1:2:aaaa:bbbb:cccc:dddd');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: 'too-many-attempts' });
    // Another client is not held back by it.
    expect((await from('2001:db8:1:3::1')).statusCode).not.toBe(429);
    expect((await from('192.0.2.7')).statusCode).not.toBe(429);
  });
});
