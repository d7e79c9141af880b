import type { SqlRunner } from '../storage/sql-store.js';

/** Who may read whose documents through a class: used by the document layer on every connection. */
export class Memberships {
  constructor(private readonly store: SqlRunner) {}

  /** True when the learner is in a class the teacher teaches. */
  async teacherOf(teacherId: string, learnerId: string): Promise<boolean> {
    const row = await this.store.get<{ found: number }>(
      `SELECT 1 AS found FROM class_members m JOIN classes c ON c.id = m.class_id
       WHERE c.teacher_id = ? AND m.account_id = ? LIMIT 1`,
      [teacherId, learnerId],
    );
    return row !== undefined;
  }
}
