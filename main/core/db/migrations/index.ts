import type { Migration } from '../../../../infra/sqlite/migrator.js';
import createCatalog from './0010-create-catalog.js';
import packVersions from './0020-pack-versions.js';
import search from './0030-exercises-quizzes-search.js';
import structure from './0040-content-structure.js';
import learners from './0050-learners-and-progress.js';
import reviews from './0060-review-schedule.js';
import learningPaths from './0070-learning-paths.js';
import sync from './0080-sync.js';
import packSigners from './0090-pack-signers.js';
import exerciseDrafts from './0100-exercise-drafts.js';
import machineAdmin from './0110-machine-admin.js';
import searchPlainText from './0120-search-plain-text.js';
import assessments from './0130-assessments.js';
import workMarks from './0140-work-marks.js';
import classroomCache from './0150-classroom-cache.js';
import notifications from './0160-notifications.js';
import notificationWords from './0200-notification-words.js';
import assessmentTitleWords from './0210-assessment-title-words.js';

/** The core database's ladder, oldest first. Append; never edit a shipped step. */
export const coreMigrations: readonly Migration[] = [
  createCatalog,
  packVersions,
  search,
  structure,
  learners,
  reviews,
  learningPaths,
  sync,
  packSigners,
  exerciseDrafts,
  machineAdmin,
  searchPlainText,
  assessments,
  workMarks,
  classroomCache,
  notifications,
  notificationWords,
  assessmentTitleWords,
];
