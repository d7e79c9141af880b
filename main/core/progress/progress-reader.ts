import type { ProgressSummary, UserProgress } from '../../../common/contract/progress.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';

const DAY_MS = 86_400_000;

export const localDay = (at: Date, tzOffsetMinutes: number) =>
  new Date(at.getTime() - tzOffsetMinutes * 60_000).toISOString().slice(0, 10);

const previousDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);

/** The `count` local days up to `today`, oldest first, with the days without activity filled in. */
export function lastDays(
  today: string,
  count: number,
  byDay: Map<string, ProgressSummary['days'][number]>,
): ProgressSummary['days'] {
  const days: ProgressSummary['days'] = [];
  for (let day = today, i = 0; i < count; i++, day = previousDay(day)) {
    days.unshift(byDay.get(day) ?? { day, events: 0, timeMs: 0 });
  }
  return days;
}

/** Current streak (ending today or yesterday) and longest streak over a sorted list of active days. */
export function streaks(activeDays: readonly string[], today: string): { current: number; longest: number } {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < activeDays.length; i++) {
    run = i > 0 && previousDay(activeDays[i]!) === activeDays[i - 1] ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  const last = activeDays.at(-1);
  const current = last === today || last === previousDay(today) ? run : 0;
  return { current, longest };
}

/** Reads the projections (never the log) and joins them with the active catalog. */
export class ProgressReader {
  readonly #q;

