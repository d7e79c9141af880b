// Notifications end to end against the BUILT sync server as its own process (npm run build first): a message
// reaches a learner's devices live and after an offline spell, at least once however the server stops,
// shown (listed and alerted) once, across a server crash and a device restart; read on one device is read
// on the other.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { LearnEvent } from '../../common/contract/events.js';
import type { NotificationAlert } from '../../common/contract/notifications.js';
import { openDatabase } from '../../infra/sqlite/open-database.js';
import { createCore } from '../../main/core/create-core.js';
import { eventually } from '../../sync-server/testing/sync-clients.js';
import { PASSWORD } from '../../sync-server/testing/test-server.js';
import { ROOT } from '../e2e/support/processes.js';
import { signUp } from './support/sign-up.js';
import { startServerProcess } from './support/server-process.js';
import type { ServerProcess } from './support/server-process.js';

const silent = pino({ level: 'silent' });
const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const ADMIN = 'admin@example.org';

async function serverWithAdmin() {
  const dataDir = mkdtempSync(join(tmpdir(), 'notify-server-'));
  execFileSync(
    process.execPath,
    ['dist/sync-server/server.js', '--data-dir', dataDir, 'admin', 'create', '--email', ADMIN, '--password-env', 'PW'],
    { cwd: ROOT, env: { ...process.env, PW: PASSWORD }, stdio: 'ignore' },
  );
  const start = async (port = 0) => {
    const server = await startServerProcess(dataDir, port);
    cleanups.push(() => server.kill('SIGKILL'));
    return server;
  };
  return { dataDir, start };
}

async function signIn(origin: string, email: string): Promise<string> {
  const answer = await fetch(`${origin}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  return ((await answer.json()) as { accessToken: string }).accessToken;
}

const adminToken = (origin: string): Promise<string> => signIn(origin, ADMIN);

async function announce(origin: string, token: string, text: string): Promise<string> {
  const answer = await fetch(`${origin}/notifications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ audience: { to: 'everyone' }, text }),
  });
  expect(answer.status).toBe(202);
  return ((await answer.json()) as { messageId: string }).messageId;
}

/** A device (an app core over its own data folder) with the learner's profile open, and what it was told. */
async function device(dataDir = mkdtempSync(join(tmpdir(), 'notify-device-'))) {
  const core = await createCore({ dataDir, appVersion: '1.0.0', logger: silent, sync: { baseMs: 50, capMs: 400 } });
  const alerts: NotificationAlert[] = [];
  let unread = -1;
  core.onEvent((event: LearnEvent) => {
    if (event.type !== 'notifications') return;
    alerts.push(...event.alerts);
    unread = event.unread;
  });
  let closed = false;
  const close = async () => {
    if (!closed) await core.close();
    closed = true;
  };
  cleanups.push(close);
  return { core, dataDir, alerts, unread: () => unread, close };
}

async function linked(origin: string, email: string, dataDir?: string) {
  const d = await device(dataDir);
  const { session } = await d.core.api.createLearner({ profile: { displayName: 'Ada', avatar: 'owl', goals: [] } });
  await d.core.api.linkSyncAccount({ session, serverUrl: origin, email, password: PASSWORD });
  d.core.startSync();
  return { ...d, session };
}

const itemsOf = async (d: { core: Awaited<ReturnType<typeof device>>['core'] }, session: string) =>
  (await d.core.api.listNotifications({ session })).items.filter((item) => item.source === 'inbox');

