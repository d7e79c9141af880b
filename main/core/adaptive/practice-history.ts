import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';

/** One graded answer: an exercise submission (right when every test passed) or a quiz answer. */
export interface Attempt {
  kind: 'exercise' | 'quiz';
  contentId: string;
  at: string;
  correct: boolean;
  /**
   * How long the learner thought: a quiz answer's own time, or for an exercise the time since the
   * previous submission of it (a submission's duration is the sandbox's, not the learner's).
   * Null for an exercise's first submission in the window.
   */
  thinkMs: number | null;
  hintsUsed: number;
  skills: string[];
}

interface EventRow {
  type: 'ExerciseSubmitted' | 'QuizAnswered';
  contentId: string;
  at: string;
  data: string;
}

type SubmittedData = { tests: { status: string }[]; hintsUsed: number; skills?: string[] };
type AnsweredData = { correct: boolean; timeSpentMs: number; skills?: string[] };

/** A learner's graded answers and active hours, read from the event log and the activity projection. */
export class PracticeHistory {
  readonly #latest;
  readonly #quarters;

  constructor(db: SqliteDatabase) {
    // The type filter repeats the partial index's own (migration 0070), so SQLite can use it.
    this.#latest = db.prepare<[string, number], EventRow>(
      `SELECT type, aggregate_id AS contentId, timestamp AS at, data FROM events
       WHERE learner_id = ? AND type IN ('ExerciseSubmitted', 'QuizAnswered')
       ORDER BY timestamp DESC, event_id DESC LIMIT ?`,
    );
    this.#quarters = db.prepare<[string, string], { quarter: string; events: number }>(
      'SELECT quarter, events FROM activity WHERE learner_id = ? AND quarter >= ?',
    );
  }

  /** The latest `limit` graded answers, newest first. */
  latest(learnerId: string, limit: number): Attempt[] {
    const rows = this.#latest.all(learnerId, limit);
    const attempts: Attempt[] = [];
    // Oldest first, so each exercise submission can look back at the one before it.
    const previousTry = new Map<string, number>();
    for (const row of rows.reverse()) {
      const at = Date.parse(row.at);
      if (row.type === 'QuizAnswered') {
        const data = JSON.parse(row.data) as AnsweredData;
        attempts.push({
          kind: 'quiz',
          contentId: row.contentId,
          at: row.at,
          correct: data.correct,
          thinkMs: data.timeSpentMs,
          hintsUsed: 0,
          skills: data.skills ?? [],
        });
      } else {
        const data = JSON.parse(row.data) as SubmittedData;
        const before = previousTry.get(row.contentId);
        previousTry.set(row.contentId, at);
        attempts.push({
          kind: 'exercise',
          contentId: row.contentId,
          at: row.at,
          correct: data.tests.length > 0 && data.tests.every((t) => t.status === 'pass'),
          thinkMs: before === undefined ? null : at - before,
          hintsUsed: data.hintsUsed,
          skills: data.skills ?? [],
        });
      }
    }
    return attempts.reverse();
  }

  /** Events per UTC quarter hour (`2026-03-04T10:30`) since `from`. */
  activeQuarters(learnerId: string, from: Date): { quarter: string; events: number }[] {
    return this.#quarters.all(learnerId, from.toISOString().slice(0, 16));
  }
}