  constructor(db: SqliteDatabase) {
    const completedIn = (table: string, column: string, done: string, catalog: string) =>
      `(SELECT count(*) FROM ${table} p JOIN ${catalog} c ON c.id = p.${column}
        WHERE p.learner_id = :learner AND p.${done} IS NOT NULL AND c.module_id = m.id)`;
    this.#q = {
      modules: db.prepare<{ learner: string }, ProgressSummary['modules'][number]>(
        `SELECT m.id AS moduleId, m.pack_id AS packId, m.title AS title,
           (SELECT count(*) FROM lessons WHERE module_id = m.id)
             + (SELECT count(*) FROM exercises WHERE module_id = m.id)
             + (SELECT count(*) FROM quiz_items WHERE module_id = m.id) AS total,
           ${completedIn('lesson_progress', 'lesson_id', 'completed_at', 'lessons')}
             + ${completedIn('exercise_progress', 'exercise_id', 'completed_at', 'exercises')}
             + ${completedIn('quiz_progress', 'quiz_item_id', 'first_correct_at', 'quiz_items')} AS completed
         FROM modules m JOIN packs k ON k.id = m.pack_id
         ORDER BY k.title, m.position`,
      ),
      packs: db.prepare<[], { packId: string; title: string }>('SELECT id AS packId, title FROM packs ORDER BY title'),
      counts: db.prepare<[string, string, string], { lessons: number; exercises: number; quiz: number }>(
        `SELECT (SELECT count(*) FROM lesson_progress WHERE learner_id = ? AND completed_at IS NOT NULL) AS lessons,
                (SELECT count(*) FROM exercise_progress WHERE learner_id = ? AND completed_at IS NOT NULL) AS exercises,
                (SELECT count(*) FROM quiz_progress WHERE learner_id = ? AND first_correct_at IS NOT NULL) AS quiz`,
      ),
      mastery: db.prepare<[string], ProgressSummary['mastery'][number]>(
        `SELECT sm.skill_id AS skillId, coalesce(s.title, sm.skill_id) AS title, sm.correct, sm.attempts
         FROM skill_mastery sm LEFT JOIN skills s ON s.id = sm.skill_id
         WHERE sm.learner_id = ? ORDER BY title`,
      ),
      // Local days with activity, from two quarters per UTC day: small however long the history.
      activeDays: db.prepare<{ learner: string; shift: string }, { day: string }>(
        `SELECT date(first_quarter || ':00', :shift) AS day FROM activity_days WHERE learner_id = :learner
         UNION SELECT date(last_quarter || ':00', :shift) FROM activity_days WHERE learner_id = :learner
         ORDER BY day`,
      ),
      totalTime: db.prepare<[string], { timeMs: number }>(
        'SELECT coalesce(sum(time_ms), 0) AS timeMs FROM activity_days WHERE learner_id = ?',
      ),
      // Only the quarters of the days shown.
      recentDays: db.prepare<{ learner: string; shift: string; from: string }, ProgressSummary['days'][number]>(
        `SELECT date(quarter || ':00', :shift) AS day, sum(events) AS events, sum(time_ms) AS timeMs
         FROM activity WHERE learner_id = :learner AND quarter >= :from GROUP BY day`,
      ),
      resume: db.prepare<[string], NonNullable<ProgressSummary['resume']>>(
        `SELECT r.content_id AS contentId, s.kind AS kind, s.title AS title, s.module_id AS moduleId, r.at AS at
         FROM resume_points r LEFT JOIN sequence s ON s.content_id = r.content_id WHERE r.learner_id = ?`,
      ),
      skill: db.prepare<[string, string], { correct: number; attempts: number }>(
        'SELECT correct, attempts FROM skill_mastery WHERE learner_id = ? AND skill_id = ?',
      ),
      skills: db.prepare<[string], { skillId: string; correct: number; attempts: number }>(
        'SELECT skill_id AS skillId, correct, attempts FROM skill_mastery WHERE learner_id = ?',
      ),
      lessons: db.prepare<[string], UserProgress['lessons'][number]>(
        `SELECT lesson_id AS lessonId, first_opened_at AS firstOpenedAt, completed_at AS completedAt, time_ms AS timeMs
         FROM lesson_progress WHERE learner_id = ? ORDER BY lesson_id`,
      ),
      exercises: db.prepare<[string], UserProgress['exercises'][number]>(
        `SELECT exercise_id AS exerciseId, attempts, best_passed AS bestPassed, best_total AS bestTotal,
                max_hints AS maxHintsUsed, completed_at AS completedAt
         FROM exercise_progress WHERE learner_id = ? ORDER BY exercise_id`,
      ),
      quizItems: db.prepare<[string], UserProgress['quizItems'][number]>(
        `SELECT quiz_item_id AS quizItemId, attempts, correct, first_correct_at AS firstCorrectAt
         FROM quiz_progress WHERE learner_id = ? ORDER BY quiz_item_id`,
      ),
    };
  }

  /** Right answers and attempts of one learner on the given skills (skills never tried are left out). */
  skillEvidence(learnerId: string, skills: readonly string[]): { correct: number; attempts: number }[] {
    return skills
      .map((skill) => this.#q.skill.get(learnerId, skill))
      .filter((row): row is { correct: number; attempts: number } => row !== undefined);
  }

  /** The same for every skill the learner tried, in one read: for ranking many exercises at once. */
  evidenceBySkill(learnerId: string): Map<string, { correct: number; attempts: number }> {
    return new Map(this.#q.skills.all(learnerId).map(({ skillId, ...evidence }) => [skillId, evidence]));
  }

  userProgress(learnerId: string): UserProgress {
    return {
      lessons: this.#q.lessons.all(learnerId),
      exercises: this.#q.exercises.all(learnerId),
      quizItems: this.#q.quizItems.all(learnerId),
    };
  }

  summary(learnerId: string, options: { tzOffsetMinutes: number; days: number; now: Date }): ProgressSummary {
    const modules = this.#q.modules.all({ learner: learnerId });
    const packs = this.#q.packs.all().map((pack) => {
      const own = modules.filter((m) => m.packId === pack.packId);
      return {
        ...pack,
        total: own.reduce((n, m) => n + m.total, 0),
        completed: own.reduce((n, m) => n + m.completed, 0),
      };
    });
    const counts = this.#q.counts.get(learnerId, learnerId, learnerId)!;
    const shift = `${-options.tzOffsetMinutes} minutes`;
    const today = localDay(options.now, options.tzOffsetMinutes);
    const active = this.#q.activeDays.all({ learner: learnerId, shift }).map((d) => d.day);
    const { current, longest } = streaks(active, today);
    // The first local day shown starts at most 14 hours away from its UTC day: a day more covers it.
    const from = new Date(Date.parse(`${today}T00:00:00Z`) - options.days * DAY_MS).toISOString().slice(0, 16);
    const recent = this.#q.recentDays.all({ learner: learnerId, shift, from });
    const days = lastDays(today, options.days, new Map(recent.map((d) => [d.day, d])));
    return {
      learnerId,
      lessonsCompleted: counts.lessons,
      exercisesCompleted: counts.exercises,
      quizItemsCorrect: counts.quiz,
      packs,
      modules,
      mastery: this.#q.mastery.all(learnerId),
      streakDays: current,
      longestStreakDays: longest,
      timeOnTaskMs: this.#q.totalTime.get(learnerId)!.timeMs,
      days,
      resume: this.#q.resume.get(learnerId) ?? null,
    };
  }
}
