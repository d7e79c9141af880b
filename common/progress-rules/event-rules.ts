import type { ProgressEvent } from '../contract/progress.js';

type Submitted = Extract<ProgressEvent, { type: 'ExerciseSubmitted' }>['data'];

/** How many of a submission's tests passed. */
export const testsPassed = (tests: Submitted['tests']): number => tests.filter((t) => t.status === 'pass').length;

/** A submission counts as right for its skills only when it ran tests and every one passed. */
export const submissionPassed = (tests: Submitted['tests']): boolean =>
  tests.length > 0 && testsPassed(tests) === tests.length;

/** The skills an event is evidence for, and whether it was right; null for events that are not answers. */
export function skillOutcome(event: ProgressEvent): { skills: readonly string[]; correct: boolean } | null {
  if (event.type === 'ExerciseSubmitted')
    return { skills: event.data.skills, correct: submissionPassed(event.data.tests) };
  if (event.type === 'QuizAnswered') return { skills: event.data.skills, correct: event.data.correct };
  return null;
}

/** The time on task an event adds: reading a lesson, a run of the tests, answering a question. */
export function timeOnTaskMs(event: ProgressEvent): number {
  switch (event.type) {
    case 'LessonCompleted':
      return event.data.timeSpentMs;
    case 'ExerciseSubmitted':
      return event.data.durationMs;
    case 'QuizAnswered':
      return event.data.timeSpentMs;
    default:
      return 0;
  }
}

/** An assessment's score as a share, capped at 1 (a pack may award bonus points). */
export const assessmentRatio = ({ score, total }: { score: number; total: number }): number =>
  Math.min(1, score / total);

/** The content a learner was last in, for "pick up where you left off": opened lessons and started exercises. */
export function resumeContentOf(event: ProgressEvent): string | null {
  if (event.type === 'LessonOpened') return event.data.lessonId;
  if (event.type === 'ExerciseStarted') return event.data.exerciseId;
  return null;
}

export interface TestResult {
  passed: number;
  total: number;
}

/** The better of two results: the higher share of passed tests, then the larger suite; 0/0 is "none yet". */
export const isBetterResult = (candidate: TestResult, best: TestResult): boolean =>
  best.total === 0 ||
  candidate.passed * best.total > best.passed * candidate.total ||
  (candidate.passed * best.total === best.passed * candidate.total && candidate.total > best.total);
