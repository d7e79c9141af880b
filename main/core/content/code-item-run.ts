import type { QuizItem } from '../../../content-packs/format/manifest.js';
import type { ExerciseForRun } from '../playground/playground-service.js';

/**
 * What grading a code quiz item needs, the same for the app and `lionlearn pack check`: its hidden
 * tests in the pack's runtime, isolated (the learner's function is called across a pipe, apart from
 * the tests, as assessments grade), with the default limits.
 */
export const codeItemForRun = (runtime: string, item: Extract<QuizItem, { kind: 'code' }>): ExerciseForRun => ({
  runtime,
  tests: item.tests,
  helpers: {},
  limits: {},
  isolated: true,
});
