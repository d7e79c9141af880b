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

  /** Items of the module whose latest answer by this learner was wrong. */
  missed(learnerId: string, moduleId: string): Set<string> {
    const latest = new Map<string, boolean>();
    for (const row of this.#latest.all(learnerId, moduleId)) latest.set(row.id, row.correct === 1);
    return new Set([...latest].filter(([, correct]) => !correct).map(([id]) => id));
  }
}
