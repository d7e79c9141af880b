import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { wireName } from '../../common/contract/sync-docs.js';
import { SYNC_ROOTS } from '../../common/contract/sync-wire.js';
import { pgRedisAvailable, startPostgres } from '../../tests/support/pg-redis.js';
import { DocStore } from '../documents/doc-store.js';
import type { SyncServer, SyncServerOptions } from '../server.js';
import { capturedLogs } from '../testing/captured-logs.js';
import { login, PASSWORD, request, signedInAdmin, startTestServer } from '../testing/test-server.js';
import type { EmailOptions } from './email-config.js';
import { emailOptionsFrom } from './email-config.js';
import { closedPort, silentServer, startTestSmtp } from './email-test-smtp.js';

const PUBLIC_URL = 'https://sync.school.example';
const BASE_MS = 60_000;
/** Wednesday 2 December 2026, 10:00 UTC. */
const WEDNESDAY = Date.UTC(2026, 11, 2, 10);
const HOUR = 60 * 60_000;

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A clock the test moves (the email's backoff and digest periods read it; nothing waits on real time). */
const clock = (start: number) => {
  const state = { at: start };
  return { state, now: () => new Date(state.at) };
};

const emailOptions = (smtpUrl: string, more: Partial<EmailOptions> = {}): EmailOptions => ({
  ...emailOptionsFrom({ smtpUrl, from: 'Class server <noreply@school.example>', publicUrl: PUBLIC_URL })!,
  retryBaseMs: BASE_MS,
  ...more,
});

async function start(overrides: Partial<SyncServerOptions>): Promise<SyncServer> {
  const server = await startTestServer(overrides);
  cleanups.push(() => server.app.close());
  await server.app.ready();
  return server;
}

/** An account registered with any display name (the registration does not refuse line breaks in it). */
async function account(server: SyncServer, email: string, displayName = email.split('@')[0]!) {
  const answer = await request(server.app, 'POST', '/auth/register', {
    body: { email, password: PASSWORD, displayName },
  });
  expect(answer.statusCode).toBe(201);
  return (answer.json() as { accountId: string }).accountId;
}

/** A class with a teacher and learners; answers the teacher's token and the class id. */
async function classroom(server: SyncServer, learners: string[], teacherName = 'Ms Rivera') {
  const admin = await signedInAdmin(server);
  const teacherId = await account(server, 'teacher@example.org', teacherName);
  await request(server.app, 'PUT', `/admin/accounts/${teacherId}/role`, {
    token: admin.accessToken,
    body: { role: 'teacher' },
  });
  const teacher = await login(server.app, 'teacher@example.org');
  const made = await request(server.app, 'POST', '/classes', { token: teacher.accessToken, body: { name: 'Py' } });
  const { id: classId, joinCode } = made.json() as { id: string; joinCode: string };
  const ids: string[] = [];
  for (const email of learners) {
    ids.push(await account(server, email));
    const learner = await login(server.app, email);
    await request(server.app, 'POST', '/classes/join', { token: learner.accessToken, body: { joinCode } });
  }
  return { admin, teacher, classId, ids };
}

/** What a device does when the learner changes a setting: a key of the synced prefs document. */
async function choosePref(server: SyncServer, accountId: string, key: string, value: string) {
  const docs = new DocStore(server.store);
  const doc = new Y.Doc();
  for (const update of (await docs.load(wireName(accountId, 'prefs'))).updates) Y.applyUpdate(doc, update);
  const before = Y.encodeStateVector(doc);
  doc.getMap(SYNC_ROOTS.prefs.name).set(key, value);
  await docs.append(wireName(accountId, 'prefs'), Y.encodeStateAsUpdate(doc, before));
}
/** The learner picks a digest in Settings. */
const chooseDigest = (server: SyncServer, accountId: string, cadence: string) =>
  choosePref(server, accountId, 'notifications.emailDigest', cadence);

const outboxRows = (server: SyncServer) =>
  server.store.all<{
    id: string;
    attempts: number;
    next_attempt_at: number;
    sent_at: number | null;
    failed_at: number | null;
  }>('SELECT id, attempts, next_attempt_at, sent_at, failed_at FROM email_outbox ORDER BY id');

const send = (server: SyncServer, token: string, body: unknown) =>
  request(server.app, 'POST', '/notifications', { token, body });

/** The path and query of a link in a mail, for app.inject. */
const pathOf = (url: string) => url.slice(PUBLIC_URL.length);
const linkIn = (text: string) => /https:\/\/sync\.school\.example\/email\/unsubscribe\?token=\S+/.exec(text)![0];

describe('email', { timeout: 60_000 }, () => {
  it('mails an important message to each recipient with an address, with the unsubscribe link; others only inbox', async () => {
    const smtp = await startTestSmtp();
    cleanups.push(smtp.close);
    const server = await start({ email: emailOptions(smtp.url) });
    const { teacher, classId, ids } = await classroom(server, ['ada@example.org', 'bob@example.org']);

    // The flag is a boolean or absent; anything else is refused, so a typo never mails a class by accident.
    for (const important of ['yes', 1, null, {}]) {
      const refused = await send(server, teacher.accessToken, {
        audience: { to: 'class', classId },
        text: 'x',
        important,
      });
      expect({ important, status: refused.statusCode }).toEqual({ important, status: 400 });
    }
    const plain = await send(server, teacher.accessToken, {
      audience: { to: 'class', classId },
      text: 'Not important.',
    });
    expect(plain.statusCode).toBe(202);
    const answer = await send(server, teacher.accessToken, {
      audience: { to: 'class', classId },
      title: 'Quiz moved to <Friday> & "later"',
      text: 'Bring <script>alert(1)</script> a pencil.\nSecond line.',
      important: true,
    });
    expect(answer.statusCode).toBe(202);
    const mails = await smtp.received(2);
    await server.email!.sender.idle();
    expect(mails).toHaveLength(2);
    const ada = mails.find((mail) => mail.rcptTo[0] === 'ada@example.org')!;
    expect(ada.rcptTo).toEqual(['ada@example.org']);
    expect(ada.header('To')).toBe('ada <ada@example.org>');
    expect(ada.header('From')).toBe('Class server <noreply@school.example>');
    expect(ada.header('Subject')).toBe('Important: Quiz moved to <Friday> & "later"');
    expect(ada.text).toContain('Bring <script>alert(1)</script> a pencil.\nSecond line.');
    expect(ada.text).toContain('From Ms Rivera');
    // The HTML part carries every user string escaped: no markup of the sender's reaches the mail client.
    expect(ada.html).toContain('Bring &lt;script&gt;alert(1)&lt;/script&gt; a pencil.');
    expect(ada.html).toContain('Quiz moved to &lt;Friday&gt; &amp; &quot;later&quot;');
    expect(ada.html).not.toContain('<script>');
    const link = linkIn(ada.text);
    expect(ada.html).toContain(`href="${link}"`);
    expect(ada.header('List-Unsubscribe')).toContain(link);
    // The link is Ada's: it turns her digest off.
    await chooseDigest(server, ids[0]!, 'daily');
    expect((await request(server.app, 'GET', pathOf(link))).statusCode).toBe(200);
    expect(await server.email!.digest['preference'].cadence(ids[0]!)).toBeUndefined();
  });

  it('mails each recipient in the language they chose in the app, English when it is left to their machine', async () => {
    const smtp = await startTestSmtp();
    cleanups.push(smtp.close);
    const server = await start({ email: emailOptions(smtp.url) });
    const { teacher, classId, ids } = await classroom(server, ['ada@example.org', 'bob@example.org']);
    await choosePref(server, ids[0]!, 'language', 'de');
    await choosePref(server, ids[1]!, 'language', 'system');
    // No title: the server's own "Message from …", which each recipient reads in their language.
    const answer = await send(server, teacher.accessToken, {
      audience: { to: 'class', classId },
      text: 'Bring a pencil.',
      important: true,
    });
    expect(answer.statusCode).toBe(202);
    const mails = await smtp.received(2);
    const ada = mails.find((mail) => mail.rcptTo[0] === 'ada@example.org')!;
    const bob = mails.find((mail) => mail.rcptTo[0] === 'bob@example.org')!;
    expect(ada.header('Subject')).toBe('Wichtig: Nachricht von Ms Rivera');
    expect(ada.text).toContain('Von Ms Rivera');
    expect(ada.text).toContain('Zusammenfassung per E-Mail abbestellen: https://');
    expect(ada.html).toContain('<html lang="de">');
    expect(ada.text).not.toMatch(/You get this|Stop the email digest|From Ms/);
    expect(bob.header('Subject')).toBe('Important: Message from Ms Rivera');
    expect(bob.text).toContain('Stop the email digest: https://');

    // The unsubscribe page speaks the account's language; without one, the browser's.
    const open = (link: string, language?: string) =>
      server.app.inject({ method: 'GET', url: pathOf(link), headers: language ? { 'accept-language': language } : {} });
    const adaPage = await open(linkIn(ada.text), 'en');
    expect(adaPage.body).toContain('<html lang="de">');
    expect(adaPage.body).toContain('Abbestellt');
    expect((await open(linkIn(bob.text), 'de-AT, en;q=0.5')).body).toContain('<h1>Abbestellt</h1>');
    expect((await open(linkIn(bob.text))).body).toContain('<h1>Unsubscribed</h1>');
    const forged = await open('https://sync.school.example/email/unsubscribe?token=x.y', 'de');
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain('Dieser Link ist nicht gültig');
  });

  it('sends no email when SMTP is not configured (the default)', async () => {
    const server = await start({});
    const { teacher, classId } = await classroom(server, ['ada@example.org']);
    const answer = await send(server, teacher.accessToken, {
      audience: { to: 'class', classId },
      text: 'hi',
      important: true,
    });
    expect(answer.statusCode).toBe(202);
    expect(server.email).toBeUndefined();
    expect(await outboxRows(server)).toEqual([]);
    expect(emailOptionsFrom({ from: 'x@example.org', publicUrl: PUBLIC_URL })).toBeUndefined();
  });

  it('refuses incomplete or unsafe email settings at start', () => {
    for (const settings of [
      { smtpUrl: 'smtp://127.0.0.1:25' },
      { smtpUrl: 'smtp://127.0.0.1:25', from: 'noreply@school.example' },
      { smtpUrl: 'http://127.0.0.1:25', from: 'noreply@school.example', publicUrl: PUBLIC_URL },
      { smtpUrl: 'smtp://127.0.0.1:25', from: 'a@b.example\r\nBcc: c@d.example', publicUrl: PUBLIC_URL },
      { smtpUrl: 'smtp://127.0.0.1:25', from: 'noreply@school.example', publicUrl: 'javascript:alert(1)' },
    ]) {
      expect(() => emailOptionsFrom(settings)).toThrow(/email settings/);
    }
  });

  it('neutralises line breaks in names and titles: no injected header, no extra recipient', async () => {
    const smtp = await startTestSmtp();
    cleanups.push(smtp.close);
    const server = await start({ email: emailOptions(smtp.url) });
    const admin = await signedInAdmin(server);
    const victim = await account(server, 'ada@example.org', 'Ada\r\nBcc: thief@evil.example\r\nX-Injected: to');
    for (const title of ['Hi\nBcc: thief@evil.example', 'Hi\n\nbody', 'Hi\u2028X-Injected: yes']) {
      const answer = await send(server, admin.accessToken, {
        audience: { to: 'learner', accountId: victim },
        title,
        text: 'x',
        important: true,
      });
      // The contract refuses some of these (carriage returns, control characters); what it accepts is mailed safely.
      expect([202, 400]).toContain(answer.statusCode);
    }
    const accepted = Number((await server.store.get<{ n: number }>('SELECT count(*) AS n FROM email_outbox'))!.n);
    expect(accepted).toBeGreaterThan(0);
    const mails = await smtp.received(accepted);
    for (const mail of mails) {
      expect(mail.rcptTo).toEqual(['ada@example.org']);
      expect(mail.headers).not.toMatch(/^(bcc|x-injected):/im);
      expect(mail.header('Subject')).not.toMatch(/[\r\n\u2028]/);
      expect(mail.header('To')).toContain('<ada@example.org>');
      expect(mail.header('To')).not.toMatch(/[\r\n]/);
    }
  });

  it('mails a daily or weekly digest to those who opted in, once per period', async () => {
    const smtp = await startTestSmtp();
    cleanups.push(smtp.close);
    const time = clock(WEDNESDAY);
    // Access tokens outlive the test's week: the clock moves, the teacher stays signed in.
    const server = await start({ email: emailOptions(smtp.url), now: time.now, accessTtlSeconds: 30 * 24 * 3600 });
    const { teacher, classId, ids } = await classroom(server, ['ada@example.org', 'bob@example.org', 'cy@example.org']);
    const [ada, bob, cy] = ids as [string, string, string];
    await chooseDigest(server, ada, 'daily');
    await chooseDigest(server, bob, 'off');
    await chooseDigest(server, cy, 'weekly');
    // Cy reads the app in German: so does the digest, the server's own titles in it included.
    await choosePref(server, cy, 'language', 'de');
    for (const text of ['Read chapter 3.', 'Quiz <b>moved</b>.']) {
      time.state.at += HOUR;
      expect((await send(server, teacher.accessToken, { audience: { to: 'class', classId }, text })).statusCode).toBe(
        202,
      );
    }
    const digest = server.email!.digest;
    // The day has not ended: nothing yet.
    expect(await digest.run()).toBe(0);
    time.state.at = Date.UTC(2026, 11, 3, 0, 30); // Thursday 00:30
    expect(await digest.run()).toBe(1);
    expect(await digest.run()).toBe(0);
    await server.email!.sender.kick();
    const [daily] = await smtp.received(1);
    expect(daily!.rcptTo).toEqual(['ada@example.org']);
    expect(daily!.header('Subject')).toBe('Your daily digest: 2 new messages');
    expect(daily!.text).toMatch(/Read chapter 3\.[\s\S]*Quiz <b>moved<\/b>\./);
    expect(daily!.html).toContain('Quiz &lt;b&gt;moved&lt;/b&gt;.');
    expect(daily!.text).toContain(`${PUBLIC_URL}/email/unsubscribe?token=`);

    // A message on Thursday is in Friday's digest, alone.
    expect(
      (await send(server, teacher.accessToken, { audience: { to: 'class', classId }, text: 'Thursday note.' }))
        .statusCode,
    ).toBe(202);
    time.state.at = Date.UTC(2026, 11, 7, 0, 30); // the next Monday 00:30: the week ended, and Ada's days
    expect(await digest.run()).toBe(2);
    await server.email!.sender.kick();
    const mails = await smtp.received(3);
    const weekly = mails.find((mail) => mail.rcptTo[0] === 'cy@example.org')!;
    expect(weekly.header('Subject')).toBe('Deine wöchentliche Zusammenfassung: 3 neue Nachrichten');
    expect(weekly.text).toContain('3 neue Nachrichten diese Woche in deinem Posteingang:');
    expect(weekly.text).toContain('Nachricht von Ms Rivera\nVon Ms Rivera');
    expect(weekly.text).not.toMatch(/Message from|You get this/);
    const adaAgain = mails.filter((mail) => mail.rcptTo[0] === 'ada@example.org');
    expect(adaAgain[1]!.header('Subject')).toBe('Your daily digest: 1 new message');
    expect(adaAgain[1]!.text).toContain('Thursday note.');
    expect(adaAgain[1]!.text).not.toContain('Read chapter 3.');
    expect(mails.some((mail) => mail.rcptTo.includes('bob@example.org'))).toBe(false);
  });

  it('unsubscribes by the link, idempotently, and refuses a forged or edited token', async () => {
    const smtp = await startTestSmtp();
    cleanups.push(smtp.close);
    const server = await start({ email: emailOptions(smtp.url) });
    const { ids, teacher } = await classroom(server, ['ada@example.org', 'bob@example.org']);
    const [ada, bob] = ids as [string, string];
    await chooseDigest(server, ada, 'weekly');
    await chooseDigest(server, bob, 'daily');
    const preference = server.email!.digest['preference'];
    const link = server.email!.unsubscribeUrl(ada);
    const token = decodeURIComponent(new URL(link).searchParams.get('token')!);
    const [, mac] = token.split('.') as [string, string];
    const flipped = `${mac.slice(0, 10)}${mac[10] === 'A' ? 'B' : 'A'}${mac.slice(11)}`;
    const other = await startTestServer(); // another server: another secret
    cleanups.push(() => other.app.close());
    const foreign = (await import('./email-unsubscribe-token.js')).UnsubscribeTokens;
    const forged = [
      `${bob}.${mac}`, // Ada's signature on Bob's id
      `${ada}.${flipped}`, // one character of the signature changed
      `${ada}.${mac.slice(0, -1)}`,
      `${ada}.`,
      ada,
      '',
      new foreign(new TextEncoder().encode('x'.repeat(40))).sign(bob), // signed with another key
      teacher.accessToken,
      `${token}&token=${token}`,
    ];
    for (const bad of forged) {
      const answer = await request(server.app, 'GET', `/email/unsubscribe?token=${encodeURIComponent(bad)}`);
      expect({ bad, status: answer.statusCode }).toEqual({ bad, status: 400 });
    }
    expect((await request(server.app, 'GET', '/email/unsubscribe')).statusCode).toBe(400);
    expect(await preference.cadence(bob)).toBe('daily');
    expect(await preference.cadence(ada)).toBe('weekly');
    // The token is no sign-in: it opens no other route.
    expect((await send(server, token, { audience: { to: 'everyone' }, text: 'hi' })).statusCode).toBe(401);

    for (let i = 0; i < 2; i++) {
      const answer = await request(server.app, 'GET', pathOf(link));
      expect(answer.statusCode).toBe(200);
      expect(answer.body).toContain('Unsubscribed');
    }
    expect(await preference.cadence(ada)).toBeUndefined();
    expect(await preference.cadence(bob)).toBe('daily');
    // Written into the synced prefs document, where the app reads it.
    const doc = new Y.Doc();
    for (const update of (await new DocStore(server.store).load(wireName(ada, 'prefs'))).updates)
      Y.applyUpdate(doc, update);
    expect(doc.getMap(SYNC_ROOTS.prefs.name).get('notifications.emailDigest')).toBe('off');
  });

  it('retries with backoff while SMTP refuses or is down, answering sends at once, then gives up with a log line', async () => {
    const smtp = await startTestSmtp();
    cleanups.push(smtp.close);
    smtp.state.refusing = true;
    const { lines, logger } = capturedLogs('warn');
    const time = clock(WEDNESDAY);
    const server = await start({ email: emailOptions(smtp.url, { maxAttempts: 4 }), now: time.now, logger });
    const { teacher, classId } = await classroom(server, ['ada@example.org']);
    const important = { audience: { to: 'class', classId }, text: 'hi', important: true };
    expect((await send(server, teacher.accessToken, important)).statusCode).toBe(202);
    const sender = server.email!.sender;
    await sender.kick();
    await sender.idle();
    let [row] = await outboxRows(server);
    expect(row).toMatchObject({ attempts: 1, next_attempt_at: WEDNESDAY + BASE_MS, sent_at: null });
    // Not due yet: a round changes nothing.
    await sender.kick();
    await sender.idle();
    expect((await outboxRows(server))[0]!.attempts).toBe(1);
    time.state.at = WEDNESDAY + BASE_MS;
    await sender.kick();
    await sender.idle();
    [row] = await outboxRows(server);
    expect(row).toMatchObject({ attempts: 2, next_attempt_at: WEDNESDAY + 3 * BASE_MS });

    // Then the SMTP server is gone altogether (connection refused): the same backoff, doubled again.
    await smtp.close();
    cleanups.pop();
    time.state.at = WEDNESDAY + 3 * BASE_MS;
    await sender.kick();
    await sender.idle();
    expect((await outboxRows(server))[0]).toMatchObject({ attempts: 3, next_attempt_at: WEDNESDAY + 7 * BASE_MS });
    time.state.at = WEDNESDAY + 7 * BASE_MS;
    await sender.kick();
    await sender.idle();
    expect((await outboxRows(server))[0]).toMatchObject({
      attempts: 4,
      failed_at: WEDNESDAY + 7 * BASE_MS,
      sent_at: null,
    });
    expect(lines.filter((line) => line.includes('will retry'))).toHaveLength(3);
    expect(lines.filter((line) => line.includes('email: given up'))).toHaveLength(1);
    // Given-up (and sent) mails are forgotten after 30 days, not kept forever.
    expect(await server.email!.outbox.prune(WEDNESDAY + 7 * BASE_MS)).toBe(0);
    expect(await server.email!.outbox.prune(WEDNESDAY + 7 * BASE_MS + 1)).toBe(1);
    expect(await outboxRows(server)).toEqual([]);
  });

  it('answers a send at once while the SMTP server hangs', async () => {
    const silent = await silentServer();
    const server = await start({ email: emailOptions(`smtp://127.0.0.1:${silent.port}`) });
    const { teacher, classId } = await classroom(server, ['ada@example.org']);
    const important = { audience: { to: 'class', classId }, text: 'hi', important: true };
    expect((await send(server, teacher.accessToken, important)).statusCode).toBe(202);
    await silent.connected;
    // The mail is in flight (the server has not even greeted): the answer did not wait for it.
    expect((await outboxRows(server))[0]).toMatchObject({ attempts: 0, sent_at: null });
    // The SMTP server hangs up: the attempt fails at once and waits for its retry; nothing waits for a timeout.
    await silent.close();
    await server.email!.sender.idle();
    expect((await outboxRows(server))[0]).toMatchObject({ attempts: 1, sent_at: null });
  });

  it('sends a mail queued before a restart once the server is back', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sync-email-'));
    const time = clock(WEDNESDAY);
    const first = await startTestServer({
      dataDir,
      email: emailOptions(`smtp://127.0.0.1:${await closedPort()}`),
      now: time.now,
    });
    await first.app.ready();
    const { teacher, classId } = await classroom(first, ['ada@example.org']);
    const answer = await send(first, teacher.accessToken, {
      audience: { to: 'class', classId },
      text: 'After the restart.',
      important: true,
    });
    expect(answer.statusCode).toBe(202);
    await first.email!.sender.kick();
    await first.email!.sender.idle();
    expect((await outboxRows(first))[0]).toMatchObject({ attempts: 1, sent_at: null });
    await first.app.close();

    const smtp = await startTestSmtp();
    cleanups.push(smtp.close);
    time.state.at = WEDNESDAY + BASE_MS;
    const second = await start({ dataDir, email: emailOptions(smtp.url), now: time.now });
    // Nothing is sent by hand: the restarted server's own loop finds the queued mail.
    const [mail] = await smtp.received(1);
    expect(mail!.rcptTo).toEqual(['ada@example.org']);
    expect(mail!.text).toContain('After the restart.');
    await second.email!.sender.idle();
    expect((await outboxRows(second))[0]).toMatchObject({ attempts: 2, sent_at: WEDNESDAY + BASE_MS });
  });
});

