import type { AssessmentKind, EndReason } from '../../../common/contract/assessments.js';
import type { MessageRef } from '../../../common/i18n/message.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';
import type { ItemParams } from './irt/two-pl.js';

export interface AssessmentRow {
  id: string;
  learnerId: string;
  kind: AssessmentKind;
  topicId: string;
  title: string;
  /** The title as a catalog reference (migration 0210); null for assessments started before. */
  titleI18n: MessageRef | null;
  /** The fixed form's items in order, or the adaptive test's bank. */
  pool: string[];
  targetSe: number;
  maxItems: number;
  seed: number;
  startedAt: string;
  deadline: string | null;
  currentItemId: string | null;
  endedAt: string | null;
  endReason: EndReason | null;
  /** The report as JSON, once it ended. */
  result: string | null;
}

export interface AnswerRow {
  itemId: string;
  answer: string;
  correct: boolean;
  params: ItemParams;
  answeredAt: string;
  timeSpentMs: number;
}

interface StoredRow extends Omit<AssessmentRow, 'pool' | 'titleI18n'> {
  pool: string;
  titleI18n: string | null;
}

const COLUMNS = `id, learner_id AS learnerId, kind, topic_id AS topicId, title, title_i18n AS titleI18n, pool, target_se AS targetSe,
  max_items AS maxItems, seed, started_at AS startedAt, deadline, current_item_id AS currentItemId,
  ended_at AS endedAt, end_reason AS endReason, result`;

/** Assessments, their answers and the item bank's calibrated parameters (migration 0130). */
export class AssessmentStore {
  readonly #insert;
  readonly #find;
  readonly #ofLearner;
  readonly #answers;
  readonly #addAnswer;
  readonly #setCurrent;
  readonly #end;
  readonly #reopen;
  readonly #saveResult;
  readonly #params;
  readonly #saveParams;
  readonly #pack;
  readonly #modulesOfPack;
  readonly #module;
  readonly #skill;
  readonly #quizAnswers;
  readonly #inTest;
  readonly #db;

