import type { LearnService } from '../../../common/contract/api.js';
import { LearnError } from '../../../common/contract/errors.js';
import type { CatalogStore } from '../content/catalog-store.js';
import type { ProgressReader } from '../progress/progress-reader.js';
import type { LearnerSessions } from '../users/learner-sessions.js';
import { predictFromEvidence } from './performance-prior.js';

export type AdaptiveService = Pick<LearnService, 'predictPerformance'>;

/** The seed's adaptive reads. For now the calibrated simple model answers every prediction. */
export function createAdaptiveService(deps: {
  sessions: LearnerSessions;
  catalog: Pick<CatalogStore, 'difficultyOf' | 'structure'>;
  reader: Pick<ProgressReader, 'skillEvidence'>;
}): AdaptiveService {
  return {
    predictPerformance: async ({ session, contentId }) => {
      const learnerId = deps.sessions.learnerOf(session);
      const difficulty = deps.catalog.difficultyOf(contentId);
      if (difficulty === undefined) throw new LearnError('not-found', `No installed content "${contentId}".`);
      const skills = deps.catalog.structure.skillsOf(contentId);
      const prediction = predictFromEvidence(difficulty, deps.reader.skillEvidence(learnerId, skills));
      return { ...prediction, model: 'pooled PFA' };
    },
  };
}
