import { say } from '../../common/i18n/message.js';
import { randomUUID } from 'node:crypto';
import type { ClassMember, JoinedClass, TaughtClass } from '../../common/contract/classes.js';
import { ServerError } from '../http/server-error.js';
import type { SqlRunner, SqlStore } from '../storage/sql-store.js';
import { newJoinCode } from './join-codes.js';
import type { AccessClaims } from '../accounts/token-verifier.js';

export type { ClassMember };

interface ClassRow {
  id: string;
  name: string;
  teacher_id: string;
  join_code: string;
  created_at: number;
}

// A clash of random codes is rare; the unique index catches it and a new code is drawn.
const CODE_ATTEMPTS = 5;

/**
 * Classes: a teacher creates one, learners join it with its code, the teacher (or an admin) lists who joined,
 * removes a member, draws a new code; a learner leaves. Every method that touches one class checks the
 * requester against that class here, so no route can forget it.
 */
export class Classes {
  constructor(
    private readonly store: SqlStore,
    private readonly now: () => Date,
  ) {}

  async create(teacherId: string, name: string): Promise<{ id: string; joinCode: string }> {
    const id = randomUUID();
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      const joinCode = newJoinCode();
      const { changes } = await this.store.run(
        `INSERT INTO classes (id, name, teacher_id, join_code, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (join_code) DO NOTHING`,
        [id, name, teacherId, joinCode, this.now().getTime()],
      );
      if (changes === 1) return { id, joinCode };
    }
    throw new ServerError('unavailable', say('server-no-free-join-code'));
  }

  /** Joining twice is harmless. */
  async join(accountId: string, joinCode: string): Promise<{ classId: string; name: string }> {
    const found = await this.byJoinCode(joinCode);
    if (!found) throw new ServerError('not-found', say('server-join-code-unknown'));
    await this.addMember(this.store, found.id, accountId);
    return { classId: found.id, name: found.name };
  }

  async byJoinCode(joinCode: string): Promise<{ id: string; name: string } | undefined> {
    return this.store.get<{ id: string; name: string }>('SELECT id, name FROM classes WHERE join_code = ?', [joinCode]);
  }

  /** Harmless when already a member; `db` may be a transaction of a caller that writes alongside. */
  async addMember(db: SqlRunner, classId: string, accountId: string): Promise<void> {
    await db.run(
      `INSERT INTO class_members (class_id, account_id, joined_at) VALUES (?, ?, ?)
       ON CONFLICT (class_id, account_id) DO NOTHING`,
      [classId, accountId, this.now().getTime()],
    );
  }

  /** The class, if the requester teaches it or is an admin; not-found or forbidden otherwise. */
  async requireTeaching(requester: AccessClaims, classId: string): Promise<ClassRow> {
    const found = await this.find(classId);
    if (found.teacher_id !== requester.accountId && requester.role !== 'admin') {
      throw new ServerError('forbidden', say('server-class-teacher-only'));
    }
    return found;
  }

  /** The class, if the requester is in it, teaches it or is an admin. */
  async requireMemberOrTeaching(requester: AccessClaims, classId: string): Promise<ClassRow> {
    const found = await this.find(classId);
    if (found.teacher_id === requester.accountId || requester.role === 'admin') return found;
    const member = await this.store.get<{ found: number }>(
      'SELECT 1 AS found FROM class_members WHERE class_id = ? AND account_id = ?',
      [classId, requester.accountId],
    );
    if (!member) throw new ServerError('forbidden', say('server-class-members-only'));
    return found;
  }

  async members(
    requester: AccessClaims,
    classId: string,
  ): Promise<{ id: string; name: string; members: ClassMember[] }> {
    const found = await this.requireTeaching(requester, classId);
    const rows = await this.store.all<{ id: string; display_name: string; joined_at: number }>(
      `SELECT a.id, a.display_name, m.joined_at FROM class_members m JOIN accounts a ON a.id = m.account_id
       WHERE m.class_id = ? ORDER BY m.joined_at, a.id`,
      [classId],
    );
    return {
      id: classId,
      name: found.name,
      members: rows.map((row) => ({
        id: row.id,
        displayName: row.display_name,
        joinedAt: new Date(Number(row.joined_at)).toISOString(),
      })),
    };
  }

  /** The classes a teacher teaches; an admin sees every class, as they may act on every one. */
  async taught(requester: AccessClaims): Promise<TaughtClass[]> {
    const everyone = requester.role === 'admin';
    const rows = await this.store.all<ClassRow & { members: number }>(
      `SELECT c.id, c.name, c.teacher_id, c.join_code, c.created_at,
              (SELECT count(*) FROM class_members m WHERE m.class_id = c.id) AS members
       FROM classes c ${everyone ? '' : 'WHERE c.teacher_id = ?'} ORDER BY c.created_at, c.id`,
      everyone ? [] : [requester.accountId],
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      joinCode: row.join_code,
      memberCount: Number(row.members),
      createdAt: Number(row.created_at),
    }));
  }

  /** The classes an account joined, with their teacher's name (what a learner may know of a class). */
  async joined(accountId: string): Promise<JoinedClass[]> {
    const rows = await this.store.all<{ id: string; name: string; teacher: string; joined_at: number }>(
      `SELECT c.id, c.name, t.display_name AS teacher, m.joined_at FROM class_members m
       JOIN classes c ON c.id = m.class_id JOIN accounts t ON t.id = c.teacher_id
       WHERE m.account_id = ? ORDER BY m.joined_at, c.id`,
      [accountId],
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      teacherName: row.teacher,
      joinedAt: Number(row.joined_at),
    }));
  }

  /**
   * Takes an account out of a class: its teacher (or an admin) removes anyone, a member removes only themself
   * (leaving). Not-found when the account was not in it, so a typo in an id is not reported as done.
   */
  async removeMember(requester: AccessClaims, classId: string, accountId: string): Promise<void> {
    if (accountId !== requester.accountId) await this.requireTeaching(requester, classId);
    else await this.find(classId);
    const { changes } = await this.store.run('DELETE FROM class_members WHERE class_id = ? AND account_id = ?', [
      classId,
      accountId,
    ]);
    if (changes === 0) throw new ServerError('not-found', say('server-not-a-member'));
  }

  /** A new join code (the old one was shared too widely); the old one stops working at once. */
  async renewJoinCode(requester: AccessClaims, classId: string): Promise<{ joinCode: string }> {
    await this.requireTeaching(requester, classId);
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      const joinCode = newJoinCode();
      const clash = await this.store.get('SELECT 1 AS found FROM classes WHERE join_code = ?', [joinCode]);
      if (clash) continue;
      await this.store.run('UPDATE classes SET join_code = ? WHERE id = ?', [joinCode, classId]);
      return { joinCode };
    }
    throw new ServerError('unavailable', say('server-no-free-join-code'));
  }

  /** Removes the class with its memberships and assignments (by cascade). */
  async remove(requester: AccessClaims, classId: string): Promise<void> {
    await this.requireTeaching(requester, classId);
    await this.store.run('DELETE FROM classes WHERE id = ?', [classId]);
  }

  private async find(classId: string): Promise<ClassRow> {
    const found = await this.store.get<ClassRow>(
      'SELECT id, name, teacher_id, join_code, created_at FROM classes WHERE id = ?',
      [classId],
    );
    if (!found) throw new ServerError('not-found', say('server-no-such-class'));
    return found;
  }
}
