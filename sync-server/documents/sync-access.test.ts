import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SyncServer } from '../server.js';
import { listening, rowCount, signedInLearner } from '../testing/documents-app.js';
import type { Account } from '../testing/documents-app.js';
import { eventually, rawClient, rawUpgradeStatus, stockClient, upgradeStatus } from '../testing/sync-clients.js';
import type { StockClient } from '../testing/sync-clients.js';
import { request, signedInAdmin, signedInTeacher, startTestServer } from '../testing/test-server.js';
import { syncStep1Message, syncStep2Message, updateMessage } from './protocol.js';
import { SYNC_CLOSE, SYNC_MESSAGE, SYNC_ROOTS } from '../../common/contract/sync-wire.js';

let server: SyncServer;
const clients: StockClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

const anUpdate = () => {
  const doc = new Y.Doc();
  doc.getMap('probe').set('at', Date.now());
  return Y.encodeStateAsUpdate(doc);
};

/** What a token may do with a document: the refused upgrade's status, or 'write' / 'read' once open. */
async function probe(base: string, doc: string, token: string): Promise<string> {
  let client;
  try {
    client = await rawClient(base, doc, { token, ack: '1' });
  } catch (error) {
    return String((error as { status?: number }).status);
  }
  const ack = client.next(SYNC_MESSAGE.ack).then(
    () => 'write',
    () => 'no answer',
  );
  client.send(updateMessage(anUpdate()));
  const outcome = await Promise.race([
    ack,
    client.closed.then(({ code }) => (code === SYNC_CLOSE.forbidden ? 'read' : `${code}`)),
  ]);
  client.socket.close();
  return outcome;
}

interface Cast {
  base: string;
  port: number;
  ada: Account;
  bo: Account;
  teacher: Account;
  admin: Account;
}

/** Ada is in the teacher's class, Bo is not. */
async function cast(): Promise<Cast> {
  server = await startTestServer();
  const ada = await signedInLearner(server, 'ada@example.org');
  const bo = await signedInLearner(server, 'bo@example.org');
  const adminSession = await signedInAdmin(server);
  const teacherSession = await signedInTeacher(server, adminSession, 'teach@example.org');
  const me = async (token: string) =>
    ((await request(server.app, 'GET', '/me', { token })).json() as { id: string }).id;
  const klass = await request(server.app, 'POST', '/classes', {
    token: teacherSession.accessToken,
    body: { name: 'Python 1' },
  });
  const { joinCode } = klass.json() as { joinCode: string };
  const joined = await request(server.app, 'POST', '/classes/join', { token: ada.accessToken, body: { joinCode } });
  expect(joined.statusCode).toBe(200);
  return {
    ...(await listening(server)),
    ada,
    bo,
    teacher: { id: await me(teacherSession.accessToken), ...teacherSession },
    admin: { id: await me(adminSession.accessToken), ...adminSession },
  };
}

