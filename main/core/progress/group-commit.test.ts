import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';
import { CORE_DATABASE_FILE, openCoreDatabase } from '../db/core-database.js';
import { GroupCommit } from './group-commit.js';
import { ProgressLog } from './progress-log.js';
import { projectionRows } from './testing/projection-rows.js';

const LEARNER = '0190a3c4-0000-7000-8000-000000000001';

const opened = (lessonId: string, eventId = uuidv7()) => ({
  eventId,
  type: 'LessonOpened',
  aggregateId: lessonId,
  userId: LEARNER,
  timestamp: '2026-03-01T08:00:00.000Z',
  data: { lessonId },
  version: 1,
});

describe('group commit of the record path', () => {
  let dir: string;
  let db: SqliteDatabase;
  let observer: Database.Database;
  let log: ProgressLog;
  let commits: GroupCommit;
  /** What another connection sees: only what is committed. */
  const committed = () =>
    new Set(
      observer
        .prepare<[], { id: string }>('SELECT event_id AS id FROM events')
        .all()
        .map((r) => r.id),
    );

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'group-commit-'));
    db = openCoreDatabase(dir).db;
    observer = new Database(join(dir, CORE_DATABASE_FILE), { readonly: true });
    // A hook that fails once the batch's rows are written: what a savepoint must take back.
    log = new ProgressLog(db, (added) => {
      if (added.some((e) => e.aggregateId === 'p/fails-after-writing')) throw new Error('the mirror failed');
    });
    commits = new GroupCommit(db, log);
  });
  afterEach(() => {
    observer.close();
    db.close();
  });

  it('commits the appends that arrive together in one commit, and settles each only once it is committed', async () => {
    const events = Array.from({ length: 10 }, (_, i) => opened(`p/lesson-${i}`));
    const settled = events.map((e) =>
      commits.append([e]).then((result) => ({ result, visible: committed().has(e.eventId) })),
    );
    // Nothing is written while the callers are still being heard: the commit comes in the next turn.
    expect(committed().size).toBe(0);
    const first = await settled[0]!;
    // The first caller hears back once all ten are committed, together.
    expect(first).toEqual({ result: { appended: 1, duplicates: 0 }, visible: true });
    expect(committed()).toEqual(new Set(events.map((e) => e.eventId)));
    for (const outcome of await Promise.all(settled)) expect(outcome.visible).toBe(true);
  });

  it('keeps each append all or nothing: a failed one is rolled back alone, its caller alone gets the error', async () => {
    const before = opened('p/before');
    const refused = [opened('p/in-a-refused-batch'), { ...opened('p/bad'), type: 'NoSuchEvent' }];
    const failed = [opened('p/written-then-rolled-back'), opened('p/fails-after-writing')];
    const after = opened('p/after');
    const outcomes = await Promise.allSettled([
      commits.append([before]),
      commits.append(refused),
      commits.append(failed),
      commits.append([after, opened('p/after', after.eventId)]),
    ]);
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: { appended: 1, duplicates: 0 } });
    expect(outcomes[1]).toMatchObject({ status: 'rejected', reason: { code: 'invalid-input' } });
    expect(outcomes[2]).toMatchObject({ status: 'rejected', reason: { message: 'the mirror failed' } });
    expect(outcomes[3]).toEqual({ status: 'fulfilled', value: { appended: 1, duplicates: 1 } });
    expect(committed()).toEqual(new Set([before.eventId, after.eventId]));
    // The projections hold the kept events and nothing of the failed batches.
    const incremental = projectionRows(db);
    log.rebuild();
    expect(projectionRows(db)).toEqual(incremental);
  });

  it('commits what is waiting when flushed, before the database closes', async () => {
    const event = opened('p/last');
    const settled = commits.append([event]);
    commits.flush();
    expect(committed()).toEqual(new Set([event.eventId]));
    await expect(settled).resolves.toEqual({ appended: 1, duplicates: 0 });
  });
});