// The same outbox, digest and unsubscribe statements once against a real PostgreSQL server.
describe.skipIf(!pgRedisAvailable)('email on PostgreSQL (skipped when PostgreSQL is not installed)', () => {
  it('queues, retries, sends, digests and unsubscribes', { timeout: 120_000 }, async () => {
    const postgres = await startPostgres();
    cleanups.push(() => postgres.stop());
    const smtp = await startTestSmtp();
    cleanups.push(smtp.close);
    smtp.state.refusing = true;
    const time = clock(WEDNESDAY);
    const server = await start({
      databaseUrl: postgres.url,
      tokenSecret: 'a-secret-of-more-than-thirty-two-characters',
      email: emailOptions(smtp.url),
      now: time.now,
      accessTtlSeconds: 30 * 24 * 3600,
    });
    const { teacher, classId, ids } = await classroom(server, ['ada@example.org']);
    await chooseDigest(server, ids[0]!, 'daily');
    const body = { audience: { to: 'class', classId }, text: 'On PostgreSQL.', important: true };
    expect((await send(server, teacher.accessToken, body)).statusCode).toBe(202);
    const sender = server.email!.sender;
    await sender.kick();
    await sender.idle();
    expect((await outboxRows(server))[0]).toMatchObject({ attempts: 1, next_attempt_at: WEDNESDAY + BASE_MS });
    smtp.state.refusing = false;
    time.state.at = Date.UTC(2026, 11, 3, 0, 30);
    expect(await server.email!.digest.run()).toBe(1);
    expect(await server.email!.digest.run()).toBe(0);
    await sender.kick();
    const mails = await smtp.received(2);
    expect(mails.map((mail) => mail.header('Subject')).sort()).toEqual([
      'Important: Message from Ms Rivera',
      'Your daily digest: 1 new message',
    ]);
    expect((await request(server.app, 'GET', pathOf(linkIn(mails[0]!.text)))).statusCode).toBe(200);
    expect(await server.email!.digest['preference'].cadence(ids[0]!)).toBeUndefined();
  });
});
