import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';

/** One event as analytics needs it, its fields read by SQLite (no JSON parsed in JavaScript per event). */
export interface LoggedEvent {
  type: string;
  timestamp: string;
  /** The time the event reports for itself (a lesson read, a quiz item looked at, a run), if any. */
  reportedMs: number | null;
  /** For an answer or a submission: right (every test passed), as the mastery projection counts it. */
  correct: number | null;
  /** For an answer or a submission: its skills as JSON text. */
  skills: string | null;
  /** For a finished assessment: its data as JSON text. */
  assessment: string | null;
}

export interface SkillCounts {
  skillId: string;
  correct: number;
  attempts: number;
}

const SKILLED = `('QuizAnswered', 'ExerciseSubmitted')`;
/** Right, as projections.ts counts it: a right answer, or a submission with tests that all passed. */
const RIGHT = `CASE e.type
  WHEN 'QuizAnswered' THEN json_extract(e.data, '$.correct')
  WHEN 'ExerciseSubmitted' THEN json_array_length(e.data, '$.tests') > 0
    AND NOT EXISTS (SELECT 1 FROM json_each(e.data, '$.tests') t WHERE json_extract(t.value, '$.status') <> 'pass')
  END`;

/** What analytics reads of the progress log, by time, and of the mastery projection. */
export class AnalyticsReader {
  readonly #between;
  readonly #since;
  readonly #totals;
  readonly #titles;

  constructor(db: SqliteDatabase) {
    this.#between = db.prepare<[string, string, string], LoggedEvent>(
      `SELECT e.type, e.timestamp,
         json_extract(e.data, CASE e.type WHEN 'ExerciseSubmitted' THEN '$.durationMs' ELSE '$.timeSpentMs' END)
           AS reportedMs,
         ${RIGHT} AS correct,
         CASE WHEN e.type IN ${SKILLED} THEN json_extract(e.data, '$.skills') END AS skills,
         CASE e.type WHEN 'AssessmentCompleted' THEN e.data END AS assessment
       FROM events e WHERE e.learner_id = ? AND e.timestamp >= ? AND e.timestamp < ?
       ORDER BY e.timestamp, e.rowid`,
    );
    this.#since = db.prepare<[string, string], SkillCounts>(
      `SELECT j.value AS skillId, sum(coalesce(${RIGHT}, 0)) AS correct, count(*) AS attempts
       FROM events e, json_each(e.data, '$.skills') j
       WHERE e.learner_id = ? AND e.type IN ${SKILLED} AND e.timestamp >= ?
       GROUP BY j.value`,
    );
    this.#totals = db.prepare<[string], SkillCounts>(
      'SELECT skill_id AS skillId, correct, attempts FROM skill_mastery WHERE learner_id = ?',
    );
    this.#titles = db.prepare<[], { id: string; title: string }>('SELECT id, title FROM skills');
  }

  /** The learner's events at or after `from` and before `to` (ISO times), in time order. */
  between(learnerId: string, from: string, to: string): LoggedEvent[] {
    return this.#between.all(learnerId, from, to);
  }

  /**
   * Right answers and attempts per skill from before `at` (an ISO time): the mastery projection's
   * totals less what came since, so a long history is never read event by event.
   */
  skillsBefore(learnerId: string, at: string): Map<string, SkillCounts> {
    const before = new Map(this.#totals.all(learnerId).map((row) => [row.skillId, { ...row }]));
    for (const since of this.#since.all(learnerId, at)) {
      const row = before.get(since.skillId);
      if (!row) continue;
      row.correct -= since.correct;
      row.attempts -= since.attempts;
    }
    return before;
  }

  /** Titles of the installed skills, by qualified id. */
  skillTitles(): Map<string, string> {
    return new Map(this.#titles.all().map((row) => [row.id, row.title]));
  }
}
