import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../common/contract/progress.js';
import { SYNC_ROOTS } from '../../common/contract/sync-wire.js';
import { projectionToJson } from '../../common/progress-rules/learner-projection.js';
import { progressEventArbitrary } from '../../common/progress-rules/testing/progress-event-arbitrary.js';
import { DocStore } from '../documents/doc-store.js';
import type { SyncServer } from '../server.js';
import { testCatalog } from '../testing/dashboard-class.js';
import { startTestServer } from '../testing/test-server.js';

let server: SyncServer;
beforeAll(async () => {
  server = await startTestServer({ dashboard: { catalog: testCatalog } });
});
afterAll(() => server.app.close());

/** A learner account straight in the table: the projections' rows belong to an account. */
async function newLearner(): Promise<string> {
  const id = randomUUID();
  await server.store.run(
    `INSERT INTO accounts (id, email, display_name, password_hash, role, status, created_at, password_changed_at)
     VALUES (?, ?, 'L', 'x', 'learner', 'active', 0, 0)`,
    [id, `${id}@example.org`],
  );
  return id;
}

/** A stored projection with its lists in a canonical order: what two ways of building it must agree on. */
const canonical = (json: ReturnType<typeof projectionToJson>) => ({
  ...json,
  seen: [...json.seen].sort(),
  lessons: [...json.lessons].sort(),
  exercises: [...json.exercises]
    .map(([id, e]) => [id, { ...e, durations: [...e.durations].sort(), failingTests: [...e.failingTests].sort() }])
    .sort(),
  quizItems: [...json.quizItems].sort(),
  skills: [...json.skills].sort(),
  assessments: [...json.assessments].sort(),
  days: [...json.days].sort(),
});

const anEvent = progressEventArbitrary({
  learners: ['0190a0a0-0000-7000-8000-000000000001'],
  lessons: testCatalog.modules[0]!.lessons,
  exercises: testCatalog.modules[0]!.exercises,
  quizItems: testCatalog.modules[0]!.quizItems,
  skills: [...testCatalog.skillTitles.keys()],
});

const step = fc.record({
  device: fc.integer({ min: 0, max: 1 }),
  from: fc.nat(40),
  count: fc.integer({ min: 1, max: 6 }),
  exchange: fc.boolean(),
  compact: fc.boolean(),
});

describe('the dashboard projector', () => {
  it('keeps, update by update, exactly what a rebuild from the documents gives, and the school sums with it', async () => {
    const committed = new DocStore(server.store, undefined, server.dashboard.projector.committed);
    await fc.assert(
      fc.asyncProperty(
        fc.array(anEvent, { minLength: 1, maxLength: 40 }),
        fc.array(step, { maxLength: 12 }),
        async (events, steps) => {
          const learner = await newLearner();
          const name = `u/${learner}/progress/2026-1`;
          // Two devices of the learner, writing some of the same events (one recorded offline on both, say).
          const devices = [new Y.Doc(), new Y.Doc()];
          const writes: Promise<number>[] = [];
          for (const doc of devices) {
            doc.on('update', (update: Uint8Array, origin: unknown) => {
              if (origin !== 'remote') writes.push(committed.append(name, update));
            });
          }
          const write = (doc: Y.Doc, batch: readonly ProgressEvent[]) =>
            doc.transact(() => {
              const map = doc.getMap(SYNC_ROOTS.progress.name);
              for (const e of batch) if (!map.has(e.eventId)) map.set(e.eventId, { ...e, userId: learner });
            });
          for (const s of [...steps, { device: 0, from: 0, count: events.length, exchange: true, compact: false }]) {
            write(devices[s.device]!, events.slice(s.from % events.length, (s.from % events.length) + s.count));
            if (s.exchange) {
              const [a, b] = devices as [Y.Doc, Y.Doc];
              Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
              Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'remote');
            }
            await Promise.all(writes);
            if (s.compact) await committed.compact(name);
          }
          await server.dashboard.projector.idle();
          const incremental = canonical(
            projectionToJson((await server.dashboard.projections.load(learner)).projection),
          );
          expect(incremental.seen).toEqual(events.map((e) => e.eventId).sort());
          await server.dashboard.projector.rebuild(learner);
          const rebuilt = canonical(projectionToJson((await server.dashboard.projections.load(learner)).projection));
          expect(incremental).toEqual(rebuilt);
          for (const doc of devices) doc.destroy();
        },
      ),
      { numRuns: 40, seed: 20261205 },
    );
  }, 120_000);

  it('finds, at start, the learners whose documents hold events their projection has not', async () => {
    const learner = await newLearner();
    const [event] = fc.sample(anEvent, { numRuns: 1, seed: 3 });
    const doc = new Y.Doc();
    doc.getMap(SYNC_ROOTS.progress.name).set(event!.eventId, { ...event!, userId: learner });
    // Committed without the hook: the process stopped before the projection was written.
    await new DocStore(server.store).append(`u/${learner}/progress/2026-1`, Y.encodeStateAsUpdate(doc));
    expect(await server.dashboard.projector.behind()).toContain(learner);
    await server.dashboard.projector.catchUp();
    expect(await server.dashboard.projector.behind()).not.toContain(learner);
    expect([...(await server.dashboard.projections.load(learner)).projection.seen]).toEqual([event!.eventId]);
  });

  it('announces a learner who begins to struggle once, as the update that shows it arrives', async () => {
    const alerts: { learnerId: string; kinds: string[] }[] = [];
    const alerting = await startTestServer({
      dashboard: {
        catalog: testCatalog,
        onStruggle: (learnerId, signals) => alerts.push({ learnerId, kinds: signals.map((x) => x.kind) }),
      },
    });
    try {
      const id = randomUUID();
      await alerting.store.run(
        `INSERT INTO accounts (id, email, display_name, password_hash, role, status, created_at, password_changed_at)
         VALUES (?, 'a@example.org', 'A', 'x', 'learner', 'active', 0, 0)`,
        [id],
      );
      const failing = () =>
        ({
          eventId: uuidv7(),
          type: 'ExerciseSubmitted',
          aggregateId: 'py/sum',
          userId: id,
          timestamp: new Date().toISOString(),
          data: {
            exerciseId: 'py/sum',
            codeHash: 'd'.repeat(64),
            tests: [{ name: 't', status: 'fail' }],
            durationMs: 10,
            hintsUsed: 0,
            skills: [],
          },
          version: 1,
        }) as ProgressEvent;
      for (let i = 0; i < 4; i++) await alerting.dashboard.projector.apply(id, [failing()]);
      expect(alerts).toEqual([{ learnerId: id, kinds: ['repeated-failures'] }]);
    } finally {
      await alerting.app.close();
    }
  });
});
