import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';

/** What reviews read besides the schedule: a skill's title, and the learner's recent review ratings. */
export class ReviewHistory {
  readonly #skill;
  readonly #ratings;

  constructor(db: SqliteDatabase) {
    this.#skill = db.prepare<[string], { title: string }>('SELECT title FROM skills WHERE id = ?');
    this.#ratings = db.prepare<[string, string], { rating: number }>(
      `SELECT json_extract(data, '$.rating') AS rating FROM events
       WHERE learner_id = ? AND type = 'ReviewDone' AND timestamp >= ?`,
    );
  }

  skillTitle(skillId: string): string | undefined {
    return this.#skill.get(skillId)?.title;
  }

  /** Ratings of the learner's reviews at or after `since` (an ISO time). */
  ratingsSince(learnerId: string, since: string): number[] {
    return this.#ratings.all(learnerId, since).map((row) => row.rating);
  }
}
