import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { progressEventSchema } from '../../contract/progress.js';
import type { ProgressEvent } from '../../contract/progress.js';

export interface EventIds {
  learners: readonly string[];
  lessons: readonly string[];
  exercises: readonly string[];
  quizItems: readonly string[];
  skills: readonly string[];
  /** Events fall between these two times (ISO). */
  from?: string;
  to?: string;
}

/** Any valid progress event over the given ids: the property tests of the app's and the server's projections. */
export function progressEventArbitrary(ids: EventIds): fc.Arbitrary<ProgressEvent> {
  const timestamp = fc
    .integer({ min: Date.parse(ids.from ?? '2026-01-01T00:00:00Z'), max: Date.parse(ids.to ?? '2026-01-20T00:00:00Z') })
    .map((ms) => new Date(ms).toISOString());
  const dataOf = {
    LessonOpened: fc.record({ lessonId: fc.constantFrom(...ids.lessons) }),
    LessonCompleted: fc.record({ lessonId: fc.constantFrom(...ids.lessons), timeSpentMs: fc.nat(600_000) }),
    ExerciseStarted: fc.record({ exerciseId: fc.constantFrom(...ids.exercises) }),
    ExerciseSubmitted: fc.record({
      exerciseId: fc.constantFrom(...ids.exercises),
      codeHash: fc.constant('a'.repeat(64)),
      tests: fc.array(
        fc.record({ name: fc.constantFrom('t1', 't2', '__proto__'), status: fc.constantFrom('pass', 'fail', 'error') }),
        { maxLength: 4 },
      ),
      durationMs: fc.nat(5000),
      hintsUsed: fc.nat(3),
      skills: fc.subarray([...ids.skills]),
    }),
    ExerciseCompleted: fc.record({ exerciseId: fc.constantFrom(...ids.exercises) }),
    QuizAnswered: fc.record({
      quizItemId: fc.constantFrom(...ids.quizItems),
      correct: fc.boolean(),
      answer: fc.string({ maxLength: 5 }),
      timeSpentMs: fc.nat(60_000),
      skills: fc.subarray([...ids.skills]),
    }),
    AssessmentCompleted: fc.record({
      assessmentId: fc.constantFrom('a1', 'a2'),
      score: fc.nat(10),
      total: fc.constant(10),
    }),
    ReviewDone: fc.record({ skillId: fc.constantFrom(...ids.skills), rating: fc.integer({ min: 1, max: 4 }) }),
  };
  return fc
    .oneof(...Object.entries(dataOf).map(([type, data]) => fc.record({ type: fc.constant(type), data })))
    .chain(({ type, data }) =>
      fc.record({ userId: fc.constantFrom(...ids.learners), timestamp }).map(({ userId, timestamp }) =>
        progressEventSchema.parse({
          eventId: uuidv7(),
          type,
          aggregateId: Object.values(data)[0],
          userId,
          timestamp,
          data,
          version: 1,
        }),
      ),
    );
}
