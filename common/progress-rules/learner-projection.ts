import type { ProgressEvent } from '../contract/progress.js';
import { quarterOf } from './activity-days.js';
import { assessmentRatio, isBetterResult, skillOutcome, testsPassed, timeOnTaskMs } from './event-rules.js';

/**
 * One learner's projections in memory, for a process without the app's SQLite tables (the class server). The
 * same rules as the app's tables, field for field: earliest completion, best result, sums of attempts; each
 * update is a min, a max or a sum, so any order of the same events gives the same projection. Maps, never
 * plain objects: ids and test names come from learners, and `__proto__` must stay a key.
 */
export interface LearnerProjection {
  /** Ids of the events applied: an event seen again (a replay, a second device) changes nothing. */
  seen: Set<string>;
  lessons: Map<string, { openedAt: string | null; completedAt: string | null; timeMs: number }>;
  exercises: Map<string, ExerciseProjection>;
  quizItems: Map<string, { attempts: number; correct: number; firstCorrectAt: string | null }>;
  skills: Map<string, { correct: number; attempts: number; lastAt: string }>;
  assessments: Map<string, { attempts: number; bestRatio: number; lastAt: string }>;
  /** UTC day -> first and last UTC quarter hour with activity and the time on task of the day. */
  days: Map<string, { first: string; last: string; timeMs: number; events: number }>;
  /** The latest event's time: "no progress for N days" reads it. */
  lastAt: string | null;
}

export interface ExerciseProjection {
  attempts: number;
  /** Submissions that did not pass every test. */
  failed: number;
  bestPassed: number;
  bestTotal: number;
  maxHints: number;
  completedAt: string | null;
  /** Each submission's run time, for the class's median. */
  durations: number[];
  /** Test name -> how many submissions failed it. */
  failingTests: Map<string, number>;
}

export const emptyProjection = (): LearnerProjection => ({
  seen: new Set(),
  lessons: new Map(),
  exercises: new Map(),
  quizItems: new Map(),
  skills: new Map(),
  assessments: new Map(),
  days: new Map(),
  lastAt: null,
});

const earliest = (a: string | null, b: string | null) => (a === null ? b : b === null || a < b ? a : b);
const latest = (a: string, b: string) => (a > b ? a : b);

const entry = <K, V>(map: Map<K, V>, key: K, make: () => V): V => {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
};

const newExercise = (): ExerciseProjection => ({
  attempts: 0,
  failed: 0,
  bestPassed: 0,
  bestTotal: 0,
  maxHints: 0,
  completedAt: null,
  durations: [],
  failingTests: new Map(),
});
const newLesson = () => ({ openedAt: null, completedAt: null, timeMs: 0 });

