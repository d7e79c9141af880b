import { say } from '../../common/i18n/message.js';
import { randomUUID } from 'node:crypto';
import { assignmentSchema } from '../../common/contract/assignments.js';
import type { Assignment } from '../../common/contract/assignments.js';
import { assignmentInputSchema } from '../../common/contract/classes.js';
import { parseBody } from '../http/parse-body.js';
import { ServerError } from '../http/server-error.js';
import type { SqlRunner } from '../storage/sql-store.js';

interface AssignmentRow {
  id: string;
  class_id: string;
  kind: Assignment['kind'];
  pack_id: string;
  item_id: string;
  title: string;
  due_at: number | null;
  created_at: number;
  created_by: string;
}

const columns = 'id, class_id, kind, pack_id, item_id, title, due_at, created_at, created_by';

/** A term's work many times over; a bound keeps one class's list (sent to every member) from growing without end. */
export const MAX_ASSIGNMENTS_PER_CLASS = 500;

// PostgreSQL returns BIGINT as a string.
const toAssignment = (row: AssignmentRow): Assignment => ({
  id: row.id,
  classId: row.class_id,
  kind: row.kind,
  packId: row.pack_id,
  itemId: row.item_id,
  title: row.title,
  dueAt: row.due_at === null ? null : Number(row.due_at),
  createdAt: Number(row.created_at),
  createdBy: row.created_by,
});

/** Soonest due first; undated ones after the dated, oldest first. */
const ORDER = 'ORDER BY CASE WHEN due_at IS NULL THEN 1 ELSE 0 END, due_at, created_at, id';

/** What the dashboard reads of the assignments: one class's, in the order a learner sees them. */
export interface AssignmentReader {
  listForClass(classId: string): Promise<Assignment[]>;
}

/**
 * The assignments table. It checks what it stores (the contract's schema, the item inside the pack); who may
 * write to which class is the caller's check (Classes.requireTeaching), made before it calls.
 */
export class Assignments implements AssignmentReader {
  constructor(
    private readonly db: SqlRunner,
    private readonly now: () => Date,
  ) {}

  async create(classId: string, createdBy: string, input: unknown): Promise<Assignment> {
    const assignment = validated({
      ...parseBody(assignmentInputSchema, input),
      id: randomUUID(),
      classId,
      createdAt: this.now().getTime(),
      createdBy,
    });
    // The count and the insert in one statement (SQLite runs writes one at a time; on PostgreSQL two racing
    // requests could each pass by one, which a bound on size tolerates).
    const { changes } = await this.db.run(
      `INSERT INTO assignments (${columns}) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?
       WHERE (SELECT count(*) FROM assignments WHERE class_id = ?) < ${MAX_ASSIGNMENTS_PER_CLASS}`,
      [
        assignment.id,
        assignment.classId,
        assignment.kind,
        assignment.packId,
        assignment.itemId,
        assignment.title,
        assignment.dueAt,
        assignment.createdAt,
        assignment.createdBy,
        classId,
      ],
    );
    if (changes === 0) {
      throw new ServerError('conflict', say('server-assignments-full', { max: MAX_ASSIGNMENTS_PER_CLASS }));
    }
    return assignment;
  }

  /** Replaces what the teacher wrote; the id, class, author and creation time stay. */
  async update(classId: string, id: string, input: unknown): Promise<Assignment> {
    const current = await this.find(classId, id);
    const assignment = validated({ ...current, ...parseBody(assignmentInputSchema, input) });
    await this.db.run(
      'UPDATE assignments SET kind = ?, pack_id = ?, item_id = ?, title = ?, due_at = ? WHERE id = ? AND class_id = ?',
      [assignment.kind, assignment.packId, assignment.itemId, assignment.title, assignment.dueAt, id, classId],
    );
    return assignment;
  }

  async delete(classId: string, id: string): Promise<void> {
    const { changes } = await this.db.run('DELETE FROM assignments WHERE id = ? AND class_id = ?', [id, classId]);
    if (changes === 0) throw notFound();
  }

  async listForClass(classId: string): Promise<Assignment[]> {
    const rows = await this.db.all<AssignmentRow>(`SELECT ${columns} FROM assignments WHERE class_id = ? ${ORDER}`, [
      classId,
    ]);
    return rows.map(toAssignment);
  }

  /** Every assignment of every class the account joined. */
  async listForMember(accountId: string): Promise<Assignment[]> {
    const rows = await this.db.all<AssignmentRow>(
      `SELECT ${columns} FROM assignments
       WHERE class_id IN (SELECT class_id FROM class_members WHERE account_id = ?) ${ORDER}`,
      [accountId],
    );
    return rows.map(toAssignment);
  }

  private async find(classId: string, id: string): Promise<Assignment> {
    const row = await this.db.get<AssignmentRow>(`SELECT ${columns} FROM assignments WHERE id = ? AND class_id = ?`, [
      id,
      classId,
    ]);
    if (!row) throw notFound();
    return toAssignment(row);
  }
}

const notFound = () => new ServerError('not-found', say('server-no-such-assignment'));

/** The whole row against the contract, and the item inside the pack it names ("pack/item" of pack "pack"). */
function validated(candidate: Assignment): Assignment {
  const assignment = parseBody(assignmentSchema, candidate);
  if (!assignment.itemId.startsWith(`${assignment.packId}/`)) {
    throw new ServerError(
      'invalid-input',
      say('server-item-not-in-pack', { itemId: assignment.itemId, packId: assignment.packId }),
    );
  }
  return assignment;
}
