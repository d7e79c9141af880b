import type { LearnService } from '../../../common/contract/api.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';
import type { DraftsMirror } from '../sync/drafts-mirror.js';
import type { LearnerSessions } from '../users/learner-sessions.js';
import type { DraftStore } from './draft-store.js';

export type DraftsApi = Pick<LearnService, 'getDraft' | 'saveDraft' | 'getLastSubmission' | 'getExerciseTests'>;

interface Deps {
  db: SqliteDatabase;
  sessions: LearnerSessions;
  store: DraftStore;
  mirror: Pick<DraftsMirror, 'draftSaved' | 'submissionSaved'>;
  /** The exercise's tests.py, as the sandbox runs it. */
  testsOf: (exerciseId: string) => Promise<string>;
  now: () => Date;
}

/**
 * The learner's code per exercise: drafts saved as they type and the last submission, each written with
 * its synced copy in one transaction.
 */
export function createDraftsService({ db, sessions, store, mirror, testsOf, now }: Deps) {
  const api: DraftsApi = {
    getDraft: async ({ session, exerciseId }) => store.draft(sessions.learnerOf(session), exerciseId),
    saveDraft: async ({ session, exerciseId, code }) => {
      const learnerId = sessions.learnerOf(session);
      return db.transaction(() => {
        const draft = store.saveDraft(learnerId, exerciseId, code, now().toISOString());
        mirror.draftSaved(learnerId, exerciseId, code);
        return draft;
      })();
    },
    getLastSubmission: async ({ session, exerciseId }) => store.submission(sessions.learnerOf(session), exerciseId),
    getExerciseTests: async ({ exerciseId }) => ({ exerciseId, source: await testsOf(exerciseId) }),
  };
  return {
    api,
    /** validateCode's hook: the code a learner submitted, kept as their last submission. */
    submitted: (learnerId: string, exerciseId: string, code: string): void => {
      db.transaction(() => {
        const { submittedAt } = store.saveSubmission(learnerId, exerciseId, code, now().toISOString());
        mirror.submissionSaved(learnerId, exerciseId, code, submittedAt);
      })();
    },
  };
}
