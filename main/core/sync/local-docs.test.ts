import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { preferencesSchema } from '../../../common/contract/learners.js';
import type { ProgressEvent } from '../../../common/contract/progress.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';
import { openCoreDatabase } from '../db/core-database.js';
import { ProgressLog } from '../progress/progress-log.js';
import { projectionRows } from '../progress/testing/projection-rows.js';
import { LearnerStore } from '../users/learner-store.js';
import { mergePreferences } from '../users/merge-preferences.js';
import { LocalDocs } from './local-docs.js';
import { PrefsMirror } from './prefs-mirror.js';
import { ProgressMirror } from './progress-mirror.js';
import { SyncStore } from './sync-store.js';
import { SYNC_ROOTS } from '../../../common/contract/sync-wire.js';

const silent = pino({ level: 'silent' });
const databases: SqliteDatabase[] = [];
afterEach(() => databases.splice(0).forEach((db) => db.close()));

const ACCOUNT = randomUUID();
const TERM = 'progress/2026-2';
/** Lets the microtask that checks each turn's transactions run. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

/** The sync pieces over one app database, as createCore wires them. */
function open(dataDir: string) {
  const { db } = openCoreDatabase(dataDir);
  databases.push(db);
  const learners = new LearnerStore(db);
  const store = new SyncStore(db);
  const docs = new LocalDocs(db, store, silent);
  const warnings: Record<string, unknown>[] = [];
  const logged = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line)) });
  const mirror = new ProgressMirror(docs, store, logged);
  const log = new ProgressLog(db, mirror.appended);
  const prefs = new PrefsMirror(docs, store, learners, silent);
  return { db, learners, store, docs, mirror, log, prefs, warnings };
}

function linkedLearner(parts: ReturnType<typeof open>, clientId = 1234): string {
  const id = randomUUID();
  parts.learners.insert({
    id,
    profile: { displayName: 'Ada', avatar: 'owl', goals: [] },
    preferences: preferencesSchema.parse({}),
    pinHash: null,
    createdAt: '2026-07-01T00:00:00.000Z',
  });
  parts.store.link(
    { learnerId: id, serverUrl: 'http://127.0.0.1:1', accountId: ACCOUNT, linkedAt: '2026-07-01T00:00:00.000Z' },
    'refresh',
    clientId,
  );
  return id;
}

const opened = (userId: string, at = '2026-08-03T10:00:00.000Z'): ProgressEvent => ({
  eventId: uuidv7(),
  type: 'LessonOpened',
  aggregateId: 'p/l1',
  userId,
  timestamp: at,
  data: { lessonId: 'p/l1' },
  version: 1,
});

const updateRows = (db: SqliteDatabase) =>
  (db.prepare('SELECT count(*) FROM sync_updates').pluck().get() as number) ?? 0;