describe('who may open which document', () => {
  let c: Cast;
  beforeAll(async () => {
    c = await cast();
  });
  afterAll(() => server.app.close());

  it('follows the matrix: owner writes; teacher reads members’ progress; admin reads all, writes inboxes', async () => {
    const { base, ada, bo, teacher, admin } = c;
    const progress = (a: Account) => `u/${a.id}/progress/2025-1`;
    const matrix: [string, Account, string, string][] = [
      ['own notes', ada, `u/${ada.id}/notes`, 'write'],
      ['own prefs', ada, `u/${ada.id}/prefs`, 'write'],
      ['own inbox', ada, `u/${ada.id}/inbox`, 'write'],
      ['own progress', ada, progress(ada), 'write'],
      ["another learner's notes", bo, `u/${ada.id}/notes`, '403'],
      ["another learner's progress", bo, progress(ada), '403'],
      ["the admin's notes", ada, `u/${admin.id}/notes`, '403'],
      ["a teacher's progress", ada, progress(teacher), '403'],
      ["a member's progress", teacher, progress(ada), 'read'],
      ["a member's notes", teacher, `u/${ada.id}/notes`, '403'],
      ["a member's inbox", teacher, `u/${ada.id}/inbox`, '403'],
      ["a non-member's progress", teacher, progress(bo), '403'],
      ["the teacher's own notes", teacher, `u/${teacher.id}/notes`, 'write'],
      ["a learner's notes", admin, `u/${ada.id}/notes`, 'read'],
      ["a learner's progress", admin, progress(bo), 'read'],
      ["a learner's inbox", admin, `u/${bo.id}/inbox`, 'write'],
    ];
    const outcomes = [];
    for (const [what, who, doc] of matrix) outcomes.push([what, who, doc, await probe(base, doc, who.accessToken)]);
    expect(outcomes).toEqual(matrix);
  });

  it('never opens (so never creates) the documents of an account that does not exist, and tells only the admin', async () => {
    const { base, ada, teacher, admin } = c;
    const nobody = '0b0e5a1c-7d2f-4e6a-9c3b-1f2e3d4c5b6a';
    const docs = [`u/${nobody}/inbox`, `u/${nobody}/notes`, `u/${nobody}/prefs`, `u/${nobody}/progress/2025-1`];
    const outcomes = [];
    for (const doc of docs) {
      outcomes.push([doc, await probe(base, doc, admin.accessToken)]);
      // Others are refused as for any account not theirs: the answer does not say whether it exists.
      outcomes.push([doc, await probe(base, doc, teacher.accessToken), await probe(base, doc, ada.accessToken)]);
    }
    expect(outcomes).toEqual(
      docs.flatMap((doc) => [
        [doc, '404'],
        [doc, '403', '403'],
      ]),
    );
    for (const doc of docs) expect(await rowCount(server, doc)).toBe(0);
  });

  it('lets a teacher’s stock client read a member’s progress and closes it with 4403 when it writes', async () => {
    const { base, ada, teacher } = c;
    const doc = `u/${ada.id}/progress/2025-2`;
    const learner = stockClient(base, doc, ada.accessToken);
    clients.push(learner);
    await learner.synced;
    learner.doc.getMap(SYNC_ROOTS.progress.name).set('e1', { type: 'LessonCompleted' });
    await eventually(async () => (await rowCount(server, doc)) === 1);

    const watcher = stockClient(base, doc, teacher.accessToken);
    clients.push(watcher);
    await watcher.synced;
    await eventually(() => watcher.doc.getMap(SYNC_ROOTS.progress.name).has('e1'));

    watcher.doc.getMap(SYNC_ROOTS.progress.name).set('forged', { type: 'LessonCompleted' });
    expect((await watcher.closed).code).toBe(SYNC_CLOSE.forbidden);
    learner.doc.getMap(SYNC_ROOTS.progress.name).set('e2', { type: 'ExerciseSubmitted' });
    await eventually(async () => (await rowCount(server, doc)) === 2);
    expect(learner.doc.getMap(SYNC_ROOTS.progress.name).has('forged')).toBe(false);
  });

  it('answers a read-only socket’s sync step 1 and accepts its sync step 2 when it adds nothing', async () => {
    const { base, ada, admin } = c;
    const doc = `u/${ada.id}/notes`;
    const before = await rowCount(server, doc);
    const learner = stockClient(base, doc, ada.accessToken);
    clients.push(learner);
    await learner.synced;
    const text = learner.doc.getText('body');
    text.insert(0, 'abcdef');
    text.delete(1, 2);
    await eventually(async () => (await rowCount(server, doc)) === before + 2);

    const reader = await rawClient(base, doc, { token: admin.accessToken });
    const answer = reader.next(SYNC_MESSAGE.sync);
    reader.send(syncStep1Message(Y.encodeStateVector(new Y.Doc())));
    await answer;
    await eventually(() => reader.received.some((f) => f[0] === SYNC_MESSAGE.sync && f[1] === 1));
    // What a stock reader sends back: nothing new, but its whole delete set.
    reader.send(syncStep2Message(Y.encodeStateAsUpdate(learner.doc)));
    reader.send(syncStep2Message(Y.encodeStateAsUpdate(new Y.Doc())));
    const stillOpen = reader.next(SYNC_MESSAGE.sync);
    reader.send(syncStep1Message(Y.encodeStateVector(learner.doc)));
    await stillOpen;

    // A deletion the server has not made is a write.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(learner.doc));
    const deletion: Uint8Array[] = [];
    copy.on('update', (update: Uint8Array) => deletion.push(update));
    copy.getText('body').delete(0, 1);
    reader.send(updateMessage(deletion[0]!));
    expect((await reader.closed).code).toBe(SYNC_CLOSE.forbidden);
    expect(await rowCount(server, doc)).toBe(before + 2);
    expect(text.toString()).toBe('adef');
  });
});

