import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';

/**
 * Moments of code work that write no progress event: a run, a saved draft, a live check. One row a
 * minute per learner (the first moment of that minute) is all time on task needs, however fast the
 * editor saves.
 */
export class WorkMarks {
  readonly #mark;
  readonly #between;

  constructor(db: SqliteDatabase) {
    this.#mark = db.prepare<[string, string, string]>(
      'INSERT OR IGNORE INTO work_marks (learner_id, minute, at) VALUES (?, ?, ?)',
    );
    this.#between = db.prepare<[string, string, string], { at: string }>(
      'SELECT at FROM work_marks WHERE learner_id = ? AND minute >= ? AND minute < ? ORDER BY minute',
    );
  }

  mark(learnerId: string, at: Date): void {
    const iso = at.toISOString();
    this.#mark.run(learnerId, iso.slice(0, 16), iso);
  }

  /** The marks at or after `from` and before `to` (ISO times), oldest first. */
  between(learnerId: string, from: string, to: string): string[] {
    return this.#between.all(learnerId, from.slice(0, 16), to.slice(0, 16)).map((row) => row.at);
  }
}
