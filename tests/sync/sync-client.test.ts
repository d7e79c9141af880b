// The sync client inside the app core against the real sync server, in one process: two devices
// (two app data folders) of one learner, each with its own SQLite database, linked to one account.
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { LearnEvent } from '../../common/contract/events.js';
import type { RecordInput, TrackInput } from '../../common/contract/progress.js';
import type { SyncStatus } from '../../common/contract/sync.js';
import { openDatabase } from '../../infra/sqlite/open-database.js';
import { createCore } from '../../main/core/create-core.js';
import type { Core } from '../../main/core/create-core.js';
import { CORE_DATABASE_FILE } from '../../main/core/db/core-database.js';
import { projectionRows } from '../../main/core/progress/testing/projection-rows.js';
import type { SyncServer } from '../../sync-server/server.js';
import { eventually, stockClient, wsBase } from '../../sync-server/testing/sync-clients.js';
import { login, registerAccount, signedInAdmin, signedInTeacher } from '../../sync-server/testing/test-accounts.js';
import { PASSWORD, request, startTestServer } from '../../sync-server/testing/test-server.js';
import { MAX_CODE_CHARS } from '../../common/contract/playground.js';
import { draftNoteKey, submissionNoteKey, SYNC_ROOTS } from '../../common/contract/sync-wire.js';

const silent = pino({ level: 'silent' });
const EMAIL = 'ada@example.org';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A sync server on a loopback port; `restart` brings it back on the same port and data after `stop`. */
async function server(dataDir = mkdtempSync(join(tmpdir(), 'sync-server-')), port = 0, accessTtlSeconds?: number) {
  const running: SyncServer = await startTestServer({ dataDir, ...(accessTtlSeconds ? { accessTtlSeconds } : {}) });
  await running.app.listen({ port, host: '127.0.0.1' });
  const { port: bound } = running.app.server.address() as AddressInfo;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await running.app.close();
  };
  cleanups.push(stop);
  return { ...running, url: `http://127.0.0.1:${bound}`, dataDir, port: bound, stop };
}

async function device(dataDir = mkdtempSync(join(tmpdir(), 'sync-device-'))) {
  const core = await createCore({
    dataDir,
    appVersion: '1.0.0',
    logger: silent,
    // Quick retries, so a test sees the reconnect; the bounds themselves are unit-tested.
    sync: { baseMs: 50, capMs: 400 },
  });
  core.startSync();
  const statuses: SyncStatus[] = [];
  core.onEvent((event: LearnEvent) => event.type === 'sync-status' && statuses.push(event.status));
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await core.close();
  };
  cleanups.push(close);
  return { core, dataDir, statuses, close };
}

async function learnerOn(core: Core, displayName = 'Ada') {
  return (await core.api.createLearner({ profile: { displayName, avatar: 'owl', goals: [] } })).session;
}

/** An account on the server and a device whose new learner is linked to it. */
async function linkedDevice(srv: { app: Parameters<typeof registerAccount>[0]; url: string }) {
  const accountId = await registerAccount(srv.app, EMAIL);
  const a = await device();
  const session = await learnerOn(a.core);
  await a.core.api.linkSyncAccount({ session, serverUrl: srv.url, email: EMAIL, password: PASSWORD });
  return { accountId, a, session };
}

const stateOf = async (core: Core, session: string) => (await core.api.getSyncStatus({ session })).state;
const until = (check: () => Promise<boolean>) => eventually(check, 10_000);
const synced = (core: Core, session: string) =>
  until(async () => {
    const status = await core.api.getSyncStatus({ session });
    return status.state === 'synced' && status.pending === 0;
  });

const lessonOpened = (lessonId: string, timestamp?: string): TrackInput => ({
  type: 'LessonOpened',
  data: { lessonId },
  ...(timestamp ? { timestamp } : {}),
});
// Quiz answers are the core's own record (it grades them), so tests give them through recordProgress.
const quiz = (quizItemId: string, correct: boolean): RecordInput => ({
  type: 'QuizAnswered',
  data: { quizItemId, correct, answer: '42', timeSpentMs: 9000, skills: ['p/loops'] },
});

async function eventIds(core: Core, session: string) {
  const file = (await core.api.exportLearner({ session })).file;
  const { readFileSync } = await import('node:fs');
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => (JSON.parse(line) as { eventId: string }).eventId)
    .sort();
}