describe('tokens', () => {
  afterEach(() => server.app.close());

  it('refuses the upgrade without a token, with a forged one or an expired one (401)', async () => {
    let clock = Date.now();
    server = await startTestServer({ now: () => new Date(clock) });
    const ada = await signedInLearner(server, 'ada@example.org');
    const { base } = await listening(server);
    const doc = `u/${ada.id}/notes`;
    expect(await upgradeStatus(base, doc, {})).toBe(401);
    expect(await upgradeStatus(base, doc, { token: '' })).toBe(401);
    expect(await upgradeStatus(base, doc, { token: 'not.a.jwt' })).toBe(401);
    const [head, body] = ada.accessToken.split('.');
    expect(await upgradeStatus(base, doc, { token: `${head}.${body}.AAAA` })).toBe(401);
    expect(await upgradeStatus(base, doc, { token: ada.accessToken })).toBe(0);
    clock += 16 * 60_000;
    expect(await upgradeStatus(base, doc, { token: ada.accessToken })).toBe(401);
  });

  it('closes a socket with 4401 when its sign-in is revoked, and refuses its token afterwards', async () => {
    server = await startTestServer();
    const ada = await signedInLearner(server, 'ada@example.org');
    const { base } = await listening(server);
    const doc = `u/${ada.id}/notes`;
    const socket = await rawClient(base, doc, { token: ada.accessToken });
    const other = await signedInLearner(server, 'cy@example.org');
    const bystander = await rawClient(base, `u/${other.id}/notes`, { token: other.accessToken });

    const logout = await request(server.app, 'POST', '/auth/logout', { body: { refreshToken: ada.refreshToken } });
    expect(logout.statusCode).toBe(204);
    expect((await socket.closed).code).toBe(SYNC_CLOSE.auth);
    expect(await upgradeStatus(base, doc, { token: ada.accessToken })).toBe(401);
    expect(bystander.socket.readyState).toBe(bystander.socket.OPEN);
    bystander.socket.close();
  });

  it('closes a socket with 4401 when its access token expires', async () => {
    server = await startTestServer({ accessTtlSeconds: 2 });
    const ada = await signedInLearner(server, 'ada@example.org');
    const { base } = await listening(server);
    const doc = `u/${ada.id}/notes`;
    const { accessToken } = (
      await request(server.app, 'POST', '/auth/refresh', { body: { refreshToken: ada.refreshToken } })
    ).json() as Account;
    const socket = await rawClient(base, doc, { token: accessToken });
    const started = Date.now();
    expect((await socket.closed).code).toBe(SYNC_CLOSE.auth);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await upgradeStatus(base, doc, { token: accessToken })).toBe(401);
  });
});

describe('document names', () => {
  it('refuses traversal, encoding tricks and malformed names before the upgrade (400)', async () => {
    server = await startTestServer();
    const ada = await signedInLearner(server, 'ada@example.org');
    const bo = { id: '0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b' };
    const { port } = await listening(server);
    const id = ada.id;
    const token = `?token=${ada.accessToken}`;
    const names = [
      `u/${id}/../${bo.id}/notes`,
      `u/${id}/%2e%2e/${bo.id}/notes`,
      `u/${id}%2Fnotes`,
      `u/${id}/notes%00`,
      `u/${id}/not%65s`,
      `u/${id}//notes`,
      `/u/${id}/notes`,
      `u/${id}/notes/`,
      `u/${id}/Notes`,
      `u/${id.toUpperCase()}/notes`,
      `u/${id}/progress/2025-3`,
      `u/${id}/progress/25-1`,
      `u/${id}/progress`,
      `u/${id}/notés`,
      `u/${id}/notes\u202e`,
      `u/${id}/notes;x`,
      `u/${id}/progress/2025-1${'0'.repeat(80)}`,
      `u/${id}/${'a'.repeat(200)}`,
      `x/${id}/notes`,
      '',
    ];
    const statuses = [];
    for (const name of names) statuses.push([name, await rawUpgradeStatus(port, `/sync/${name}${token}`)]);
    expect(statuses).toEqual(names.map((name) => [name, 400]));
    // The same request with the real name is upgraded (101).
    expect(await rawUpgradeStatus(port, `/sync/u/${id}/notes${token}`)).toBe(101);
    await server.app.close();
  });
});
