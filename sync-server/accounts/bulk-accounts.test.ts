import { describe, expect, it } from 'vitest';
import { BULK_ACCOUNTS_MAX } from '../../common/contract/classes.js';
import type { SyncServer } from '../server.js';
import { login, registerAccount, signedInAdmin, signedInTeacher } from '../testing/test-accounts.js';
import { request, serverPerTest } from '../testing/test-server.js';

let server: SyncServer;
const startServer = serverPerTest();

const row = (email: string, displayName = email.split('@')[0]!, password = 'a long lab password') => ({
  email,
  displayName,
  password,
});

describe('POST /admin/accounts/bulk', { timeout: 60_000 }, () => {
  it('creates, reports existing and refused rows, and is idempotent on a re-run', async () => {
    server = await startServer();
    const admin = await signedInAdmin(server);
    await registerAccount(server.app, 'old@example.org', 'the old password');
    const teacher = await signedInTeacher(server, admin, 'teacher@example.org');
    const { joinCode, id } = (
      await request(server.app, 'POST', '/classes', { token: teacher.accessToken, body: { name: 'Lab 1' } })
    ).json();
    const accounts = [
      row('Ada@Example.org '),
      row('old@example.org', 'Old', 'a new password'),
      row('ada@example.org'),
      row('not an email'),
      row('=cmd|calc@example.org'),
      row('short@example.org', 'Short', 'short'),
      row('noname@example.org', '   '),
    ];
    const first = await request(server.app, 'POST', '/admin/accounts/bulk', {
      token: admin.accessToken,
      body: { accounts, classJoinCode: joinCode.toLowerCase() },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().className).toBe('Lab 1');
    const outcomes = first.json().results.map((r: { outcome: string; reason: string | null }) => [r.outcome, r.reason]);
    expect(outcomes).toEqual([
      ['created', null],
      ['existed', null],
      ['refused', 'the same email as row 1'],
      ['refused', expect.stringMatching(/^email: /)],
      ['refused', expect.stringMatching(/^email: /)],
      ['refused', 'password: use at least 8 characters'],
      ['refused', expect.stringMatching(/^name: /)],
    ]);
    // The existing account kept its password; the new one signs in with the file's.
    await login(server.app, 'old@example.org', 'the old password');
    await login(server.app, 'ada@example.org', 'a long lab password');
    const members = (await request(server.app, 'GET', `/classes/${id}/members`, { token: teacher.accessToken })).json();
    expect(members.members.map((m: { displayName: string }) => m.displayName).sort()).toEqual(['Ada', 'old']);

    const again = await request(server.app, 'POST', '/admin/accounts/bulk', {
      token: admin.accessToken,
      body: { accounts: accounts.slice(0, 2), classJoinCode: joinCode },
    });
    expect(again.json().results.map((r: { outcome: string }) => r.outcome)).toEqual(['existed', 'existed']);
    expect(again.json().results[0].accountId).toBe(first.json().results[0].accountId);
  });

  it('an unknown class code creates nothing; an oversized request is refused whole', async () => {
    server = await startServer();
    const admin = await signedInAdmin(server);
    const unknown = await request(server.app, 'POST', '/admin/accounts/bulk', {
      token: admin.accessToken,
      body: { accounts: [row('ada@example.org')], classJoinCode: 'ZZZZZZZZ' },
    });
    expect(unknown.statusCode).toBe(404);
    expect(await server.services.accounts.findByEmail('ada@example.org')).toBeUndefined();

    const many = Array.from({ length: BULK_ACCOUNTS_MAX + 1 }, (_, i) => row(`l${i}@example.org`));
    const huge = await request(server.app, 'POST', '/admin/accounts/bulk', {
      token: admin.accessToken,
      body: { accounts: many },
    });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().message).toMatch(/^accounts: /);
    expect(await server.services.accounts.findByEmail('l0@example.org')).toBeUndefined();
  });
});
