import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordInput } from '../../../../common/contract/progress.js';
import { writePackFixture } from '../../../../content-packs/format/pack-fixture.js';
import { loadPackSource } from '../../../../content-packs/format/pack-source.js';
import type { SqliteDatabase } from '../../../../infra/sqlite/open-database.js';
import { CatalogStore } from '../../content/catalog-store.js';
import { CORE_DATABASE_FILE, openCoreDatabase } from '../../db/core-database.js';
import { ProgressLog } from '../../progress/progress-log.js';
import { seeded } from './seeded-random.js';
import { SHIPPED_PACKS } from '../testing/start-learner.js';
import { Candidates } from './candidates.js';
import { FinishedSteps } from './finished-steps.js';
import { MASTERED } from './review-schedule.js';

const LEARNER = '0190a3c4-0000-4000-8000-000000000001';

/**
 * The reads as they were made at every call before they were kept per catalog generation: the
 * reference the kept reads must equal, whatever was installed, removed or answered in between.
 */
function freshReads(db: SqliteDatabase) {
  const list = (joined: string | null) => (joined ? joined.split(',') : []);
  const open = db.prepare<[string], { id: string; skills: string | null; lessons: string | null }>(
    `SELECT s.content_id AS id, s.title, s.module_id AS moduleId, e.difficulty,
       (SELECT group_concat(skill_id) FROM content_skills WHERE content_id = s.content_id) AS skills,
       (SELECT group_concat(required_id) FROM prerequisites WHERE graph = 'lesson' AND item_id = s.content_id) AS lessons
     FROM sequence s JOIN packs k ON k.id = s.pack_id JOIN exercises e ON e.id = s.content_id
     LEFT JOIN exercise_progress p ON p.learner_id = ? AND p.exercise_id = s.content_id
     WHERE s.kind = 'exercise' AND p.completed_at IS NULL
     ORDER BY k.title, s.position`,
  );
  const lessons = db.prepare<[string], { id: string; title: string; moduleId: string }>(
    `SELECT s.content_id AS id, s.title, s.module_id AS moduleId
     FROM sequence s JOIN packs k ON k.id = s.pack_id
     LEFT JOIN lesson_progress p ON p.learner_id = ? AND p.lesson_id = s.content_id
     WHERE s.kind = 'lesson' AND p.completed_at IS NULL
     ORDER BY k.title, s.position`,
  );
  const difficulty = db.prepare<[string, string, string], { difficulty: number }>(
    `SELECT difficulty FROM exercises WHERE id = ? UNION ALL SELECT difficulty FROM quiz_items WHERE id = ?
     UNION ALL SELECT 2 FROM lessons WHERE id = ? LIMIT 1`,
  );
  const steps = db.prepare<[], { kind: string; contentId: string; moduleId: string }>(
    `SELECT s.kind, s.content_id AS contentId, s.module_id AS moduleId
     FROM sequence s JOIN packs k ON k.id = s.pack_id
     WHERE s.kind IN ('lesson', 'exercise') ORDER BY k.title, s.position`,
  );
  const skillsOf = db.prepare<[string], { id: string }>(
    'SELECT skill_id AS id FROM content_skills WHERE content_id = ?',
  );
  const completed = db.prepare<[string, string], { id: string }>(
    `SELECT lesson_id AS id FROM lesson_progress WHERE learner_id = ? AND completed_at IS NOT NULL
     UNION ALL SELECT exercise_id FROM exercise_progress WHERE learner_id = ? AND completed_at IS NOT NULL`,
  );
  const mastery = db.prepare<[string, string], { correct: number; attempts: number }>(
    'SELECT correct, attempts FROM skill_mastery WHERE learner_id = ? AND skill_id = ?',
  );
  const isDone = (learnerId: string) => {
    const done = new Set(completed.all(learnerId, learnerId).map((r) => r.id));
    return (id: string) => {
      if (done.has(id)) return true;
      const skills = skillsOf.all(id);
      return (
        skills.length > 0 &&
        skills.every(({ id: skill }) => {
          const e = mastery.get(learnerId, skill);
          return e !== undefined && e.attempts >= MASTERED.attempts && e.correct >= e.attempts * MASTERED.share;
        })
      );
    };
  };
  return {
    openExercises: (learnerId: string) =>
      open.all(learnerId).map((row) => ({ ...row, skills: list(row.skills), lessons: list(row.lessons) })),
    firstLessonLeft: (learnerId: string) => lessons.all(learnerId).find((l) => !isDone(learnerId)(l.id)),
    difficultyOf: (id: string) => difficulty.get(id, id, id)?.difficulty,
    isDone,
    steps: () => steps.all(),
  };
}

