import type { AccessClaims } from '../accounts/token-verifier.js';
import { ServerError } from '../http/server-error.js';
import type { SqlRunner } from '../storage/sql-store.js';

export interface ClassRoster {
  id: string;
  name: string;
  members: { id: string; displayName: string }[];
}

/**
 * The dashboard's one door: a class's roster, for its teacher or an admin only. A learner is refused whatever
 * the class; another teacher learns only that it is not theirs (403), as the members route says.
 */
export class ClassAccess {
  constructor(private readonly store: SqlRunner) {}

  async roster(claims: AccessClaims, classId: string): Promise<ClassRoster> {
    if (claims.role === 'learner') throw new ServerError('forbidden', 'Only teachers and admins see class reports.');
    const found = await this.store.get<{ name: string; teacher_id: string }>(
      'SELECT name, teacher_id FROM classes WHERE id = ?',
      [classId],
    );
    if (!found) throw new ServerError('not-found', 'There is no such class.');
    if (found.teacher_id !== claims.accountId && claims.role !== 'admin') {
      throw new ServerError('forbidden', 'Only the teacher of this class (or an admin) sees its report.');
    }
    const members = await this.store.all<{ id: string; display_name: string }>(
      `SELECT a.id, a.display_name FROM class_members m JOIN accounts a ON a.id = m.account_id
       WHERE m.class_id = ? ORDER BY a.display_name, a.id`,
      [classId],
    );
    return { id: classId, name: found.name, members: members.map((m) => ({ id: m.id, displayName: m.display_name })) };
  }

  /** The classes a teacher teaches (an admin: every class), with their sizes. */
  async classesOf(claims: AccessClaims): Promise<{ id: string; name: string; members: number }[]> {
    if (claims.role === 'learner') throw new ServerError('forbidden', 'Only teachers and admins see class reports.');
    const all = claims.role === 'admin';
    const rows = await this.store.all<{ id: string; name: string; members: number }>(
      `SELECT c.id, c.name, (SELECT count(*) FROM class_members m WHERE m.class_id = c.id) AS members
       FROM classes c ${all ? '' : 'WHERE c.teacher_id = ?'} ORDER BY c.name, c.id`,
      all ? [] : [claims.accountId],
    );
    return rows.map((row) => ({ ...row, members: Number(row.members) }));
  }
}
