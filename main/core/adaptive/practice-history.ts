import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';

/** One graded answer: an exercise submission (right when every test passed) or a quiz answer. */
export interface Attempt {
  kind: 'exercise' | 'quiz';
  contentId: string;
  at: string;
  correct: boolean;
  /**
   * How long the learner thought: a quiz answer's own time, or for an exercise the time since the
   * previous submission of it (a submission's duration is the sandbox's, not the learner's).
   * Null for an exercise's first submission in the window.
   */
  thinkMs: number | null;
  hintsUsed: number;
  skills: string[];
}

/** Where a learner's answers stand in the log's order (timestamp, then event id): the newest one read. */
export interface AnswerMark {
  at: string;
  eventId: string;
}

/** What the knowledge-tracing models read of an answer. */
export interface GradedAnswer {
  skills: string[];
  correct: boolean;
}

interface EventRow {
  eventId: string;
  type: 'ExerciseSubmitted' | 'QuizAnswered';
  contentId: string;
  at: string;
  data: string;
}

type SubmittedData = { tests: { status: string }[]; hintsUsed: number; skills?: string[] };
type AnsweredData = { correct: boolean; timeSpentMs: number; skills?: string[] };

const ANSWERS = `learner_id = ? AND type IN ('ExerciseSubmitted', 'QuizAnswered')`;

type Parsed = { type: 'QuizAnswered'; data: AnsweredData } | { type: 'ExerciseSubmitted'; data: SubmittedData };

/** The row's data, parsed once (a recommendation reads hundreds of rows). */
const parsedOf = (row: EventRow): Parsed =>
  row.type === 'QuizAnswered'
    ? { type: row.type, data: JSON.parse(row.data) as AnsweredData }
    : { type: row.type, data: JSON.parse(row.data) as SubmittedData };

/** Right when the quiz answer was, or when every test of the submission passed. */
const gradedOfParsed = ({ type, data }: Parsed): GradedAnswer =>
  type === 'QuizAnswered'
    ? { skills: data.skills ?? [], correct: data.correct }
    : { skills: data.skills ?? [], correct: data.tests.length > 0 && data.tests.every((t) => t.status === 'pass') };

const gradedOf = (row: EventRow): GradedAnswer => gradedOfParsed(parsedOf(row));

/** A learner's graded answers and active hours, read from the event log and the activity projection. */
export class PracticeHistory {
  readonly #latest;
  readonly #after;
  readonly #count;
  readonly #quarters;

  constructor(db: SqliteDatabase) {
    // The type filter repeats the partial index's own (migration 0070), so SQLite can use it.
    this.#latest = db.prepare<[string, number], EventRow>(
      `SELECT event_id AS eventId, type, aggregate_id AS contentId, timestamp AS at, data FROM events
       WHERE ${ANSWERS} ORDER BY timestamp DESC, event_id DESC LIMIT ?`,
    );
    this.#after = db.prepare<[string, string, string, string, number], EventRow>(
      `SELECT event_id AS eventId, type, aggregate_id AS contentId, timestamp AS at, data FROM events
       WHERE ${ANSWERS} AND (timestamp > ? OR (timestamp = ? AND event_id > ?))
       ORDER BY timestamp, event_id LIMIT ?`,
    );
    this.#count = db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM events WHERE ${ANSWERS}`);
    this.#quarters = db.prepare<[string, string], { quarter: string; events: number }>(
      'SELECT quarter, events FROM activity WHERE learner_id = ? AND quarter >= ?',
    );
  }

  /** The latest `limit` graded answers, newest first. */
  latest(learnerId: string, limit: number): Attempt[] {
    const rows = this.#latest.all(learnerId, limit);
    const attempts: Attempt[] = [];
    // Oldest first, so each exercise submission can look back at the one before it.
    const previousTry = new Map<string, number>();
    for (const row of rows.reverse()) {
      const at = Date.parse(row.at);
      const parsed = parsedOf(row);
      const { skills, correct } = gradedOfParsed(parsed);
      if (parsed.type === 'QuizAnswered') {
        attempts.push({
          kind: 'quiz',
          contentId: row.contentId,
          at: row.at,
          correct,
          thinkMs: parsed.data.timeSpentMs,
          hintsUsed: 0,
          skills,
        });
      } else {
        const before = previousTry.get(row.contentId);
        previousTry.set(row.contentId, at);
        const thinkMs = before === undefined ? null : at - before;
        attempts.push({
          kind: 'exercise',
          contentId: row.contentId,
          at: row.at,
          correct,
          thinkMs,
          hintsUsed: parsed.data.hintsUsed,
          skills,
        });
      }
    }
    return attempts.reverse();
  }

  /** How many graded answers the learner has in the log. */
  count(learnerId: string): number {
    return this.#count.get(learnerId)!.n;
  }

  /**
   * Graded answers oldest first, with the mark of the newest: those after `mark`, or without one the
   * latest `limit`. An answer synced in later with an older timestamp lands before the mark; the
   * caller sees it as a count that does not add up.
   */
  answersAfter(
    learnerId: string,
    mark: AnswerMark | undefined,
    limit: number,
  ): { answers: GradedAnswer[]; mark: AnswerMark | undefined } {
    const rows = mark
      ? this.#after.all(learnerId, mark.at, mark.at, mark.eventId, limit)
      : this.#latest.all(learnerId, limit).reverse();
    const newest = rows.at(-1);
    return { answers: rows.map(gradedOf), mark: newest ? { at: newest.at, eventId: newest.eventId } : mark };
  }

  /** Events per UTC quarter hour (`2026-03-04T10:30`) since `from`. */
  activeQuarters(learnerId: string, from: Date): { quarter: string; events: number }[] {
    return this.#quarters.all(learnerId, from.toISOString().slice(0, 16));
  }
}