describe('local sync documents', () => {
  it("writes an appended event into its term's document in the same transaction", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sync-docs-'));
    const parts = open(dir);
    const learner = linkedLearner(parts);
    const event = opened(learner);
    parts.log.append([event]);
    // Before any later turn: the update row is already in the database, with the event.
    expect(updateRows(parts.db)).toBe(1);
    await settled();

    const again = open(dir);
    const stored = again.docs.doc(learner, TERM).getMap(SYNC_ROOTS.progress.name).get(event.eventId);
    expect(stored).toEqual({ ...event, userId: ACCOUNT });
  });

  it('files events by the half-year of their UTC time', () => {
    const parts = open(mkdtempSync(join(tmpdir(), 'sync-docs-')));
    const learner = linkedLearner(parts);
    parts.log.append([opened(learner, '2026-06-30T23:59:59.999Z'), opened(learner, '2026-07-01T00:00:00.000Z')]);
    expect(parts.store.docKeys(learner)).toEqual(['progress/2026-1', 'progress/2026-2']);
  });

  it('leaves no trace in the document of a transaction that rolled back', async () => {
    const parts = open(mkdtempSync(join(tmpdir(), 'sync-docs-')));
    const learner = linkedLearner(parts);
    const kept = opened(learner);
    parts.log.append([kept]);
    const lost = opened(learner);
    expect(() =>
      parts.db.transaction(() => {
        parts.log.appendInTransaction([lost]);
        throw new Error('the import failed after the append');
      })(),
    ).toThrow('the import failed');
    await settled();
    const events = parts.docs.doc(learner, TERM).getMap(SYNC_ROOTS.progress.name);
    expect([...events.keys()]).toEqual([kept.eventId]);
    expect(parts.log.count(learner)).toBe(1);
  });

  it('keeps the learner’s clientID across restarts, so the document holds one writer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sync-docs-'));
    const first = open(dir);
    const learner = linkedLearner(first, 987_654);
    first.log.append([opened(learner)]);
    await settled();
    first.db.close();
    const second = open(dir);
    second.log.append([opened(learner)]);
    await settled();
    const doc = second.docs.doc(learner, TERM);
    expect(doc.clientID).toBe(987_654);
    expect([...Y.decodeStateVector(Y.encodeStateVector(doc))]).toEqual([[987_654, 2]]);
  });

  it('counts as pending what the acknowledged state vector does not cover', async () => {
    const parts = open(mkdtempSync(join(tmpdir(), 'sync-docs-')));
    const learner = linkedLearner(parts);
    parts.log.append([opened(learner), opened(learner), opened(learner)]);
    expect(parts.docs.pending(learner, TERM)).toBe(3);
    parts.docs.acknowledge(learner, TERM, Y.encodeStateVector(parts.docs.doc(learner, TERM)));
    expect(parts.docs.pending(learner, TERM)).toBe(0);
    parts.log.append([opened(learner)]);
    expect(parts.docs.pending(learner, TERM)).toBe(1);
    await settled();
  });

  it('hands committed local changes to listeners, and nothing of a rolled-back one', async () => {
    const parts = open(mkdtempSync(join(tmpdir(), 'sync-docs-')));
    const learner = linkedLearner(parts);
    const sent: Uint8Array[] = [];
    parts.docs.onSettled((_learner, _key, outgoing) => outgoing && sent.push(outgoing));
    const event = opened(learner);
    parts.log.append([event]);
    try {
      parts.db.transaction(() => {
        parts.log.appendInTransaction([opened(learner)]);
        throw new Error('rolled back');
      })();
    } catch {
      // expected
    }
    await settled();
    const replica = new Y.Doc();
    for (const update of sent) Y.applyUpdate(replica, update);
    expect([...replica.getMap(SYNC_ROOTS.progress.name).keys()]).toEqual([event.eventId]);
  });

  it('appends valid remote events with their projections, and reports (logs and counts) the ones it refuses', async () => {
    const parts = open(mkdtempSync(join(tmpdir(), 'sync-docs-')));
    const learner = linkedLearner(parts);
    const other = new Y.Doc();
    const good = { ...opened(ACCOUNT), type: 'LessonCompleted', data: { lessonId: 'p/l1', timeSpentMs: 5000 } };
    const bad = { ...opened(ACCOUNT), data: { lessonId: 42 } };
    const misfiled = opened(ACCOUNT);
    const notAnEvent = uuidv7();
    other.getMap(SYNC_ROOTS.progress.name).set(good.eventId, good);
    other.getMap(SYNC_ROOTS.progress.name).set(bad.eventId, bad);
    other.getMap(SYNC_ROOTS.progress.name).set(uuidv7(), misfiled);
    other.getMap(SYNC_ROOTS.progress.name).set(notAnEvent, 'hello');
    parts.docs.applyRemote(learner, TERM, Y.encodeStateAsUpdate(other), (doc, keys) =>
      parts.mirror.received(learner, doc, keys, (events, options) => parts.log.appendInTransaction(events, options)),
    );
    await settled();
    expect([...parts.log.events(learner)]).toEqual([{ ...good, userId: learner }]);
    expect(parts.mirror.refusedOf(learner)).toBe(3);
    expect(parts.warnings.map((w) => w.eventId)).toEqual(expect.arrayContaining([bad.eventId, null]));
    const projected = projectionRows(parts.db);
    parts.log.rebuild(learner);
    expect(projectionRows(parts.db)).toEqual(projected);
    // What the server sent counts as acknowledged: nothing is pending.
    expect(parts.docs.pending(learner, TERM)).toBe(0);
  });

  it('counts an update relayed by the server as acknowledged, though it starts mid-way', async () => {
    const parts = open(mkdtempSync(join(tmpdir(), 'sync-docs-')));
    const learner = linkedLearner(parts);
    const other = new Y.Doc();
    other.getMap(SYNC_ROOTS.progress.name).set(uuidv7(), 'first');
    parts.docs.applyRemote(learner, TERM, Y.encodeStateAsUpdate(other), () => undefined);
    const before = Y.encodeStateVector(other);
    other.getMap(SYNC_ROOTS.progress.name).set(uuidv7(), 'second');
    parts.docs.applyRemote(learner, TERM, Y.encodeStateAsUpdate(other, before), () => undefined);
    expect(parts.docs.pending(learner, TERM)).toBe(0);
    await settled();
  });

  it('mirrors preference changes key by key, and applies remote ones back', async () => {
    const parts = open(mkdtempSync(join(tmpdir(), 'sync-docs-')));
    const learner = linkedLearner(parts);
    // As the users service saves a change: the row and the document in one transaction.
    parts.db.transaction(() => {
      const current = parts.learners.find(learner)!.preferences;
      parts.learners.updatePreferences(learner, mergePreferences(current, { editor: { tabSize: 2 } }));
      parts.prefs.changed(learner, { editor: { tabSize: 2 } });
    })();
    const prefs = parts.docs.doc(learner, 'prefs').getMap(SYNC_ROOTS.prefs.name);
    expect([...prefs.entries()]).toEqual([['editor.tabSize', 2]]);

    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(parts.docs.doc(learner, 'prefs')));
    remote.getMap(SYNC_ROOTS.prefs.name).set('editor.wordWrap', true);
    remote.getMap(SYNC_ROOTS.prefs.name).set('fontSize', 'huge');
    parts.docs.applyRemote(
      learner,
      'prefs',
      Y.encodeStateAsUpdate(remote, Y.encodeStateVector(parts.docs.doc(learner, 'prefs'))),
      (doc, keys) => parts.prefs.received(learner, doc, keys),
    );
    await settled();
    const { editor, fontSize } = parts.learners.find(learner)!.preferences;
    expect(editor).toEqual({ tabSize: 2, lineNumbers: true, wordWrap: true });
    expect(fontSize).toBe(17);
  });
});
