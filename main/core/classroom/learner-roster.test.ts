import { describe, expect, it } from 'vitest';
import { BULK_ACCOUNTS_MAX } from '../../../common/contract/classes.js';
import { generatePassword, MAX_ROSTER_BYTES, readRoster } from './learner-roster.js';
import { signInCardsHtml } from './sign-in-cards.js';

let made = 0;
const fixed = () => `generated-${++made}`;

describe('readRoster', () => {
  it('reads a header in any column order, generates missing passwords and numbers rows as a spreadsheet does', () => {
    made = 0;
    const roster = readRoster(
      '\uFEFFEmail,Password,Name\r\nada@x.org,,Ada\r\nbo@x.org,given pw 1,"Bo, B"\r\n,,Nobody\r\n',
      fixed,
    );
    expect(roster.rows).toEqual([
      { row: 2, name: 'Ada', email: 'ada@x.org', password: 'generated-1', generated: true },
      { row: 3, name: 'Bo, B', email: 'bo@x.org', password: 'given pw 1', generated: false },
    ]);
    expect(roster.skipped).toEqual([{ row: 4, reason: expect.stringMatching(/^no email/) }]);
  });

  it('reads name, email, password by position without a header', () => {
    made = 0;
    expect(readRoster('Ada,ada@x.org\nBo,bo@x.org,pw pw pw pw\n', fixed).rows.map((r) => [r.row, r.password])).toEqual([
      [1, 'generated-1'],
      [2, 'pw pw pw pw'],
    ]);
  });

  it('refuses a huge file and more learners than one request takes, before anything is sent', () => {
    expect(() => readRoster('x'.repeat(MAX_ROSTER_BYTES + 1))).toThrow(/larger than 512 KiB/);
    const many = Array.from({ length: BULK_ACCOUNTS_MAX + 1 }, (_, i) => `L${i},l${i}@x.org`).join('\n');
    expect(() => readRoster(many)).toThrow(`at most ${BULK_ACCOUNTS_MAX} at a time`);
  });

  it('generates passwords long enough for the server and easy to type', () => {
    const passwords = new Set(Array.from({ length: 200 }, generatePassword));
    expect(passwords.size).toBe(200);
    for (const password of passwords) expect(password).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{5}$/);
  });
});

describe('signInCardsHtml', () => {
  it('escapes every value from the file: names, emails, passwords, the class and the server', () => {
    const hostile = `<img src=x onerror=alert(1)>"'&`;
    const html = signInCardsHtml({
      serverUrl: `http://lab/${hostile}`,
      className: hostile,
      cards: [
        { name: hostile, email: `${hostile}@x.org`, password: hostile },
        { name: '', email: 'old@x.org', password: null },
      ],
    });
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/"'&</);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;');
    // One card per learner; an existing account's card does not invent a password.
    expect(html.match(/<section class="card">/g)).toHaveLength(2);
    expect(html).toContain('<h2>old@x.org</h2>');
    expect(html).toContain('your existing password');
    expect(html).toContain('@media print');
  });
});
