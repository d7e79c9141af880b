import type { ProgressEvent } from '../../../common/contract/progress.js';
import { quarterOf } from '../../../common/progress-rules/activity-days.js';
import {
  assessmentRatio,
  skillOutcome,
  testsPassed,
  timeOnTaskMs,
} from '../../../common/progress-rules/event-rules.js';
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';

/** Every table derived from the event log; a rebuild empties and refills exactly these. */
export const PROJECTION_TABLES = [
  'lesson_progress',
  'exercise_progress',
  'quiz_progress',
  'skill_mastery',
  'assessment_results',
  'skill_reviews',
  'activity',
  'activity_days',
  'resume_points',
] as const;

const earliest = (column: string) =>
  `${column} = CASE WHEN ${column} IS NULL OR excluded.${column} < ${column} THEN excluded.${column} ELSE ${column} END`;

// isBetterResult (common/progress-rules) in SQL: the highest share of passed tests, then the larger suite.
const BETTER = `(best_total = 0
  OR excluded.best_passed * best_total > best_passed * excluded.best_total
  OR (excluded.best_passed * best_total = best_passed * excluded.best_total AND excluded.best_total > best_total))`;

// Each update is a min, a max or a sum, so any order of the same events gives the same rows:
// that is what makes incremental projection, sync replays and rebuilds agree.
const SQL = {
  lessonOpened: `INSERT INTO lesson_progress (learner_id, lesson_id, first_opened_at) VALUES (?, ?, ?)
    ON CONFLICT DO UPDATE SET ${earliest('first_opened_at')}`,
  lessonCompleted: `INSERT INTO lesson_progress (learner_id, lesson_id, completed_at, time_ms) VALUES (?, ?, ?, ?)
    ON CONFLICT DO UPDATE SET ${earliest('completed_at')}, time_ms = time_ms + excluded.time_ms`,
  exerciseStarted: `INSERT OR IGNORE INTO exercise_progress (learner_id, exercise_id) VALUES (?, ?)`,
  exerciseSubmitted: `INSERT INTO exercise_progress (learner_id, exercise_id, attempts, best_passed, best_total, max_hints)
    VALUES (?, ?, 1, ?, ?, ?)
    ON CONFLICT DO UPDATE SET
      attempts = attempts + 1,
      max_hints = max(max_hints, excluded.max_hints),
      best_passed = CASE WHEN ${BETTER} THEN excluded.best_passed ELSE best_passed END,
      best_total = CASE WHEN ${BETTER} THEN excluded.best_total ELSE best_total END`,
  exerciseCompleted: `INSERT INTO exercise_progress (learner_id, exercise_id, completed_at) VALUES (?, ?, ?)
    ON CONFLICT DO UPDATE SET ${earliest('completed_at')}`,
  quizAnswered: `INSERT INTO quiz_progress (learner_id, quiz_item_id, attempts, correct, first_correct_at)
    VALUES (?, ?, 1, ?, ?)
    ON CONFLICT DO UPDATE SET attempts = attempts + 1, correct = correct + excluded.correct, ${earliest('first_correct_at')}`,
  skillAttempts: `INSERT INTO skill_mastery (learner_id, skill_id, correct, attempts, last_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT DO UPDATE SET correct = correct + excluded.correct, attempts = attempts + excluded.attempts,
      last_at = max(coalesce(last_at, ''), excluded.last_at)`,
  assessment: `INSERT INTO assessment_results (learner_id, assessment_id, attempts, best_ratio) VALUES (?, ?, 1, ?)
    ON CONFLICT DO UPDATE SET attempts = attempts + 1, best_ratio = max(best_ratio, excluded.best_ratio)`,
  review: `INSERT INTO skill_reviews (learner_id, skill_id, reviews, last_at) VALUES (?, ?, 1, ?)
    ON CONFLICT DO UPDATE SET reviews = reviews + 1, last_at = max(last_at, excluded.last_at)`,
  activity: `INSERT INTO activity (learner_id, quarter, events, time_ms) VALUES (?, ?, ?, ?)
    ON CONFLICT DO UPDATE SET events = events + excluded.events, time_ms = time_ms + excluded.time_ms`,
  activityDay: `INSERT INTO activity_days (learner_id, day, first_quarter, last_quarter, time_ms) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT DO UPDATE SET first_quarter = min(first_quarter, excluded.first_quarter),
      last_quarter = max(last_quarter, excluded.last_quarter), time_ms = time_ms + excluded.time_ms`,
  resume: `INSERT INTO resume_points (learner_id, content_id, at, event_id) VALUES (?, ?, ?, ?)
    ON CONFLICT DO UPDATE SET content_id = excluded.content_id, at = excluded.at, event_id = excluded.event_id
    WHERE (excluded.at, excluded.event_id) > (at, event_id)`,
} as const;

