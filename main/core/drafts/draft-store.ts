import { z } from 'zod';
import { contentIdSchema } from '../../../common/contract/content.js';
import type { Draft, Submission } from '../../../common/contract/drafts.js';
import { LearnError } from '../../../common/contract/errors.js';
import { codeSchema } from '../../../common/contract/playground.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';

/** What a draft or a submission row holds: the contract's limits, checked here where both are written. */
const entrySchema = z.strictObject({
  exerciseId: contentIdSchema,
  code: codeSchema,
  at: z.iso.datetime(),
});

interface Row {
  exercise_id: string;
  code: string;
  at: string;
}

const checked = (exerciseId: string, code: string, at: string) => {
  const parsed = entrySchema.safeParse({ exerciseId, code, at });
  if (!parsed.success)
    throw new LearnError('invalid-input', `The code was not saved: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
};

/**
 * Each learner's code per exercise in the app database: the draft as they left it and their last
 * submission. Written from this device's saves and from their other devices' (through sync) alike.
 */
export class DraftStore {
  readonly #draft;
  readonly #drafts;
  readonly #saveDraft;
  readonly #submission;
  readonly #submissions;
  readonly #saveSubmission;

  constructor(db: SqliteDatabase) {
    const select = (table: string, at: string, where: string) =>
      db.prepare(`SELECT exercise_id, code, ${at} AS at FROM ${table} WHERE learner_id = ?${where}`);
    const upsert = (table: string, at: string) =>
      db.prepare(
        `INSERT INTO ${table} (learner_id, exercise_id, code, ${at}) VALUES (?, ?, ?, ?)
         ON CONFLICT (learner_id, exercise_id) DO UPDATE SET code = excluded.code, ${at} = excluded.${at}`,
      );
    this.#draft = select('exercise_drafts', 'saved_at', ' AND exercise_id = ?');
    this.#drafts = select('exercise_drafts', 'saved_at', '');
    this.#saveDraft = upsert('exercise_drafts', 'saved_at');
    this.#submission = select('exercise_submissions', 'submitted_at', ' AND exercise_id = ?');
    this.#submissions = select('exercise_submissions', 'submitted_at', '');
    this.#saveSubmission = upsert('exercise_submissions', 'submitted_at');
  }

  draft(learnerId: string, exerciseId: string): Draft | null {
    const row = this.#draft.get(learnerId, exerciseId) as Row | undefined;
    return row ? { exerciseId: row.exercise_id, code: row.code, savedAt: row.at } : null;
  }

  drafts(learnerId: string): Draft[] {
    return (this.#drafts.all(learnerId) as Row[]).map((row) => ({
      exerciseId: row.exercise_id,
      code: row.code,
      savedAt: row.at,
    }));
  }

  saveDraft(learnerId: string, exerciseId: string, code: string, savedAt: string): Draft {
    const entry = checked(exerciseId, code, savedAt);
    this.#saveDraft.run(learnerId, entry.exerciseId, entry.code, entry.at);
    return { exerciseId: entry.exerciseId, code: entry.code, savedAt: entry.at };
  }

  submission(learnerId: string, exerciseId: string): Submission | null {
    const row = this.#submission.get(learnerId, exerciseId) as Row | undefined;
    return row ? { exerciseId: row.exercise_id, code: row.code, submittedAt: row.at } : null;
  }

  submissions(learnerId: string): Submission[] {
    return (this.#submissions.all(learnerId) as Row[]).map((row) => ({
      exerciseId: row.exercise_id,
      code: row.code,
      submittedAt: row.at,
    }));
  }

  saveSubmission(learnerId: string, exerciseId: string, code: string, submittedAt: string): Submission {
    const entry = checked(exerciseId, code, submittedAt);
    this.#saveSubmission.run(learnerId, entry.exerciseId, entry.code, entry.at);
    return { exerciseId: entry.exerciseId, code: entry.code, submittedAt: entry.at };
  }
}