/** Applies one event; returns false (and changes nothing) when the event was applied before. */
export function applyEvent(p: LearnerProjection, event: ProgressEvent): boolean {
  if (p.seen.has(event.eventId)) return false;
  p.seen.add(event.eventId);
  const at = event.timestamp;
  switch (event.type) {
    case 'LessonOpened': {
      const lesson = entry(p.lessons, event.data.lessonId, newLesson);
      lesson.openedAt = earliest(lesson.openedAt, at);
      break;
    }
    case 'LessonCompleted': {
      const lesson = entry(p.lessons, event.data.lessonId, newLesson);
      lesson.completedAt = earliest(lesson.completedAt, at);
      lesson.timeMs += event.data.timeSpentMs;
      break;
    }
    case 'ExerciseStarted':
      entry(p.exercises, event.data.exerciseId, newExercise);
      break;
    case 'ExerciseSubmitted': {
      const exercise = entry(p.exercises, event.data.exerciseId, newExercise);
      const result = { passed: testsPassed(event.data.tests), total: event.data.tests.length };
      exercise.attempts += 1;
      if (!skillOutcome(event)!.correct) exercise.failed += 1;
      exercise.maxHints = Math.max(exercise.maxHints, event.data.hintsUsed);
      if (isBetterResult(result, { passed: exercise.bestPassed, total: exercise.bestTotal })) {
        exercise.bestPassed = result.passed;
        exercise.bestTotal = result.total;
      }
      exercise.durations.push(event.data.durationMs);
      for (const test of event.data.tests) {
        if (test.status !== 'pass')
          exercise.failingTests.set(test.name, (exercise.failingTests.get(test.name) ?? 0) + 1);
      }
      break;
    }
    case 'ExerciseCompleted': {
      const exercise = entry(p.exercises, event.data.exerciseId, newExercise);
      exercise.completedAt = earliest(exercise.completedAt, at);
      break;
    }
    case 'QuizAnswered': {
      const item = entry(p.quizItems, event.data.quizItemId, () => ({ attempts: 0, correct: 0, firstCorrectAt: null }));
      item.attempts += 1;
      if (event.data.correct) {
        item.correct += 1;
        item.firstCorrectAt = earliest(item.firstCorrectAt, at);
      }
      break;
    }
    case 'AssessmentCompleted': {
      const result = entry(p.assessments, event.data.assessmentId, () => ({ attempts: 0, bestRatio: 0, lastAt: '' }));
      result.attempts += 1;
      result.bestRatio = Math.max(result.bestRatio, assessmentRatio(event.data));
      result.lastAt = latest(result.lastAt, at);
      break;
    }
    case 'ReviewDone':
      break;
  }
  const outcome = skillOutcome(event);
  for (const id of outcome?.skills ?? []) {
    const skill = entry(p.skills, id, () => ({ correct: 0, attempts: 0, lastAt: '' }));
    skill.attempts += 1;
    skill.correct += outcome!.correct ? 1 : 0;
    skill.lastAt = latest(skill.lastAt, at);
  }
  const quarter = quarterOf(at);
  const day = entry(p.days, at.slice(0, 10), () => ({ first: quarter, last: quarter, timeMs: 0, events: 0 }));
  if (quarter < day.first) day.first = quarter;
  if (quarter > day.last) day.last = quarter;
  day.timeMs += timeOnTaskMs(event);
  day.events += 1;
  p.lastAt = p.lastAt === null ? at : latest(p.lastAt, at);
  return true;
}

/** Everything a learner finished, in the shape the completion rule reads. */
export const doneItemsOf = (p: LearnerProjection) => ({
  lessons: new Set([...p.lessons].filter(([, l]) => l.completedAt !== null).map(([id]) => id)),
  exercises: new Set([...p.exercises].filter(([, e]) => e.completedAt !== null).map(([id]) => id)),
  quizItems: new Set([...p.quizItems].filter(([, q]) => q.firstCorrectAt !== null).map(([id]) => id)),
});

type Json = ReturnType<typeof projectionToJson>;

/** A projection as JSON (Maps as entry lists), to store it. */
export function projectionToJson(p: LearnerProjection) {
  return {
    seen: [...p.seen],
    lessons: [...p.lessons],
    exercises: [...p.exercises].map(([id, e]) => [id, { ...e, failingTests: [...e.failingTests] }] as const),
    quizItems: [...p.quizItems],
    skills: [...p.skills],
    assessments: [...p.assessments],
    days: [...p.days],
    lastAt: p.lastAt,
  };
}

/** The inverse of `projectionToJson`, for what this code stored itself. */
export function projectionFromJson(json: Json): LearnerProjection {
  return {
    seen: new Set(json.seen),
    lessons: new Map(json.lessons),
    exercises: new Map(json.exercises.map(([id, e]) => [id, { ...e, failingTests: new Map(e.failingTests) }])),
    quizItems: new Map(json.quizItems),
    skills: new Map(json.skills),
    assessments: new Map(json.assessments),
    days: new Map(json.days),
    lastAt: json.lastAt,
  };
}