describe('notifications through the built sync server', () => {
  it('arrive at least once and are shown once, across a server crash and a device restart', async () => {
    const { dataDir, start } = await serverWithAdmin();
    const server: ServerProcess = await start();
    await signUp(server.origin, 'ada@example.org');
    const a = await linked(server.origin, 'ada@example.org');
    const token = await adminToken(server.origin);

    // Live: the message reaches the open profile and is alerted once.
    const first = await announce(server.origin, token, 'Lab closes at 6 today.');
    await eventually(async () => (await itemsOf(a, a.session)).some((item) => item.id === first), 20_000);
    await eventually(() => a.alerts.some((alert) => alert.itemId === first), 5_000);

    // A crash right after the send answered: whether or not delivery had begun, it is written after the restart.
    const second = await announce(server.origin, token, 'Bring headphones tomorrow.');
    await server.kill('SIGKILL');
    // And the first delivery as if the crash had come between its inbox write and its delivered mark.
    const db = openDatabase(join(dataDir, 'sync.db'));
    db.prepare('UPDATE notification_deliveries SET delivered_at = NULL').run();
    db.close();
    await start(server.port);
    await eventually(async () => (await itemsOf(a, a.session)).some((item) => item.id === second), 30_000);
    await eventually(() => a.alerts.some((alert) => alert.itemId === second), 5_000);

    const ids = (await itemsOf(a, a.session)).map((item) => item.id);
    expect(ids.filter((id) => id === first)).toHaveLength(1);
    expect(ids.filter((id) => id === second)).toHaveLength(1);
    expect(a.alerts.filter((alert) => alert.itemId === first)).toHaveLength(1);

    // The device restarts: the same items, once each, none alerted again; read state kept.
    await a.core.api.markNotificationsRead({ session: a.session, ids: [first] });
    const before = await itemsOf(a, a.session);
    await a.close();
    const again = await device(a.dataDir);
    const [learner] = await again.core.api.listLearners(undefined);
    const { session } = await again.core.api.openLearnerSession({ learnerId: learner!.id });
    again.core.startSync();
    await again.core.api.syncNow({ session });
    const after = await itemsOf(again, session);
    expect(after.map(({ id, read }) => ({ id, read }))).toEqual(before.map(({ id, read }) => ({ id, read })));
    expect(after.find((item) => item.id === first)?.read).toBe(true);
    // Only items never alerted could be; these two were.
    expect(again.alerts.filter((alert) => alert.itemId === first || alert.itemId === second)).toEqual([]);
  });

  it('the app sends through the linked account: an admin to everyone, never a learner', async () => {
    const { start } = await serverWithAdmin();
    const server = await start();
    await signUp(server.origin, 'cy@example.org');
    const learner = await linked(server.origin, 'cy@example.org');
    const admin = await linked(server.origin, ADMIN);
    const message = {
      audience: { to: 'everyone' as const },
      text: 'Exams move to room 4.',
      format: 'text' as const,
      important: false,
    };

    // Refused by the app's core, from the role the sign-in carries, before the server is asked (its own refusal
    // says only the first sentence).
    await expect(learner.core.api.sendNotification({ session: learner.session, message })).rejects.toMatchObject({
      code: 'forbidden',
      message: `Only teachers and admins send messages: this profile is signed in to ${server.origin} as a learner.`,
    });
    const sent = await admin.core.api.sendNotification({ session: admin.session, message });
    expect(sent.recipients).toBe(1);
    await eventually(
      async () => (await itemsOf(learner, learner.session)).some((item) => item.id === sent.messageId),
      20_000,
    );
    const item = (await itemsOf(learner, learner.session)).find((i) => i.id === sent.messageId);
    expect(item).toMatchObject({ kind: 'announcement', from: 'Administrator', body: message.text, read: false });
  });

  it("the issue's acceptance: a teacher's message from the CLI reaches two learners' apps live, an offline one at its next sync", async () => {
    const { start } = await serverWithAdmin();
    const server = await start();
    const json = async (path: string, token: string, body: unknown, method = 'POST') => {
      const answer = await fetch(`${server.origin}${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      expect(answer.ok).toBe(true);
      return answer.json() as Promise<Record<string, string>>;
    };
    const admin = await adminToken(server.origin);
    const teacher = await signUp(server.origin, 'teacher@example.org');
    await json(`/admin/accounts/${teacher.account.id}/role`, admin, { role: 'teacher' }, 'PUT');
    // Signed in again: the role is in the access token.
    const teacherToken = await signIn(server.origin, 'teacher@example.org');
    const { joinCode } = await json('/classes', teacherToken, { name: 'Lab 1' });
    const learners = ['ann@example.org', 'ben@example.org', 'cat@example.org'];
    for (const email of learners) {
      const tokens = await signUp(server.origin, email);
      await json('/classes/join', tokens.accessToken, { joinCode });
    }
    const [ann, ben, cat] = [
      await linked(server.origin, learners[0]!),
      await linked(server.origin, learners[1]!),
      await linked(server.origin, learners[2]!),
    ];
    // Cat's app is closed (offline) when the teacher sends.
    await eventually(async () => (await itemsOf(cat!, cat!.session)).length > 0, 20_000);
    await cat!.close();

    const sent = execFileSync(
      process.execPath,
      [
        'bin/lionlearn.js',
        'notify',
        'send',
        '--server',
        server.origin,
        '--class',
        joinCode!,
        '--email',
        'teacher@example.org',
        '--text',
        'Quiz on Friday.',
      ],
      { cwd: ROOT, env: { ...process.env, LIONLEARN_SERVER_PASSWORD: PASSWORD }, encoding: 'utf8' },
    );
    expect(sent).toContain('Sent to 3 inboxes');
    const quiz = (items: { body: string }[]) => items.filter((item) => item.body === 'Quiz on Friday.');
    for (const app of [ann!, ben!]) {
      await eventually(async () => quiz(await itemsOf(app, app.session)).length === 1, 20_000);
      await eventually(() => app.alerts.some((alert) => alert.body.includes('Quiz on Friday.')), 5_000);
    }

    // Cat opens the app again: the message arrives at its first sync, once.
    const again = await device(cat!.dataDir);
    const [profile] = await again.core.api.listLearners(undefined);
    const { session } = await again.core.api.openLearnerSession({ learnerId: profile!.id });
    again.core.startSync();
    await eventually(async () => quiz(await itemsOf(again, session)).length === 1, 20_000);
  });

  it("a message reaches a learner's two devices, one offline until later; read on one is read on the other", async () => {
    const { start } = await serverWithAdmin();
    const server = await start();
    await signUp(server.origin, 'bo@example.org');
    const a = await linked(server.origin, 'bo@example.org');
    const b = await linked(server.origin, 'bo@example.org');
    await b.core.api.unlinkSyncAccount({ session: b.session }).catch(() => undefined);
    const token = await adminToken(server.origin);
    const id = await announce(server.origin, token, 'Welcome to the **spring** term.');
    await eventually(async () => (await itemsOf(a, a.session)).some((item) => item.id === id), 20_000);

    // B was offline (unlinked); linked again, it gets the message at its next sync.
    await b.core.api.linkSyncAccount({
      session: b.session,
      serverUrl: server.origin,
      email: 'bo@example.org',
      password: PASSWORD,
    });
    await eventually(async () => (await itemsOf(b, b.session)).some((item) => item.id === id), 20_000);

    await a.core.api.markNotificationsRead({ session: a.session, ids: [id] });
    await eventually(async () => (await itemsOf(b, b.session)).find((item) => item.id === id)?.read === true, 20_000);
    // Dismissed on B: gone from A's list too.
    await b.core.api.dismissNotifications({ session: b.session, ids: [id] });
    await eventually(async () => !(await itemsOf(a, a.session)).some((item) => item.id === id), 20_000);
  });
});
