import { quizItemSchema } from '../../../content-packs/format/manifest.js';
import type { QuizItem } from '../../../content-packs/format/manifest.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';

export interface StoredQuizItem {
  id: string;
  moduleId: string;
  item: QuizItem;
  skills: string[];
}

interface Row {
  id: string;
  moduleId: string;
  item: string;
  skills: string | null;
}

/** The installed packs' quiz items (written by the content catalog), and a learner's latest verdict on each. */
export class QuizBank {
  readonly #ofModule;
  readonly #one;
  readonly #latest;
  readonly #ofSkill;
  readonly #lastAnswered;

  constructor(db: SqliteDatabase) {
    const columns = `q.id, q.module_id AS moduleId, q.item,
      (SELECT group_concat(skill_id) FROM content_skills WHERE content_id = q.id) AS skills`;
    this.#ofModule = db.prepare<[string], Row>(
      `SELECT ${columns} FROM quiz_items q WHERE q.module_id = ? ORDER BY q.position`,
    );
    this.#one = db.prepare<[string], Row>(`SELECT ${columns} FROM quiz_items q WHERE q.id = ?`);
    // The newest answer per item wins; rowid breaks ties between answers of one millisecond.
    this.#latest = db.prepare<[string, string], { id: string; correct: number }>(
      `SELECT aggregate_id AS id, json_extract(data, '$.correct') AS correct FROM events
       WHERE learner_id = ? AND type = 'QuizAnswered'
         AND aggregate_id IN (SELECT id FROM quiz_items WHERE module_id = ?)
       ORDER BY timestamp, rowid`,
    );
    this.#ofSkill = db.prepare<[string], Row>(
      `SELECT ${columns} FROM quiz_items q
       WHERE q.id IN (SELECT content_id FROM content_skills WHERE skill_id = ?)
       ORDER BY q.module_id, q.position`,
    );
    this.#lastAnswered = db.prepare<[string, string], { id: string; at: string }>(
      `SELECT id, max(timestamp) AS at FROM (
         SELECT CASE type WHEN 'QuizAnswered' THEN aggregate_id ELSE json_extract(data, '$.itemId') END AS id, timestamp
         FROM events WHERE learner_id = ? AND type IN ('QuizAnswered', 'ReviewDone'))
       WHERE id IN (SELECT content_id FROM content_skills WHERE skill_id = ?)
       GROUP BY id`,
    );
  }

  #parse = (row: Row): StoredQuizItem => ({
    id: row.id,
    moduleId: row.moduleId,
    // Parsed again so defaults of items stored by an older app are filled in the same way.
    item: quizItemSchema.parse(JSON.parse(row.item)),
    // Qualified skill ids, as the progress events carry them.
    skills: row.skills ? row.skills.split(',').sort() : [],
  });

  itemsOf(moduleId: string): StoredQuizItem[] {
    return this.#ofModule.all(moduleId).map(this.#parse);
  }

  find(itemId: string): StoredQuizItem | undefined {
    const row = this.#one.get(itemId);
    return row && this.#parse(row);
  }

  /** The installed quiz items that practise a skill, in teaching order. */
  itemsOfSkill(skillId: string): StoredQuizItem[] {
    return this.#ofSkill.all(skillId).map(this.#parse);
  }

  /** When this learner last answered each item of the skill, in a quiz or a review. */
  lastAnswered(learnerId: string, skillId: string): Map<string, string> {
    return new Map(this.#lastAnswered.all(learnerId, skillId).map((row) => [row.id, row.at]));
  }

  /** Items of the module whose latest answer by this learner was wrong. */
  missed(learnerId: string, moduleId: string): Set<string> {
    const latest = new Map<string, boolean>();
    for (const row of this.#latest.all(learnerId, moduleId)) latest.set(row.id, row.correct === 1);
    return new Set([...latest].filter(([, correct]) => !correct).map(([id]) => id));
  }
}
