import type { ProgressSummary, UserProgress } from '../../../common/contract/progress.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';
import {
  activeLocalDays,
  lastDays,
  localDay,
  streaks,
  windowStartQuarter,
} from '../../../common/progress-rules/activity-days.js';
import type { CatalogModule } from '../../../common/progress-rules/catalog.js';
import { moduleCompletion, sumCompletion } from '../../../common/progress-rules/module-completion.js';

/** Reads the projections (never the log) and joins them with the active catalog. */
export class ProgressReader {
  readonly #q;

  constructor(db: SqliteDatabase) {
    this.#q = {
      modules: db.prepare<[], { moduleId: string; packId: string; title: string }>(
        `SELECT m.id AS moduleId, m.pack_id AS packId, m.title AS title
         FROM modules m JOIN packs k ON k.id = m.pack_id
         ORDER BY k.title, m.position`,
      ),
      items: db.prepare<[], { moduleId: string; kind: 'lessons' | 'exercises' | 'quizItems'; id: string }>(
        `SELECT module_id AS moduleId, 'lessons' AS kind, id FROM lessons
         UNION ALL SELECT module_id, 'exercises', id FROM exercises
         UNION ALL SELECT module_id, 'quizItems', id FROM quiz_items`,
      ),
      done: db.prepare<[string, string, string], { kind: 'lessons' | 'exercises' | 'quizItems'; id: string }>(
        `SELECT 'lessons' AS kind, lesson_id AS id FROM lesson_progress WHERE learner_id = ? AND completed_at IS NOT NULL
         UNION ALL SELECT 'exercises', exercise_id FROM exercise_progress WHERE learner_id = ? AND completed_at IS NOT NULL
         UNION ALL SELECT 'quizItems', quiz_item_id FROM quiz_progress
           WHERE learner_id = ? AND first_correct_at IS NOT NULL`,
      ),
      packs: db.prepare<[], { packId: string; title: string }>('SELECT id AS packId, title FROM packs ORDER BY title'),
      mastery: db.prepare<[string], ProgressSummary['mastery'][number]>(
        `SELECT sm.skill_id AS skillId, coalesce(s.title, sm.skill_id) AS title, sm.correct, sm.attempts
         FROM skill_mastery sm LEFT JOIN skills s ON s.id = sm.skill_id
         WHERE sm.learner_id = ? ORDER BY title`,
      ),
      // Two quarters per UTC day: small however long the history (activeLocalDays says why it is exact).
      activityDays: db.prepare<[string], { first: string; last: string }>(
        'SELECT first_quarter AS first, last_quarter AS last FROM activity_days WHERE learner_id = ?',
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

  /** The catalog's modules with their items, in course order: what completion is counted against. */
  #catalogModules(): CatalogModule[] {
    const modules = this.#q.modules
      .all()
      .map((m) => ({ ...m, lessons: [] as string[], exercises: [] as string[], quizItems: [] as string[] }));
    const byId = new Map(modules.map((m) => [m.moduleId, m]));
    for (const item of this.#q.items.all()) byId.get(item.moduleId)?.[item.kind].push(item.id);
    return modules;
  }

  summary(learnerId: string, options: { tzOffsetMinutes: number; days: number; now: Date }): ProgressSummary {
    const done = { lessons: new Set<string>(), exercises: new Set<string>(), quizItems: new Set<string>() };
    for (const item of this.#q.done.all(learnerId, learnerId, learnerId)) done[item.kind].add(item.id);
    const modules = this.#catalogModules().map(({ moduleId, packId, title, ...items }) => ({
      moduleId,
      packId,
      title,
      ...moduleCompletion({ moduleId, packId, title, ...items }, done),
    }));
    const packs = this.#q.packs.all().map((pack) => ({
      ...pack,
      ...sumCompletion(modules.filter((m) => m.packId === pack.packId)),
    }));
    const shift = `${-options.tzOffsetMinutes} minutes`;
    const today = localDay(options.now, options.tzOffsetMinutes);
    const active = activeLocalDays(this.#q.activityDays.all(learnerId), options.tzOffsetMinutes);
    const { current, longest } = streaks(active, today);
    // The first local day shown starts at most 14 hours away from its UTC day: a day more covers it.
    const from = windowStartQuarter(today, options.days);
    const recent = this.#q.recentDays.all({ learner: learnerId, shift, from });
    const days = lastDays(today, options.days, new Map(recent.map((d) => [d.day, d])));
    return {
      learnerId,
      lessonsCompleted: done.lessons.size,
      exercisesCompleted: done.exercises.size,
      quizItemsCorrect: done.quizItems.size,
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
