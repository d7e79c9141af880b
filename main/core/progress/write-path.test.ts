import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { pino } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../common/contract/bridge.js';
import { LearnError } from '../../../common/contract/errors.js';
import {
  facePostableEventTypes,
  isFacePostable,
  progressEventSchema,
  progressEventTypes,
} from '../../../common/contract/progress.js';
import type { ProgressEventType, RecordInput } from '../../../common/contract/progress.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';
import { writePackFixture } from '../../../content-packs/format/pack-fixture.js';
import { createCore } from '../create-core.js';
import type { Core } from '../create-core.js';
import { openCoreDatabase } from '../db/core-database.js';
import { localBridge } from '../local-bridge.js';
import { ProgressLog } from './progress-log.js';
import { projectionRows } from './testing/projection-rows.js';

const cores: Core[] = [];
const databases: SqliteDatabase[] = [];
afterEach(async () => {
  databases.splice(0).forEach((db) => db.close());
  await Promise.all(cores.splice(0).map((core) => core.close()));
});

async function startCore() {
  const core = await createCore({
    dataDir: mkdtempSync(join(tmpdir(), 'write-path-')),
    appVersion: '1.0.0',
    bundledPacksDir: dirname(writePackFixture()),
    logger: pino({ level: 'silent' }),
  });
  cores.push(core);
  const { session, learner } = await createApiClient(localBridge(core)).createLearner({
    profile: { displayName: 'Eve' },
  });
  // The learner's stored events, counted by replaying them.
  const stored = () => core.rebuildProgress(learner.id);
  return { core, session, stored };
}

/** One valid input of every type, as the core or a face would send it. */
const valid: { [T in ProgressEventType]: Extract<RecordInput, { type: T }> } = {
  LessonOpened: { type: 'LessonOpened', data: { lessonId: 'demo/hello' } },
  LessonCompleted: { type: 'LessonCompleted', data: { lessonId: 'demo/hello', timeSpentMs: 1000 } },
  ExerciseStarted: { type: 'ExerciseStarted', data: { exerciseId: 'demo/count-down' } },
  ExerciseSubmitted: {
    type: 'ExerciseSubmitted',
    data: {
      exerciseId: 'demo/count-down',
      codeHash: 'c'.repeat(64),
      tests: [{ name: 'counts', status: 'pass' }],
      durationMs: 300,
      hintsUsed: 0,
    },
  },
  ExerciseCompleted: { type: 'ExerciseCompleted', data: { exerciseId: 'demo/count-down' } },
  QuizAnswered: {
    type: 'QuizAnswered',
    data: { quizItemId: 'demo/loop-count', correct: true, answer: '3', timeSpentMs: 5000 },
  },
  AssessmentCompleted: { type: 'AssessmentCompleted', data: { assessmentId: 'demo/final', score: 9, total: 10 } },
  ReviewDone: { type: 'ReviewDone', data: { skillId: 'demo/loops', rating: 3 } },
};

const coreOnly = progressEventTypes.filter((type) => !isFacePostable(type));

