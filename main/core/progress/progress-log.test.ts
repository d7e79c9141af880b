import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../../common/contract/progress.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';
import { openCoreDatabase } from '../db/core-database.js';
import { ProgressLog } from './progress-log.js';
import { quarterOf } from '../../../common/progress-rules/activity-days.js';
import { progressEventArbitrary } from '../../../common/progress-rules/testing/progress-event-arbitrary.js';
import { projectionRows as projections } from './testing/projection-rows.js';

const databases: SqliteDatabase[] = [];
afterEach(() => databases.splice(0).forEach((db) => db.close()));

function freshLog() {
  const { db } = openCoreDatabase(mkdtempSync(join(tmpdir(), 'progress-')));
  databases.push(db);
  return { db, log: new ProgressLog(db) };
}

const learners = ['0190a0a0-0000-7000-8000-000000000001', '0190a0a0-0000-7000-8000-000000000002'];
const lessons = ['p/l1', 'p/l2', 'p/l3'];
const exercises = ['p/e1', 'p/e2'];
const skills = ['p/s1', 'p/s2', 'p/s3'];

const anEvent = progressEventArbitrary({ learners, lessons, exercises, quizItems: ['p/q1', 'p/q2'], skills });

describe('progress log', () => {
  it('projects incrementally, in any order and with replays, exactly what a rebuild from the log gives', () => {
    fc.assert(
      fc.property(
        fc.array(anEvent, { minLength: 1, maxLength: 60 }),
        fc.func(fc.integer()),
        fc.integer({ min: 1, max: 10 }),
        (events, orderKey, batchSize) => {
          const first = freshLog();
          const second = freshLog();
          // One replica takes the events one at a time in log order, the other shuffled, in batches, each twice.
          for (const e of events) first.log.append([e]);
          const shuffled = [...events].sort((a, b) => orderKey(a.eventId) - orderKey(b.eventId));
          for (let i = 0; i < shuffled.length; i += batchSize) {
            const batch = shuffled.slice(i, i + batchSize);
            second.log.append([...batch, ...batch]);
          }
          const incremental = projections(first.db);
          expect(projections(second.db)).toEqual(incremental);
          first.log.rebuild();
          expect(projections(first.db)).toEqual(incremental);
          second.log.rebuild(learners[0]);
          expect(projections(second.db)).toEqual(incremental);
        },
      ),
      { numRuns: 60, seed: 20261125 },
    );
  }, 60_000);

  it('skips an event whose id is already in the log and counts it as a duplicate', () => {
    const { db, log } = freshLog();
    const [event] = fc.sample(anEvent, { numRuns: 1, seed: 7 });
    expect(log.append([event!])).toEqual({ appended: 1, duplicates: 0 });
    const before = projections(db);
    expect(log.append([event!, event!])).toEqual({ appended: 0, duplicates: 2 });
    expect(projections(db)).toEqual(before);
    expect(log.count(event!.userId)).toBe(1);
  });

  it('keeps the best exercise result, the first completion and the latest place to resume', () => {
    const { db, log } = freshLog();
    const user = learners[0]!;
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 10, minute)).toISOString();
    const base = { userId: user, version: 1 as const };
    const submit = (minute: number, statuses: ('pass' | 'fail')[]): ProgressEvent => ({
      ...base,
      eventId: uuidv7(),
      type: 'ExerciseSubmitted',
      aggregateId: 'p/e1',
      timestamp: at(minute),
      data: {
        exerciseId: 'p/e1',
        codeHash: 'b'.repeat(64),
        tests: statuses.map((status, i) => ({ name: `t${i}`, status })),
        durationMs: 1000,
        hintsUsed: minute % 3,
        skills: ['p/s1'],
      },
    });
    log.append([submit(1, ['pass', 'fail', 'fail']), submit(5, ['pass', 'pass', 'pass']), submit(3, ['fail'])]);
    log.append([
      {
        ...base,
        eventId: uuidv7(),
        type: 'LessonOpened',
        aggregateId: 'p/l2',
        timestamp: at(9),
        data: { lessonId: 'p/l2' },
      },
      {
        ...base,
        eventId: uuidv7(),
        type: 'LessonOpened',
        aggregateId: 'p/l1',
        timestamp: at(2),
        data: { lessonId: 'p/l1' },
      },
    ]);
    expect(db.prepare('SELECT attempts, best_passed, best_total, max_hints FROM exercise_progress').get()).toEqual({
      attempts: 3,
      best_passed: 3,
      best_total: 3,
      max_hints: 2,
    });
    expect(db.prepare('SELECT correct, attempts FROM skill_mastery').get()).toEqual({ correct: 1, attempts: 3 });
    expect(db.prepare('SELECT content_id FROM resume_points').get()).toEqual({ content_id: 'p/l2' });
    expect(db.prepare('SELECT sum(time_ms) AS t FROM activity').get()).toEqual({ t: 3000 });
  });

  it('carries nothing of a rolled-back batch into the next one', () => {
    const { db, log } = freshLog();
    const [first, failing, later] = fc.sample(anEvent, { numRuns: 3, seed: 11 });
    // A write that fails part-way through a batch (a full disk, say), after the first event was projected.
    db.exec(`CREATE TEMP TRIGGER fail BEFORE INSERT ON events WHEN NEW.event_id = '${failing!.eventId}'
      BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    expect(() => log.append([first!, failing!])).toThrow('disk full');
    db.exec('DROP TRIGGER fail');
    log.append([later!]);
    const incremental = projections(db);
    log.rebuild();
    expect(incremental).toEqual(projections(db));
  });

  it('files activity by UTC quarter hour', () => {
    expect(quarterOf('2026-03-04T10:37:12.000Z')).toBe('2026-03-04T10:30');
    expect(quarterOf('2026-03-04T23:59:59.999Z')).toBe('2026-03-04T23:45');
    expect(quarterOf('2026-03-04T00:00:00.000Z')).toBe('2026-03-04T00:00');
  });
});
