import type { ProgressEvent } from '../../../common/contract/progress.js';
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
  'resume_points',
] as const;

const earliest = (column: string) =>
  `${column} = CASE WHEN ${column} IS NULL OR excluded.${column} < ${column} THEN excluded.${column} ELSE ${column} END`;

// The best result is the highest share of passed tests, then the larger suite; 0/0 is "none yet".
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
  skillAttempt: `INSERT INTO skill_mastery (learner_id, skill_id, correct, attempts) VALUES (?, ?, ?, 1)
    ON CONFLICT DO UPDATE SET correct = correct + excluded.correct, attempts = attempts + 1`,
  assessment: `INSERT INTO assessment_results (learner_id, assessment_id, attempts, best_ratio) VALUES (?, ?, 1, ?)
    ON CONFLICT DO UPDATE SET attempts = attempts + 1, best_ratio = max(best_ratio, excluded.best_ratio)`,
  review: `INSERT INTO skill_reviews (learner_id, skill_id, reviews, last_at) VALUES (?, ?, 1, ?)
    ON CONFLICT DO UPDATE SET reviews = reviews + 1, last_at = max(last_at, excluded.last_at)`,
  activity: `INSERT INTO activity (learner_id, quarter, events, time_ms) VALUES (?, ?, 1, ?)
    ON CONFLICT DO UPDATE SET events = events + 1, time_ms = time_ms + excluded.time_ms`,
  resume: `INSERT INTO resume_points (learner_id, content_id, at, event_id) VALUES (?, ?, ?, ?)
    ON CONFLICT DO UPDATE SET content_id = excluded.content_id, at = excluded.at, event_id = excluded.event_id
    WHERE (excluded.at, excluded.event_id) > (at, event_id)`,
} as const;

/** `2026-03-04T10:37:12.000Z` -> `2026-03-04T10:30`: the UTC quarter hour the event falls in. */
export const quarterOf = (timestamp: string): string =>
  `${timestamp.slice(0, 14)}${String(Math.floor(Number(timestamp.slice(14, 16)) / 15) * 15).padStart(2, '0')}`;

export type Projector = (event: ProgressEvent) => void;

/** Prepares the statements once and returns the function that applies one event to every projection. */
export function createProjector(db: SqliteDatabase): Projector {
  const run = Object.fromEntries(Object.entries(SQL).map(([name, sql]) => [name, db.prepare(sql)])) as {
    [K in keyof typeof SQL]: Statement<unknown[]>;
  };

  const skillAttempts = (user: string, skills: readonly string[], correct: boolean) => {
    for (const skill of skills) run.skillAttempt.run(user, skill, correct ? 1 : 0);
  };

  return (event) => {
    const { userId: user, timestamp: at } = event;
    let timeMs = 0;
    switch (event.type) {
      case 'LessonOpened':
        run.lessonOpened.run(user, event.data.lessonId, at);
        run.resume.run(user, event.data.lessonId, at, event.eventId);
        break;
      case 'LessonCompleted':
        timeMs = event.data.timeSpentMs;
        run.lessonCompleted.run(user, event.data.lessonId, at, timeMs);
        break;
      case 'ExerciseStarted':
        run.exerciseStarted.run(user, event.data.exerciseId);
        run.resume.run(user, event.data.exerciseId, at, event.eventId);
        break;
      case 'ExerciseSubmitted': {
        const { tests, exerciseId, hintsUsed, skills } = event.data;
        const passed = tests.filter((t) => t.status === 'pass').length;
        timeMs = event.data.durationMs;
        run.exerciseSubmitted.run(user, exerciseId, passed, tests.length, hintsUsed);
        skillAttempts(user, skills, tests.length > 0 && passed === tests.length);
        break;
      }
      case 'ExerciseCompleted':
        run.exerciseCompleted.run(user, event.data.exerciseId, at);
        break;
      case 'QuizAnswered':
        timeMs = event.data.timeSpentMs;
        run.quizAnswered.run(user, event.data.quizItemId, event.data.correct ? 1 : 0, event.data.correct ? at : null);
        skillAttempts(user, event.data.skills, event.data.correct);
        break;
      case 'AssessmentCompleted':
        run.assessment.run(user, event.data.assessmentId, Math.min(1, event.data.score / event.data.total));
        break;
      case 'ReviewDone':
        run.review.run(user, event.data.skillId, at);
        break;
    }
    run.activity.run(user, quarterOf(at), timeMs);
  };
}