/** Every projection row of the device's learners, and the same after a rebuild from the log. */
async function projectionsAndRebuild(dataDir: string, core: Core) {
  const read = () => {
    const db = openDatabase(join(dataDir, CORE_DATABASE_FILE));
    try {
      return projectionRows(db);
    } finally {
      db.close();
    }
  };
  const before = read();
  core.rebuildProgress();
  return { before, after: read() };
}

describe('the sync client in the app core', { timeout: 30_000 }, () => {
  it('converges two devices whose events were made offline, with equal projections and summaries', async () => {
    const srv = await server();
    await registerAccount(srv.app, EMAIL);
    const a = await device();
    const b = await device();
    const sessionA = await learnerOn(a.core);
    const sessionB = await learnerOn(b.core, 'Ada at home');
    await a.core.api.trackProgress({ session: sessionA, event: lessonOpened('p/before-link') });

    const linked = await a.core.api.linkSyncAccount({
      session: sessionA,
      serverUrl: `${srv.url}/`,
      email: EMAIL,
      password: PASSWORD,
    });
    expect(linked.serverUrl).toBe(srv.url);
    await synced(a.core, sessionA);
    await b.core.api.linkSyncAccount({ session: sessionB, serverUrl: srv.url, email: EMAIL, password: PASSWORD });
    await synced(b.core, sessionB);
    // The event A recorded before linking reached B.
    expect(await eventIds(b.core, sessionB)).toEqual(await eventIds(a.core, sessionA));

    await srv.stop();
    await until(async () => (await stateOf(a.core, sessionA)) === 'offline');
    await until(async () => (await stateOf(b.core, sessionB)) === 'offline');
    await a.core.recordProgress(sessionA, [quiz('p/q1', true), quiz('p/q2', false)]);
    await a.core.api.trackProgress({ session: sessionA, event: lessonOpened('p/l1') });
    await b.core.recordProgress(sessionB, [
      quiz('p/q1', false),
      lessonOpened('p/old-term', '2025-03-01T09:00:00.000Z'),
    ]);
    await a.core.api.updatePreferences({ session: sessionA, preferences: { theme: 'dark' } });
    const offlineA = await a.core.api.getSyncStatus({ session: sessionA });
    expect(offlineA).toMatchObject({ state: 'offline', pending: 4 });
    expect(offlineA.message).toMatch(/Offline/);
    expect(await b.core.api.getSyncStatus({ session: sessionB })).toMatchObject({ state: 'offline', pending: 2 });

    await server(srv.dataDir, srv.port);
    await synced(a.core, sessionA);
    await synced(b.core, sessionB);
    // A closed its socket of the earlier term once that was in sync, possibly before B's event of
    // that term arrived: the next connection (Sync now, or the token renewal) fetches it.
    await a.core.api.syncNow({ session: sessionA });
    await synced(a.core, sessionA);
    await until(async () => (await eventIds(a.core, sessionA)).length === 6);
    await until(async () => (await eventIds(b.core, sessionB)).length === 6);
    expect(await eventIds(a.core, sessionA)).toEqual(await eventIds(b.core, sessionB));
    await until(async () => (await b.core.api.getUserPreferences({ session: sessionB })).theme === 'dark');

    const summaryOf = (core: Core, session: string) =>
      core.api.getProgressSummary({ session, tzOffsetMinutes: 0, days: 30 });
    const [summaryA, summaryB] = [await summaryOf(a.core, sessionA), await summaryOf(b.core, sessionB)];
    expect({ ...summaryA, learnerId: null }).toEqual({ ...summaryB, learnerId: null });
    expect(summaryA.quizItemsCorrect).toBe(1);
    for (const { core, dataDir } of [a, b]) {
      const { before, after } = await projectionsAndRebuild(dataDir, core);
      expect(after).toEqual(before);
    }
    expect(a.statuses.map((s) => s.state)).toEqual(expect.arrayContaining(['syncing', 'synced', 'offline']));
    expect((await a.core.api.getSyncStatus({ session: sessionA })).syncedAt).not.toBeNull();
  });

  it('syncs a log larger than the server’s 8 MiB frame limit, in parts', async () => {
    const srv = await server();
    await registerAccount(srv.app, EMAIL);
    const a = await device();
    const b = await device();
    const sessionA = await learnerOn(a.core);
    const sessionB = await learnerOn(b.core);
    // About 10 MB in one term's document: every answer carries 450 characters.
    const long = (i: number): RecordInput => ({
      type: 'QuizAnswered',
      data: {
        quizItemId: `p/q${i % 50}`,
        correct: i % 2 === 0,
        answer: 'a'.repeat(450),
        timeSpentMs: 1000,
        skills: ['p/s1'],
      },
    });
    for (let batch = 0; batch < 3; batch++) {
      const events = Array.from({ length: 5000 }, (_, i) => long(batch * 5000 + i));
      await a.core.recordProgress(sessionA, events);
    }
    await a.core.api.linkSyncAccount({ session: sessionA, serverUrl: srv.url, email: EMAIL, password: PASSWORD });
    await synced(a.core, sessionA);
    await b.core.api.linkSyncAccount({ session: sessionB, serverUrl: srv.url, email: EMAIL, password: PASSWORD });
    await synced(b.core, sessionB);
    const summary = (core: Core, session: string) => core.api.getUserProgress({ session });
    expect(await summary(b.core, sessionB)).toEqual(await summary(a.core, sessionA));
    expect((await summary(b.core, sessionB)).quizItems).toHaveLength(50);
  });

  it('keeps its clientID across a restart of the core, so the server sees one writer per device', async () => {
    const srv = await server();
    const accountId = await registerAccount(srv.app, EMAIL);
    const first = await device();
    const session = await learnerOn(first.core);
    await first.core.api.linkSyncAccount({ session, serverUrl: srv.url, email: EMAIL, password: PASSWORD });
    await first.core.api.trackProgress({ session, event: lessonOpened('p/l1') });
    await synced(first.core, session);
    const learnerId = (await first.core.api.getLearner({ session })).id;
    await first.close();

    const again = await device(first.dataDir);
    const reopened = (await again.core.api.openLearnerSession({ learnerId })).session;
    await again.core.api.trackProgress({ session: reopened, event: lessonOpened('p/l2') });
    await synced(again.core, reopened);

    const term = `progress/${new Date().getUTCFullYear()}-${new Date().getUTCMonth() < 6 ? 1 : 2}`;
    const reader = stockClient(wsBase(srv.url), `u/${accountId}/${term}`, (await login(srv.app, EMAIL)).accessToken);
    cleanups.push(() => reader.destroy());
    await reader.synced;
    expect(reader.doc.getMap(SYNC_ROOTS.progress.name).size).toBe(2);
    const writers = Y.decodeStateVector(Y.encodeStateVector(reader.doc));
    expect([...writers.values()]).toEqual([2]);
  });

  it('reports a malformed event from the server in the sync status, and keeps syncing the rest', async () => {
    const srv = await server();
    const { accountId, a, session } = await linkedDevice(srv);
    await synced(a.core, session);

    const term = `progress/${new Date().getUTCFullYear()}-${new Date().getUTCMonth() < 6 ? 1 : 2}`;
    const writer = stockClient(wsBase(srv.url), `u/${accountId}/${term}`, (await login(srv.app, EMAIL)).accessToken);
    cleanups.push(() => writer.destroy());
    await writer.synced;
    const good = {
      eventId: uuidv7(),
      type: 'LessonOpened',
      aggregateId: 'p/l9',
      userId: accountId,
      timestamp: new Date().toISOString(),
      data: { lessonId: 'p/l9' },
      version: 1,
    };
    writer.doc
      .getMap(SYNC_ROOTS.progress.name)
      .set(uuidv7(), { ...good, eventId: 'not-a-uuid', data: { lessonId: 7 } });
    writer.doc.getMap(SYNC_ROOTS.progress.name).set(good.eventId, good);

    await until(async () => (await eventIds(a.core, session)).includes(good.eventId));
    expect(await eventIds(a.core, session)).toEqual([good.eventId]);
    expect(await a.core.api.getSyncStatus({ session })).toMatchObject({ refused: 1 });
    await a.core.api.trackProgress({ session, event: lessonOpened('p/l10') });
    await synced(a.core, session);
    await until(async () => writer.doc.getMap(SYNC_ROOTS.progress.name).size === 3);
  });

  it('carries a learner’s exercise drafts to their other device with their notes, both ways, edits merged', async () => {
    const srv = await server();
    await registerAccount(srv.app, EMAIL);
    const a = await device();
    const sessionA = await learnerOn(a.core);
    // Made before the link: it joins the notes document when the device links.
    await a.core.api.saveDraft({ session: sessionA, exerciseId: 'p/e1', code: 'def f():\n    return 1\n' });
    await a.core.api.linkSyncAccount({ session: sessionA, serverUrl: srv.url, email: EMAIL, password: PASSWORD });
    await a.core.api.saveDraft({ session: sessionA, exerciseId: 'p/e2', code: 'print("ünï 🐍")\n' });
    await synced(a.core, sessionA);

    const b = await device();
    const sessionB = await learnerOn(b.core);
    await b.core.api.linkSyncAccount({ session: sessionB, serverUrl: srv.url, email: EMAIL, password: PASSWORD });
    const codeOn = async (core: Core, session: string, exerciseId: string) =>
      (await core.api.getDraft({ session, exerciseId }))?.code;
    await until(async () => (await codeOn(b.core, sessionB, 'p/e2')) === 'print("ünï 🐍")\n');
    expect(await codeOn(b.core, sessionB, 'p/e1')).toBe('def f():\n    return 1\n');

    // Edited on the second device, then on the first: each sees the other's change.
    await b.core.api.saveDraft({ session: sessionB, exerciseId: 'p/e1', code: 'def f():\n    return 2\n' });
    await until(async () => (await codeOn(a.core, sessionA, 'p/e1')) === 'def f():\n    return 2\n');
    await a.core.api.saveDraft({ session: sessionA, exerciseId: 'p/e1', code: '# top\ndef f():\n    return 2\n' });
    await until(async () => (await codeOn(b.core, sessionB, 'p/e1')) === '# top\ndef f():\n    return 2\n');
  });

  it('keeps only drafts and submissions from the server that fit the contract, and the rest of the notes syncing', async () => {
    const srv = await server();
    const { accountId, a, session } = await linkedDevice(srv);
    await synced(a.core, session);
    const writer = stockClient(wsBase(srv.url), `u/${accountId}/notes`, (await login(srv.app, EMAIL)).accessToken);
    cleanups.push(() => writer.destroy());
    await writer.synced;
    const notes = writer.doc.getMap(SYNC_ROOTS.notes.name);
    writer.doc.transact(() => {
      notes.set(draftNoteKey('p/too-long'), new Y.Text('x'.repeat(MAX_CODE_CHARS + 1)));
      notes.set(draftNoteKey('../escape'), new Y.Text('x = 1'));
      notes.set(draftNoteKey('p/not-text'), 42);
      notes.set(submissionNoteKey('p/bad-submission'), { code: 7 });
      notes.set(submissionNoteKey('p/e3'), { code: 'def g():\n    pass\n', submittedAt: new Date().toISOString() });
      notes.set(draftNoteKey('p/e3'), new Y.Text('def g():\n    return 3\n'));
    });
    await until(async () => (await a.core.api.getDraft({ session, exerciseId: 'p/e3' })) !== null);
    expect(await a.core.api.getDraft({ session, exerciseId: 'p/e3' })).toMatchObject({
      code: 'def g():\n    return 3\n',
    });
    expect(await a.core.api.getLastSubmission({ session, exerciseId: 'p/e3' })).toMatchObject({
      code: 'def g():\n    pass\n',
    });
    for (const exerciseId of ['p/too-long', 'p/not-text'])
      expect(await a.core.api.getDraft({ session, exerciseId })).toBeNull();
    expect(await a.core.api.getLastSubmission({ session, exerciseId: 'p/bad-submission' })).toBeNull();
    // Still syncing: a new draft on the device reaches the server.
    await a.core.api.saveDraft({ session, exerciseId: 'p/e4', code: 'ok = True\n' });
    await until(async () => notes.get(draftNoteKey('p/e4'))?.toString() === 'ok = True\n');
  });

  it('stops with an error when the sign-in is revoked, and a new login resumes', async () => {
    const srv = await server();
    const { a, session } = await linkedDevice(srv);
    await synced(a.core, session);

    // A password change elsewhere revokes every refresh family: sockets close, the refresh is refused.
    const other = await login(srv.app, EMAIL);
    const changed = await request(srv.app, 'POST', '/auth/password', {
      token: other.accessToken,
      body: { currentPassword: PASSWORD, newPassword: 'a new long passphrase' },
    });
    expect(changed.statusCode).toBe(204);
    await until(async () => (await stateOf(a.core, session)) === 'error');
    expect((await a.core.api.getSyncStatus({ session })).message).toMatch(/log in again/);

    await a.core.api.trackProgress({ session, event: lessonOpened('p/l1') });
    await a.core.api.linkSyncAccount({
      session,
      serverUrl: srv.url,
      email: EMAIL,
      password: 'a new long passphrase',
    });
    await synced(a.core, session);
  });

  it('says clearly when the address, the password or the server is wrong', async () => {
    const srv = await server();
    await registerAccount(srv.app, EMAIL);
    const a = await device();
    const session = await learnerOn(a.core);
    await expect(
      a.core.api.linkSyncAccount({ session, serverUrl: srv.url, email: EMAIL, password: 'wrong password' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await srv.stop();
    await expect(
      a.core.api.linkSyncAccount({ session, serverUrl: srv.url, email: EMAIL, password: PASSWORD }),
    ).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/Cannot reach/) });
    expect(await a.core.api.getSyncStatus({ session })).toMatchObject({ state: 'unlinked', pending: 0 });
  });

  it('renews an expired access token (close 4401) with the rotated refresh token and carries on', async () => {
    const srv = await server(undefined, 0, 2);
    const { a, session } = await linkedDevice(srv);
    await synced(a.core, session);
    const refreshTokens = () => {
      const db = openDatabase(join(a.dataDir, CORE_DATABASE_FILE));
      try {
        return db.prepare('SELECT refresh_token FROM sync_link').pluck().get() as string;
      } finally {
        db.close();
      }
    };
    const first = refreshTokens();
    // The server closes every socket when the token expires; the client renews it and reconnects.
    await until(async () => refreshTokens() !== first);
    await synced(a.core, session);
    await a.core.api.trackProgress({ session, event: lessonOpened('p/after-renewal') });
    await synced(a.core, session);
    expect((await a.core.api.getSyncStatus({ session })).message).toBeNull();
  });

  it('stops syncing a removed learner and drops their sync rows with them', async () => {
    const srv = await server();
    const { a, session } = await linkedDevice(srv);
    await a.core.api.trackProgress({ session, event: lessonOpened('p/l1') });
    await synced(a.core, session);
    const { id: learnerId } = await a.core.api.getLearner({ session });
    await a.core.api.removeLearner({ session: a.core.ownerSession(), learnerId, confirmName: 'Ada' });
    const db = openDatabase(join(a.dataDir, CORE_DATABASE_FILE));
    try {
      for (const table of ['sync_link', 'sync_client', 'sync_docs', 'sync_updates']) {
        expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
      }
    } finally {
      db.close();
    }
    expect(a.statuses.at(-1)?.state).not.toBe('error');
  });

  it('unlinks: the server forgets the sign-in, this machine keeps its progress', async () => {
    const srv = await server();
    const { a, session } = await linkedDevice(srv);
    await a.core.api.trackProgress({ session, event: lessonOpened('p/l1') });
    await synced(a.core, session);
    expect(await a.core.api.unlinkSyncAccount({ session })).toMatchObject({ state: 'unlinked' });
    expect(await eventIds(a.core, session)).toHaveLength(1);
    expect(a.statuses.at(-1)?.state).toBe('unlinked');
  });

  it('tells a linked learner who on the server can see their progress: their class’s teacher and the admins', async () => {
    const srv = await server();
    const admin = await signedInAdmin(srv);
    const teacher = await signedInTeacher(srv, admin, 'teacher@example.org');
    const { joinCode } = (
      await request(srv.app, 'POST', '/classes', { token: teacher.accessToken, body: { name: 'Python 1' } })
    ).json() as { joinCode: string };
    const { a, session } = await linkedDevice(srv);
    await eventually(async () => (await a.core.api.getSyncVisibility({ session })) !== null);
    expect(await a.core.api.getSyncVisibility({ session })).toEqual({ teachers: [], admins: 1 });

    const ada = await login(srv.app, EMAIL);
    await request(srv.app, 'POST', '/classes/join', { token: ada.accessToken, body: { joinCode } });
    expect(await a.core.api.getSyncVisibility({ session })).toEqual({
      teachers: [{ classId: expect.any(String), className: 'Python 1', teacherName: 'teacher' }],
      admins: 1,
    });

    await a.core.api.unlinkSyncAccount({ session });
    expect(await a.core.api.getSyncVisibility({ session })).toBeNull();
  });
});