export interface Projector {
  /** Applies one event; the counters it adds to are held until `flush`. */
  apply(event: ProgressEvent): void;
  /** Writes the held counters; call before the transaction commits. */
  flush(): void;
  /** Drops the held counters of a batch whose transaction is rolled back. */
  discard(): void;
}

/** Sums keyed by learner and one more key, so a batch writes each counter row once. */
class Tally<V> {
  readonly #rows = new Map<string, { user: string; key: string; value: V }>();
  constructor(private readonly merge: (into: V | undefined) => V) {}
  add(user: string, key: string): V {
    const id = `${user}\u0000${key}`;
    const row = this.#rows.get(id);
    const value = this.merge(row?.value);
    if (!row) this.#rows.set(id, { user, key, value });
    return value;
  }
  drain(write: (user: string, key: string, value: V) => void): void {
    for (const { user, key, value } of this.#rows.values()) write(user, key, value);
    this.#rows.clear();
  }
  clear(): void {
    this.#rows.clear();
  }
}

/** Prepares the statements once and returns what applies events to every projection. */
export function createProjector(db: SqliteDatabase): Projector {
  const run = Object.fromEntries(Object.entries(SQL).map(([name, sql]) => [name, db.prepare(sql)])) as {
    [K in keyof typeof SQL]: Statement<unknown[]>;
  };
  const skills = new Tally(
    (v?: { correct: number; attempts: number; lastAt: string }) => v ?? { correct: 0, attempts: 0, lastAt: '' },
  );
  const quarters = new Tally((v?: { events: number; timeMs: number }) => v ?? { events: 0, timeMs: 0 });
  const days = new Tally(
    (v?: { first: string; last: string; timeMs: number }) => v ?? { first: '~', last: '', timeMs: 0 },
  );

  const skillAttempts = (user: string, ids: readonly string[], correct: boolean, at: string) => {
    for (const id of ids) {
      const tally = skills.add(user, id);
      tally.attempts += 1;
      tally.correct += correct ? 1 : 0;
      if (at > tally.lastAt) tally.lastAt = at;
    }
  };

  // Which event counts toward what is common/progress-rules' (the class server applies the same rules).
  const apply = (event: ProgressEvent) => {
    const { userId: user, timestamp: at } = event;
    switch (event.type) {
      case 'LessonOpened':
        run.lessonOpened.run(user, event.data.lessonId, at);
        run.resume.run(user, event.data.lessonId, at, event.eventId);
        break;
      case 'LessonCompleted':
        run.lessonCompleted.run(user, event.data.lessonId, at, event.data.timeSpentMs);
        break;
      case 'ExerciseStarted':
        run.exerciseStarted.run(user, event.data.exerciseId);
        run.resume.run(user, event.data.exerciseId, at, event.eventId);
        break;
      case 'ExerciseSubmitted': {
        const { tests, exerciseId, hintsUsed } = event.data;
        run.exerciseSubmitted.run(user, exerciseId, testsPassed(tests), tests.length, hintsUsed);
        break;
      }
      case 'ExerciseCompleted':
        run.exerciseCompleted.run(user, event.data.exerciseId, at);
        break;
      case 'QuizAnswered':
        run.quizAnswered.run(user, event.data.quizItemId, event.data.correct ? 1 : 0, event.data.correct ? at : null);
        break;
      case 'AssessmentCompleted':
        run.assessment.run(user, event.data.assessmentId, assessmentRatio(event.data));
        break;
      case 'ReviewDone':
        run.review.run(user, event.data.skillId, at);
        break;
    }
    const outcome = skillOutcome(event);
    if (outcome) skillAttempts(user, outcome.skills, outcome.correct, at);
    const timeMs = timeOnTaskMs(event);
    const quarter = quarterOf(at);
    const q = quarters.add(user, quarter);
    q.events += 1;
    q.timeMs += timeMs;
    const d = days.add(user, at.slice(0, 10));
    if (quarter < d.first) d.first = quarter;
    if (quarter > d.last) d.last = quarter;
    d.timeMs += timeMs;
  };

  const flush = () => {
    skills.drain((user, id, t) => run.skillAttempts.run(user, id, t.correct, t.attempts, t.lastAt));
    quarters.drain((user, quarter, t) => run.activity.run(user, quarter, t.events, t.timeMs));
    days.drain((user, day, t) => run.activityDay.run(user, day, t.first, t.last, t.timeMs));
  };

  const discard = () => {
    skills.clear();
    quarters.clear();
    days.clear();
  };

  return { apply, flush, discard };
}
