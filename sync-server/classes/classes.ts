import { randomUUID } from 'node:crypto';
import { ServerError } from '../http/server-error.js';
import type { SqlStore } from '../storage/sql-store.js';
import { newJoinCode } from './join-codes.js';
import type { AccessClaims } from '../accounts/token-verifier.js';

export interface ClassMember {
  id: string;
  displayName: string;
  joinedAt: string;
}

/** Classes: a teacher creates one, learners join it with its code, the teacher (or an admin) lists who joined. */
export class Classes {
  constructor(
    private readonly store: SqlStore,
    private readonly now: () => Date,
  ) {}

  async create(teacherId: string, name: string): Promise<{ id: string; joinCode: string }> {
    const id = randomUUID();
    // A clash of random codes is rare; the unique index catches it and a new code is drawn.
    for (let attempt = 0; attempt < 5; attempt++) {
      const joinCode = newJoinCode();
      const { changes } = await this.store.run(
        `INSERT INTO classes (id, name, teacher_id, join_code, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (join_code) DO NOTHING`,
        [id, name, teacherId, joinCode, this.now().getTime()],
      );
      if (changes === 1) return { id, joinCode };
    }
    throw new ServerError('unavailable', 'No free join code was found; try again.');
  }

  /** Joining twice is harmless. */
  async join(accountId: string, joinCode: string): Promise<{ classId: string; name: string }> {
    const found = await this.store.get<{ id: string; name: string }>(
      'SELECT id, name FROM classes WHERE join_code = ?',
      [joinCode],
    );
    if (!found) throw new ServerError('not-found', 'No class has this join code; check it with your teacher.');
    await this.store.run(
      `INSERT INTO class_members (class_id, account_id, joined_at) VALUES (?, ?, ?)
       ON CONFLICT (class_id, account_id) DO NOTHING`,
      [found.id, accountId, this.now().getTime()],
    );
    return { classId: found.id, name: found.name };
  }

  async members(
    requester: AccessClaims,
    classId: string,
  ): Promise<{ id: string; name: string; members: ClassMember[] }> {
    const found = await this.store.get<{ name: string; teacher_id: string }>(
      'SELECT name, teacher_id FROM classes WHERE id = ?',
      [classId],
    );
    if (!found) throw new ServerError('not-found', 'There is no such class.');
    if (found.teacher_id !== requester.accountId && requester.role !== 'admin') {
      throw new ServerError('forbidden', 'Only the teacher of this class (or an admin) sees its members.');
    }
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
        joinedAt: new Date(row.joined_at).toISOString(),
      })),
    };
  }
}
