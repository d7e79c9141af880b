import { say } from '../../common/i18n/message.js';
import type { AccessClaims } from '../accounts/token-verifier.js';
import { ServerError } from '../http/server-error.js';
import type { Classes } from '../classes/classes.js';
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
  constructor(
    private readonly store: SqlRunner,
    private readonly classes: Pick<Classes, 'members'>,
  ) {}

  async roster(claims: AccessClaims, classId: string): Promise<ClassRoster> {
    if (claims.role === 'learner') throw new ServerError('forbidden', say('server-reports-teachers'));
    // The classes room decides who sees a class's members; the report shows no more than that.
    const { name, members } = await this.classes.members(claims, classId);
    return { id: classId, name, members: members.map((m) => ({ id: m.id, displayName: m.displayName })) };
  }

  /** The classes a teacher teaches (an admin: every class), with their sizes. */
  async classesOf(claims: AccessClaims): Promise<{ id: string; name: string; members: number }[]> {
    if (claims.role === 'learner') throw new ServerError('forbidden', say('server-reports-teachers'));
    const all = claims.role === 'admin';
    const rows = await this.store.all<{ id: string; name: string; members: number }>(
      `SELECT c.id, c.name, (SELECT count(*) FROM class_members m WHERE m.class_id = c.id) AS members
       FROM classes c ${all ? '' : 'WHERE c.teacher_id = ?'} ORDER BY c.name, c.id`,
      all ? [] : [claims.accountId],
    );
    return rows.map((row) => ({ ...row, members: Number(row.members) }));
  }
}
