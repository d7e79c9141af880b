import { z } from 'zod';
import { contentIdSchema } from '../../../common/contract/content.js';
import type { Draft, Submission } from '../../../common/contract/drafts.js';
import { LearnError } from '../../../common/contract/errors.js';
import { say } from '../../../common/i18n/message.js';
import { sayIssues } from '../../../common/i18n/input-issues.js';
import { codeSchema } from '../../../common/contract/playground.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';

/** What a draft or a submission row holds: the contract's limits, checked here where both are written. */
const entrySchema = z.strictObject({
  exerciseId: contentIdSchema,
  code: codeSchema,
  at: z.iso.datetime(),
});
type Entry = z.infer<typeof entrySchema>;

/** One table of code per learner and exercise, with the time it was written. */
class CodeTable {
  readonly #one;
  readonly #all;
  readonly #save;

  constructor(db: SqliteDatabase, table: 'exercise_drafts' | 'exercise_submissions', at: 'saved_at' | 'submitted_at') {
    const select = `SELECT exercise_id AS exerciseId, code, ${at} AS at FROM ${table} WHERE learner_id = ?`;
    this.#one = db.prepare(`${select} AND exercise_id = ?`);
    this.#all = db.prepare(select);
    this.#save = db.prepare(
      `INSERT INTO ${table} (learner_id, exercise_id, code, ${at}) VALUES (?, ?, ?, ?)
       ON CONFLICT (learner_id, exercise_id) DO UPDATE SET code = excluded.code, ${at} = excluded.${at}`,
    );
  }

  one(learnerId: string, exerciseId: string): Entry | undefined {
    return this.#one.get(learnerId, exerciseId) as Entry | undefined;
  }

  all(learnerId: string): Entry[] {
    return this.#all.all(learnerId) as Entry[];
  }

  save(learnerId: string, exerciseId: string, code: string, at: string): Entry {
    const parsed = entrySchema.safeParse({ exerciseId, code, at }, { reportInput: true });
    if (!parsed.success)
      throw new LearnError('invalid-input', say('draft-invalid', { problem: sayIssues(parsed.error) }));
    const entry = parsed.data;
    this.#save.run(learnerId, entry.exerciseId, entry.code, entry.at);
    return entry;
  }
}

const toDraft = ({ exerciseId, code, at }: Entry): Draft => ({ exerciseId, code, savedAt: at });
const toSubmission = ({ exerciseId, code, at }: Entry): Submission => ({ exerciseId, code, submittedAt: at });

/**
 * Each learner's code per exercise in the app database: the draft as they left it and their last
 * submission. Written from this device's saves and from their other devices' (through sync) alike.
 */
export class DraftStore {
  readonly #drafts;
  readonly #submissions;

  constructor(db: SqliteDatabase) {
    this.#drafts = new CodeTable(db, 'exercise_drafts', 'saved_at');
    this.#submissions = new CodeTable(db, 'exercise_submissions', 'submitted_at');
  }

  draft(learnerId: string, exerciseId: string): Draft | null {
    const entry = this.#drafts.one(learnerId, exerciseId);
    return entry ? toDraft(entry) : null;
  }

  drafts(learnerId: string): Draft[] {
    return this.#drafts.all(learnerId).map(toDraft);
  }

  saveDraft(learnerId: string, exerciseId: string, code: string, savedAt: string): Draft {
    return toDraft(this.#drafts.save(learnerId, exerciseId, code, savedAt));
  }

  submission(learnerId: string, exerciseId: string): Submission | null {
    const entry = this.#submissions.one(learnerId, exerciseId);
    return entry ? toSubmission(entry) : null;
  }

  submissions(learnerId: string): Submission[] {
    return this.#submissions.all(learnerId).map(toSubmission);
  }

  saveSubmission(learnerId: string, exerciseId: string, code: string, submittedAt: string): Submission {
    return toSubmission(this.#submissions.save(learnerId, exerciseId, code, submittedAt));
  }
}