/** Every id a read may be asked about: the catalog's, and some no longer (or not yet) installed. */
const allIds = (db: SqliteDatabase, seen: Set<string>) => {
  for (const table of ['lessons', 'exercises', 'quiz_items', 'modules']) {
    for (const { id } of db.prepare<[], { id: string }>(`SELECT id FROM ${table}`).all()) seen.add(id);
  }
  return [...seen, 'nowhere/nothing'];
};

describe('catalog reads kept per catalog generation', () => {
  let dataDir: string;
  let db: SqliteDatabase;
  const others: Database.Database[] = [];
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'catalog-reads-'));
    db = openCoreDatabase(dataDir).db;
  });
  afterEach(() => {
    others.splice(0).forEach((other) => other.close());
    db.close();
  });

  it('answer as a fresh read of the catalog would, through answers, installs, removals and another connection’s install', async () => {
    const catalog = new CatalogStore(db);
    const candidates = new Candidates(db, catalog.generation);
    const finished = new FinishedSteps(db, catalog.generation);
    const fresh = freshReads(db);
    const log = new ProgressLog(db);
    const seen = new Set<string>();
    const random = seeded(17);

    const expectSameReads = () => {
      expect(candidates.openExercises(LEARNER)).toEqual(fresh.openExercises(LEARNER));
      const { isDone, state } = finished.of(LEARNER);
      const freshDone = fresh.isDone(LEARNER);
      expect(candidates.firstLessonLeft(LEARNER, isDone)).toEqual(fresh.firstLessonLeft(LEARNER));
      for (const id of allIds(db, seen)) {
        expect(catalog.difficultyOf(id), id).toBe(fresh.difficultyOf(id));
        expect(catalog.difficulties().get(id), id).toBe(fresh.difficultyOf(id));
        expect(isDone(id), id).toBe(freshDone(id));
      }
      expect(finished.progress(LEARNER).steps).toEqual(fresh.steps().map((s) => ({ ...s, state: state(s.contentId) })));
    };
    /** A few answers, read lessons and finished exercises on what is installed now. */
    const practise = (count: number) => {
      const lessons = db.prepare<[], { id: string }>('SELECT id FROM lessons ORDER BY id').all();
      const exercises = db.prepare<[], { id: string }>('SELECT id FROM exercises ORDER BY id').all();
      const quiz = db.prepare<[], { id: string }>('SELECT id FROM quiz_items ORDER BY id').all();
      const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
      const events: RecordInput[] = [];
      for (let i = 0; i < count; i++) {
        const r = random();
        if (r < 0.3) events.push({ type: 'LessonCompleted', data: { lessonId: pick(lessons).id, timeSpentMs: 1000 } });
        else if (r < 0.5) events.push({ type: 'ExerciseCompleted', data: { exerciseId: pick(exercises).id } });
        else {
          const quizItemId = pick(quiz).id;
          const skills = catalog.structure.skillsOf(quizItemId);
          events.push({
            type: 'QuizAnswered',
            data: { quizItemId, correct: random() < 0.8, answer: 'x', timeSpentMs: 1000, skills },
          });
        }
      }
      log.append(
        events.map((e, i) => ({
          eventId: uuidv7(),
          type: e.type,
          aggregateId: Object.values(e.data)[0] as string,
          userId: LEARNER,
          timestamp: new Date(Date.UTC(2026, 2, 1, 8, 0, i)).toISOString(),
          data: e.data,
          version: 1,
        })),
      );
    };

    catalog.replacePack(await loadPackSource(join(SHIPPED_PACKS, 'python-foundations')), new Date());
    expectSameReads();
    practise(40);
    expectSameReads();

    // Installed here: the kept reads must take the new pack in.
    catalog.replacePack(await loadPackSource(writePackFixture()), new Date());
    practise(20);
    expectSameReads();

    // Removed here: its steps must go.
    catalog.removePack('python-foundations');
    expectSameReads();

    // Another connection on the same file (a CLI while the app runs) installs a pack: this
    // connection's own counter never moved, so only SQLite's data_version can tell.
    const other = new Database(join(dataDir, CORE_DATABASE_FILE));
    others.push(other);
    new CatalogStore(other).replacePack(await loadPackSource(join(SHIPPED_PACKS, 'lionagi-essentials')), new Date());
    expectSameReads();
    practise(20);
    expectSameReads();
    expect(candidates.openExercises(LEARNER).some((c) => c.id.startsWith('lionagi-essentials/'))).toBe(true);
  });
});
