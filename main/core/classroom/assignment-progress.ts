import type { Assignment, AssignmentStatus } from '../../../common/contract/assignments.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';

/**
 * Where a learner stands on an assignment, read from the projections of their own event log (so it is right
 * offline and moves as they work): a lesson completed, an exercise passed (every test of one submission, or
 * completed), every item of a module's quiz answered, an assessment taken. Started but not there yet is
 * in progress.
 */
export class AssignmentProgress {
  readonly #lesson;
  readonly #exercise;
  readonly #quiz;
  readonly #assessment;

  constructor(db: SqliteDatabase) {
    this.#lesson = db.prepare<[string, string], { completed_at: string | null }>(
      'SELECT completed_at FROM lesson_progress WHERE learner_id = ? AND lesson_id = ?',
    );
    this.#exercise = db.prepare<
      [string, string],
      { best_passed: number; best_total: number; completed_at: string | null }
    >('SELECT best_passed, best_total, completed_at FROM exercise_progress WHERE learner_id = ? AND exercise_id = ?');
    this.#quiz = db.prepare<{ learner: string; module: string }, { items: number; answered: number }>(
      `SELECT (SELECT count(*) FROM quiz_items WHERE module_id = @module) AS items,
              (SELECT count(*) FROM quiz_progress p JOIN quiz_items q ON q.id = p.quiz_item_id
               WHERE p.learner_id = @learner AND q.module_id = @module AND p.attempts > 0) AS answered`,
    );
    this.#assessment = db.prepare<[string, string], { attempts: number }>(
      'SELECT attempts FROM assessment_results WHERE learner_id = ? AND assessment_id = ?',
    );
  }

  statusOf(learnerId: string, { kind, itemId }: Pick<Assignment, 'kind' | 'itemId'>): AssignmentStatus {
    switch (kind) {
      case 'lesson': {
        const row = this.#lesson.get(learnerId, itemId);
        return !row ? 'not-started' : row.completed_at ? 'done' : 'in-progress';
      }
      case 'exercise': {
        const row = this.#exercise.get(learnerId, itemId);
        if (!row) return 'not-started';
        const passed = row.completed_at !== null || (row.best_total > 0 && row.best_passed === row.best_total);
        return passed ? 'done' : 'in-progress';
      }
      case 'quiz': {
        const { items, answered } = this.#quiz.get({ learner: learnerId, module: itemId })!;
        return answered === 0 ? 'not-started' : items > 0 && answered >= items ? 'done' : 'in-progress';
      }
      case 'assessment': {
        const row = this.#assessment.get(learnerId, itemId);
        return row && row.attempts > 0 ? 'done' : 'not-started';
      }
    }
  }
}