describe('one write path for progress', () => {
  it('refuses an event the core built that the contract refuses (201 test results), and stores nothing of its batch', async () => {
    const { core, session, stored } = await startCore();
    const tests = Array.from({ length: 201 }, (_, i) => ({ name: `t${i}`, status: 'pass' as const }));
    const submitted = { ...valid.ExerciseSubmitted, data: { ...valid.ExerciseSubmitted.data, tests } };
    const before = await core.api.getUserProgress({ session });

    const refusal = core.recordProgress(session, [valid.LessonOpened, submitted]);
    await expect(refusal).rejects.toBeInstanceOf(LearnError);
    await expect(refusal).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(refusal).rejects.toThrow(/event 2 of 2 \(ExerciseSubmitted [0-9a-f-]{36}\).*tests/s);
    expect(stored()).toBe(0);
    expect(await core.api.getUserProgress({ session })).toEqual(before);

    // The same submission within the limit goes in: the log refused the event, not the path.
    const accepted = { ...submitted, data: { ...submitted.data, tests: tests.slice(0, 200) } };
    expect(await core.recordProgress(session, [valid.LessonOpened, accepted])).toEqual({ appended: 2, duplicates: 0 });
    expect(stored()).toBe(2);
  });

  it('lists the core-only types once, in the contract', () => {
    expect(coreOnly).toEqual([
      'ExerciseSubmitted',
      'ExerciseCompleted',
      'QuizAnswered',
      'AssessmentCompleted',
      'ReviewDone',
    ]);
    expect([...facePostableEventTypes].sort()).toEqual(progressEventTypes.filter(isFacePostable).sort());
  });

  it.each(coreOnly)('refuses %s from the faces, alone or in a batch, and stores nothing', async (type) => {
    const { core, session, stored } = await startCore();
    const bridge = localBridge(core);
    const claimed = valid[type];
    // What the web face and the IPC binding run: the contract's dispatch.
    expect(await bridge.trackProgress({ session, event: claimed })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/records the others itself/) },
    });
    expect(await bridge.updateUserProgress({ session, events: [valid.LessonOpened, claimed] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    // A caller of the core's API that skipped the contract is refused by the core itself.
    const direct = core.api as unknown as {
      trackProgress(input: unknown): Promise<unknown>;
      updateUserProgress(input: unknown): Promise<unknown>;
    };
    await expect(direct.trackProgress({ session, event: claimed })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(direct.updateUserProgress({ session, events: [valid.LessonOpened, claimed] })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(stored()).toBe(0);
  });

  it('takes every face-postable type from the faces', async () => {
    const { core, session, stored } = await startCore();
    const bridge = localBridge(core);
    for (const type of facePostableEventTypes) {
      expect(await bridge.trackProgress({ session, event: valid[type] })).toMatchObject({ ok: true });
    }
    expect(stored()).toBe(facePostableEventTypes.length);
  });
});

// Mostly valid values, and now and then one just past a limit of the contract or wrong in kind, so
// batches of valid events and batches with one bad event both come up often.
const mostly = <T, U>(fine: fc.Arbitrary<T>, off: fc.Arbitrary<U>) =>
  fc.oneof({ weight: 12, arbitrary: fine }, { weight: 1, arbitrary: off });
const int = (min: number, max: number) =>
  mostly(fc.integer({ min, max }), fc.oneof(fc.constantFrom(min - 1, max + 1, 0.5), fc.constant('1')));
const text = (max: number, min = 0) =>
  mostly(fc.string({ minLength: min, maxLength: max }), fc.string({ minLength: max + 1, maxLength: max + 3 }));
const id = mostly(fc.constantFrom('demo/hello', 'demo/count-down', 'demo/loops'), fc.constantFrom('', 'no-slash', 7));
const ms = int(0, 24 * 3600 * 1000);
const skills = mostly(
  fc.array(text(161, 1), { maxLength: 3 }),
  fc.array(fc.string(), { minLength: 21, maxLength: 22 }),
);
const test = fc.record({
  name: text(200),
  status: mostly(fc.constantFrom('pass', 'fail', 'error'), fc.constant('skipped')),
});
const dataOf: { [T in ProgressEventType]: fc.Arbitrary<Record<string, unknown>> } = {
  LessonOpened: fc.record({ lessonId: id }),
  LessonCompleted: fc.record({ lessonId: id, timeSpentMs: ms }),
  ExerciseStarted: fc.record({ exerciseId: id }),
  ExerciseSubmitted: fc.record({
    exerciseId: id,
    codeHash: mostly(fc.constant('d'.repeat(64)), fc.constantFrom('D'.repeat(64), 'd'.repeat(63))),
    tests: mostly(fc.array(test, { maxLength: 5 }), fc.array(test, { minLength: 199, maxLength: 202 })),
    durationMs: ms,
    hintsUsed: int(0, 20),
    skills,
  }),
  ExerciseCompleted: fc.record({ exerciseId: id }),
  QuizAnswered: fc.record({
    quizItemId: id,
    correct: mostly(fc.boolean(), fc.constant('yes')),
    answer: text(500),
    timeSpentMs: ms,
    skills,
  }),
  AssessmentCompleted: fc.record({
    assessmentId: text(100, 1),
    score: mostly(fc.integer({ min: 0, max: 10 }), fc.constant(-1)),
    total: mostly(fc.integer({ min: 1, max: 10 }), fc.constant(0)),
  }),
  ReviewDone: fc.record({ skillId: text(161, 1), rating: int(1, 4) }),
};

const LEARNER = '0190a0a0-0000-7000-8000-00000000000e';
const aCandidate = fc.constantFrom(...progressEventTypes).chain((type) =>
  fc.record({
    eventId: mostly(
      fc.constant(null).map(() => uuidv7()),
      fc.uuid({ version: 4 }),
    ),
    type: fc.constant(type),
    aggregateId: text(161, 1),
    userId: fc.constant(LEARNER),
    timestamp: mostly(
      fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString()),
      fc.constant('2026-07-01T10:00:00Z'),
    ),
    data: dataOf[type],
    version: mostly(fc.constant(1), fc.constant(2)),
  }),
);

function freshLog() {
  const { db } = openCoreDatabase(mkdtempSync(join(tmpdir(), 'write-path-')));
  databases.push(db);
  return { db, log: new ProgressLog(db) };
}

describe('the log’s check', () => {
  it('stores only what passes the contract on a receiving device, and nothing of a refused batch', () => {
    const here = freshLog();
    const there = freshLog();
    fc.assert(
      fc.property(fc.array(aCandidate, { minLength: 1, maxLength: 4 }), (batch) => {
        const before = projectionRows(here.db);
        const count = here.log.count(LEARNER);
        let refused = false;
        try {
          here.log.append(batch);
        } catch (error) {
          expect(error).toMatchObject({ code: 'invalid-input' });
          refused = true;
        }
        const allValid = batch.every((e) => progressEventSchema.safeParse(e).success);
        expect(refused).toBe(!allValid);
        if (refused) {
          expect(here.log.count(LEARNER)).toBe(count);
          expect(projectionRows(here.db)).toEqual(before);
        }
      }),
      { numRuns: 300, seed: 20261204 },
    );
    // What a receiving device gets: every stored event, as JSON (as the synced document carries it).
    const sent = JSON.parse(JSON.stringify([...here.log.events(LEARNER)])) as unknown[];
    expect(sent.length).toBeGreaterThan(0);
    for (const event of sent) expect(progressEventSchema.safeParse(event).error).toBeUndefined();
    expect(there.log.append(sent)).toEqual({ appended: sent.length, duplicates: 0 });
  }, 60_000);
});
