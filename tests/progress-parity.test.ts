import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { SYNC_ROOTS } from '../common/contract/sync-wire.js';
import {
  applyEvent,
  emptyProjection,
  projectionFromJson,
  projectionToJson,
} from '../common/progress-rules/learner-projection.js';
import { learnerNumbers } from '../common/progress-rules/learner-summary.js';
import { progressEventArbitrary } from '../common/progress-rules/testing/progress-event-arbitrary.js';
import { loadPackSource } from '../content-packs/format/pack-source.js';
import { CatalogStore } from '../main/core/content/catalog-store.js';
import { openCoreDatabase } from '../main/core/db/core-database.js';
import { ProgressLog } from '../main/core/progress/progress-log.js';
import { ProgressReader } from '../main/core/progress/progress-reader.js';
import { catalogOfPacks } from '../sync-server/dashboard/pack-catalog.js';
import { eventsOfDocument } from '../sync-server/dashboard/progress-events.js';

const { db } = openCoreDatabase(mkdtempSync(join(tmpdir(), 'parity-')));
afterAll(() => db.close());

// The same events, as the learner's app counts them (SQL projections, its catalog) and as the class server does
// (the events read back from a synced Yjs document, the in-memory projection stored as JSON, the packs' catalog).
describe('the learner app and the class server count the same events the same way', () => {
  it('gives equal completion per pack and module, mastery per skill, streaks and time on task', async () => {
    const packs = await Promise.all(
      ['python-foundations', 'lionagi-essentials'].map((name) => loadPackSource(join('content-packs', name))),
    );
    const store = new CatalogStore(db);
    for (const pack of packs) store.replacePack(pack, new Date('2026-01-01T00:00:00Z'));
    const log = new ProgressLog(db);
    const reader = new ProgressReader(db);
    const catalog = catalogOfPacks(packs);
    // A few modules' worth of ids (so completions happen), plus ids no installed pack has.
    const modules = catalog.modules.slice(0, 3);
    const anEvent = progressEventArbitrary({
      learners: ['0190a0a0-0000-7000-8000-000000000001'],
      lessons: [...modules.flatMap((m) => m.lessons), 'gone/lesson'],
      exercises: [...modules.flatMap((m) => m.exercises), 'gone/exercise'],
      quizItems: [...modules.flatMap((m) => m.quizItems), 'gone/quiz'],
      skills: [...[...catalog.skillTitles.keys()].slice(0, 6), 'gone/skill'],
      from: '2025-12-20T00:00:00Z',
      to: '2026-01-21T00:00:00Z',
    });
    fc.assert(
      fc.property(
        fc.array(anEvent, { minLength: 1, maxLength: 120 }),
        fc.integer({ min: -56, max: 56 }).map((quarters) => quarters * 15),
        (generated, tzOffsetMinutes) => {
          const learnerId = uuidv7();
          // Fresh ids per run: a shrunk run reuses the events, which the log would skip as seen.
          const events = generated.map((e) => ({ ...e, eventId: uuidv7(), userId: learnerId }));
          log.append(events);

          const synced = new Y.Doc();
          for (const e of events) synced.getMap(SYNC_ROOTS.progress.name).set(e.eventId, e);
          const projection = emptyProjection();
          for (const e of eventsOfDocument(learnerId, [Y.encodeStateAsUpdate(synced)])) applyEvent(projection, e);
          const stored = projectionFromJson(JSON.parse(JSON.stringify(projectionToJson(projection))));

          const now = new Date('2026-01-21T09:00:00Z');
          const app = reader.summary(learnerId, { tzOffsetMinutes, days: 30, now });
          const server = learnerNumbers(stored, catalog, { tzOffsetMinutes, now });
          expect(server).toEqual({
            lessonsCompleted: app.lessonsCompleted,
            exercisesCompleted: app.exercisesCompleted,
            quizItemsCorrect: app.quizItemsCorrect,
            packs: app.packs,
            modules: app.modules,
            mastery: app.mastery,
            streakDays: app.streakDays,
            longestStreakDays: app.longestStreakDays,
            timeOnTaskMs: app.timeOnTaskMs,
          });
        },
      ),
      { numRuns: 40, seed: 20261205 },
    );
  }, 120_000);
});
