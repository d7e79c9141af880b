import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';

export interface LoggedEvent {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

interface Row {
  type: string;
  timestamp: string;
  data: string;
}

/** What analytics reads of the progress log, by time: the log is the truth, read once per question. */
export class AnalyticsReader {
  readonly #between;
  readonly #skilled;
  readonly #titles;

  constructor(db: SqliteDatabase) {
    this.#between = db.prepare<[string, string, string], Row>(
      `SELECT type, timestamp, data FROM events WHERE learner_id = ? AND timestamp >= ? AND timestamp < ?
       ORDER BY timestamp, rowid`,
    );
    // Every answer and submission up to the end: mastery at the range's start counts the evidence before it.
    this.#skilled = db.prepare<[string, string], Row>(
      `SELECT type, timestamp, data FROM events
       WHERE learner_id = ? AND type IN ('QuizAnswered', 'ExerciseSubmitted') AND timestamp < ?
       ORDER BY timestamp, rowid`,
    );
    this.#titles = db.prepare<[], { id: string; title: string }>('SELECT id, title FROM skills');
  }

  #parse = (row: Row): LoggedEvent => ({
    type: row.type,
    timestamp: row.timestamp,
    data: JSON.parse(row.data) as Record<string, unknown>,
  });

  /** The learner's events at or after `from` and before `to` (ISO times), in time order. */
  between(learnerId: string, from: string, to: string): LoggedEvent[] {
    return this.#between.all(learnerId, from, to).map(this.#parse);
  }

  /** The learner's answers and submissions before `to`, in time order. */
  skilledBefore(learnerId: string, to: string): LoggedEvent[] {
    return this.#skilled.all(learnerId, to).map(this.#parse);
  }

  /** Titles of the installed skills, by qualified id. */
  skillTitles(): Map<string, string> {
    return new Map(this.#titles.all().map((row) => [row.id, row.title]));
  }
}
