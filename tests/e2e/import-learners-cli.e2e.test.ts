import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncServer } from '../../sync-server/server.js';
import { login, signedInAdmin, signedInTeacher } from '../../sync-server/testing/test-accounts.js';
import { request, startTestServer, PASSWORD } from '../../sync-server/testing/test-server.js';
import { runCli, tempDir } from './support/processes.js';

let server: SyncServer;
let url: string;
let joinCode: string;
let classId: string;
let teacherToken: string;

beforeAll(async () => {
  server = await startTestServer();
  const admin = await signedInAdmin(server, 'head@school.example');
  const teacher = await signedInTeacher(server, admin, 'teacher@school.example');
  teacherToken = teacher.accessToken;
  ({ id: classId, joinCode } = (
    await request(server.app, 'POST', '/classes', { token: teacher.accessToken, body: { name: 'Lab <1>' } })
  ).json());
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
});
afterAll(() => server.app.close());

describe('lionlearn admin import-learners', () => {
  it('creates the roster in a class, reports each row, writes escaped cards, and a re-run duplicates nothing', async () => {
    const dir = tempDir('roster-');
    const file = join(dir, 'roster.csv');
    writeFileSync(
      file,
      '\uFEFFname,email,password\r\n' +
        '"Lovelace, Ada",ada@school.example,\r\n' +
        '<b>Bo</b>,bo@school.example,bo password 1\r\n' +
        'Twin,ADA@school.example,\r\n' +
        'Bad,not-an-email,\r\n' +
        'Short,short@school.example,short\r\n',
    );
    const cards = join(dir, 'cards.html');
    const args = ['admin', 'import-learners', file, '--server', url, '--class', joinCode, '--cards', cards];
    const env = { LIONLEARN_SERVER_EMAIL: 'head@school.example', LIONLEARN_SERVER_PASSWORD: PASSWORD };

    const first = await runCli(args, env);
    expect(first.stdout.split('\n').filter((line) => line.startsWith('row '))).toEqual([
      'row 2: ada@school.example created',
      'row 3: bo@school.example created',
      'row 4: ada@school.example refused (the same email as row 1)',
      expect.stringMatching(/^row 5: not-an-email refused \(email: /),
      'row 6: short@school.example refused (password: use at least 8 characters)',
    ]);
    expect(first.stdout).toContain('2 accounts created, 0 existed, 3 refused.');
    expect(first.code).toBe(1);
    expect(first.stderr).not.toContain('deprecated');

    const html = readFileSync(cards, 'utf8');
    expect(statSync(cards).mode & 0o777).toBe(0o600);
    expect(html.match(/<section class="card">/g)).toHaveLength(2);
    expect(html).toContain('&lt;b&gt;Bo&lt;/b&gt;');
    expect(html).toContain('Lab &lt;1&gt;');
    expect(html).not.toContain('<b>Bo');
    // The generated password on Ada's card signs her in; Bo's own from the file does too.
    const generated = /Lovelace, Ada<\/h2>[\s\S]*?<code>([a-z2-9-]+)<\/code>/.exec(html)?.[1];
    expect(generated).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{5}$/);
    await login(server.app, 'ada@school.example', generated);
    await login(server.app, 'bo@school.example', 'bo password 1');
    const members = (await request(server.app, 'GET', `/classes/${classId}/members`, { token: teacherToken })).json();
    expect(members.members.map((m: { displayName: string }) => m.displayName).sort()).toEqual([
      '<b>Bo</b>',
      'Lovelace, Ada',
    ]);

    // Under the names this command read before the CLI settled on one pair: still signed in, with a warning each.
    const again = await runCli(args, {
      LIONLEARN_SERVER_ADMIN_EMAIL: 'head@school.example',
      LIONLEARN_SERVER_ADMIN_PASSWORD: PASSWORD,
    });
    expect(again.stderr).toContain('LIONLEARN_SERVER_ADMIN_EMAIL is deprecated: set LIONLEARN_SERVER_EMAIL instead.');
    expect(again.stderr).toContain(
      'LIONLEARN_SERVER_ADMIN_PASSWORD is deprecated: set LIONLEARN_SERVER_PASSWORD instead.',
    );
    expect(again.stdout).toContain('row 2: ada@school.example existed');
    expect(again.stdout).toContain('0 accounts created, 2 existed, 3 refused.');
    expect(readFileSync(cards, 'utf8')).toContain('your existing password');
    await login(server.app, 'ada@school.example', generated);
  });

  it('never takes the password from argv: without a terminal or the variable it stops before sending anything', async () => {
    const dir = tempDir('roster-');
    const file = join(dir, 'roster.csv');
    writeFileSync(file, 'Cy,cy@school.example\n');
    const refused = await runCli(
      ['admin', 'import-learners', file, '--server', url, '--admin-email', 'head@school.example'],
      { LIONLEARN_SERVER_PASSWORD: '', LIONLEARN_SERVER_ADMIN_PASSWORD: '' },
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('set LIONLEARN_SERVER_PASSWORD or run this in a terminal');
    expect(await server.services.accounts.findByEmail('cy@school.example')).toBeUndefined();
  });

  it('refuses a huge file unread, a wrong admin password and a non-admin, creating nothing', async () => {
    const dir = tempDir('roster-');
    const huge = join(dir, 'huge.csv');
    writeFileSync(huge, `Cy,cy@school.example\n${'x'.repeat(600 * 1024)}`);
    const base = ['admin', 'import-learners', '--server', url];
    const tooBig = await runCli([...base, huge], {
      LIONLEARN_SERVER_EMAIL: 'head@school.example',
      LIONLEARN_SERVER_PASSWORD: PASSWORD,
    });
    expect(tooBig.stderr).toContain('is larger than 512 KiB');
    const small = join(dir, 'small.csv');
    writeFileSync(small, 'Cy,cy@school.example\n');
    const wrong = await runCli([...base, small], {
      LIONLEARN_SERVER_EMAIL: 'head@school.example',
      LIONLEARN_SERVER_PASSWORD: 'not the password',
    });
    expect(wrong.stderr).toContain('refused the admin sign-in');
    const teacher = await runCli([...base, small], {
      LIONLEARN_SERVER_EMAIL: 'teacher@school.example',
      LIONLEARN_SERVER_PASSWORD: PASSWORD,
    });
    expect(teacher.stderr).toContain('is not an admin');
    expect(await server.services.accounts.findByEmail('cy@school.example')).toBeUndefined();
  });
});