  constructor(db: SqliteDatabase) {
    this.#db = db;
    this.#insert = db.prepare(
      `INSERT INTO assessments (id, learner_id, kind, topic_id, title, title_i18n, pool, target_se, max_items, seed,
         started_at, deadline, current_item_id)
       VALUES (@id, @learnerId, @kind, @topicId, @title, @titleI18n, @pool, @targetSe, @maxItems, @seed, @startedAt,
         @deadline, @currentItemId)`,
    );
    this.#find = db.prepare<[string, string], StoredRow>(
      `SELECT ${COLUMNS} FROM assessments WHERE id = ? AND learner_id = ?`,
    );
    this.#ofLearner = db.prepare<[string], StoredRow>(
      `SELECT ${COLUMNS} FROM assessments WHERE learner_id = ? ORDER BY started_at DESC, rowid DESC`,
    );
    this.#answers = db.prepare<
      [string],
      Omit<AnswerRow, 'params' | 'correct'> & { correct: number; a: number; b: number }
    >(
      `SELECT item_id AS itemId, answer, correct, discrimination AS a, difficulty AS b, answered_at AS answeredAt,
         time_spent_ms AS timeSpentMs
       FROM assessment_answers WHERE assessment_id = ? ORDER BY position`,
    );
    this.#addAnswer = db.prepare(
      `INSERT INTO assessment_answers (assessment_id, position, item_id, answer, correct, discrimination, difficulty,
         answered_at, time_spent_ms)
       VALUES (?, (SELECT count(*) FROM assessment_answers WHERE assessment_id = ?), ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#setCurrent = db.prepare('UPDATE assessments SET current_item_id = ? WHERE id = ?');
    this.#end = db.prepare(
      `UPDATE assessments SET ended_at = ?, end_reason = ?, current_item_id = NULL
       WHERE id = ? AND ended_at IS NULL`,
    );
    this.#reopen = db.prepare(
      'UPDATE assessments SET ended_at = NULL, end_reason = NULL, result = NULL, current_item_id = ? WHERE id = ?',
    );
    this.#saveResult = db.prepare('UPDATE assessments SET result = ? WHERE id = ?');
    this.#params = db.prepare<[string], { a: number; b: number }>(
      'SELECT discrimination AS a, difficulty AS b FROM item_parameters WHERE item_id = ?',
    );
    this.#saveParams = db.prepare(
      `INSERT INTO item_parameters (item_id, discrimination, difficulty, answers, calibrated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (item_id) DO UPDATE SET discrimination = excluded.discrimination, difficulty = excluded.difficulty,
         answers = excluded.answers, calibrated_at = excluded.calibrated_at`,
    );
    this.#pack = db.prepare<[string], { title: string }>('SELECT title FROM packs WHERE id = ?');
    this.#modulesOfPack = db.prepare<[string], { id: string }>(
      'SELECT id FROM modules WHERE pack_id = ? ORDER BY position',
    );
    this.#module = db.prepare<[string], { title: string }>('SELECT title FROM modules WHERE id = ?');
    this.#skill = db.prepare<[string], { title: string }>('SELECT title FROM skills WHERE id = ?');
    this.#inTest = db.prepare<[{ learnerId: string; itemId: string; at: string }], { one: number }>(
      `SELECT 1 AS one FROM assessments a
       WHERE a.learner_id = @learnerId AND a.ended_at IS NULL AND (a.deadline IS NULL OR a.deadline >= @at)
         AND (a.current_item_id = @itemId
           OR EXISTS (SELECT 1 FROM assessment_answers x WHERE x.assessment_id = a.id AND x.item_id = @itemId))
       LIMIT 1`,
    );
    this.#quizAnswers = db.prepare<[], { learner: string; item: string; correct: number }>(
      `SELECT learner_id AS learner, aggregate_id AS item, json_extract(data, '$.correct') AS correct
       FROM events WHERE type = 'QuizAnswered' ORDER BY timestamp, rowid`,
    );
  }

  /** Whether a test of the learner still running at `at` has asked the item (now or before). */
  inRunningTest(learnerId: string, itemId: string, at: Date): boolean {
    return this.#inTest.get({ learnerId, itemId, at: at.toISOString() }) !== undefined;
  }

  #parse = (row: StoredRow): AssessmentRow => ({
    ...row,
    pool: JSON.parse(row.pool) as string[],
    titleI18n: row.titleI18n === null ? null : (JSON.parse(row.titleI18n) as MessageRef),
  });

  create(row: Omit<AssessmentRow, 'endedAt' | 'endReason' | 'result'>): void {
    this.#insert.run({
      ...row,
      pool: JSON.stringify(row.pool),
      titleI18n: row.titleI18n === null ? null : JSON.stringify(row.titleI18n),
    });
  }

  /** The learner's own assessment; another learner's is not found. */
  find(id: string, learnerId: string): AssessmentRow | undefined {
    const row = this.#find.get(id, learnerId);
    return row && this.#parse(row);
  }

  ofLearner(learnerId: string): AssessmentRow[] {
    return this.#ofLearner.all(learnerId).map(this.#parse);
  }

  answers(id: string): AnswerRow[] {
    return this.#answers
      .all(id)
      .map(({ a, b, correct, ...row }) => ({ ...row, correct: correct === 1, params: { a, b } }));
  }

  /** Records an answer and the next question together, so a crash between them loses neither. */
  answer(id: string, answer: AnswerRow, nextItemId: string | null): void {
    this.#db.transaction(() => {
      this.#addAnswer.run(
        id,
        id,
        answer.itemId,
        answer.answer,
        answer.correct ? 1 : 0,
        answer.params.a,
        answer.params.b,
        answer.answeredAt,
        answer.timeSpentMs,
      );
      this.#setCurrent.run(nextItemId, id);
    })();
  }

  /** Ends a running assessment; false when it had ended already (another call got there first). */
  end(id: string, reason: EndReason, at: string): boolean {
    return this.#end.run(at, reason, id).changes === 1;
  }

  /** Undoes `end` when its report could not be recorded, so the learner can try again. */
  reopen(id: string, currentItemId: string | null): void {
    this.#reopen.run(currentItemId, id);
  }

  saveResult(id: string, result: unknown): void {
    this.#saveResult.run(JSON.stringify(result), id);
  }

  /** The item's calibrated parameters, if it was ever calibrated. */
  params(itemId: string): ItemParams | undefined {
    return this.#params.get(itemId);
  }

  saveParams(items: readonly (ItemParams & { item: string; answers: number })[], at: string): void {
    this.#db.transaction(() => {
      for (const item of items) this.#saveParams.run(item.item, item.a, item.b, item.answers, at);
    })();
  }

  /** A pack's title and modules, or a module's title; undefined when neither is installed. */
  topic(topicId: string): { title: string; moduleIds: string[] } | undefined {
    if (topicId.includes('/')) {
      const module = this.#module.get(topicId);
      return module && { title: module.title, moduleIds: [topicId] };
    }
    const pack = this.#pack.get(topicId);
    return pack && { title: pack.title, moduleIds: this.#modulesOfPack.all(topicId).map((m) => m.id) };
  }

  moduleTitle(moduleId: string): string | undefined {
    return this.#module.get(moduleId)?.title;
  }

  skillTitle(skillId: string): string | undefined {
    return this.#skill.get(skillId)?.title;
  }

  /** Every quiz answer on this machine, oldest first: the app's own data for calibration. */
  quizAnswers(): { learner: string; item: string; correct: boolean }[] {
    return this.#quizAnswers.all().map((row) => ({ ...row, correct: row.correct === 1 }));
  }
}
