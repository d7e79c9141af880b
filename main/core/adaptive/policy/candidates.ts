import type { SqliteDatabase } from '../../../../infra/sqlite/open-database.js';

export interface Candidate {
  id: string;
  title: string;
  moduleId: string;
  difficulty: number;
  skills: string[];
  /** Lessons to read first. */
  lessons: string[];
}

const list = (joined: string | null) => (joined ? joined.split(',') : []);

/** What a learner could do next: exercises and lessons not yet completed, in teaching order. */
export class Candidates {
  readonly #open;
  readonly #lessons;
  readonly #skillTitle;

  constructor(db: SqliteDatabase) {
    // Skills and lessons come along (ids hold no commas; their order does not matter here), so ranking a
    // thousand exercises is one query, not thousands.
    this.#open = db.prepare<
      [string],
      Omit<Candidate, 'skills' | 'lessons'> & { skills: string | null; lessons: string | null }
    >(
      `SELECT s.content_id AS id, s.title, s.module_id AS moduleId, e.difficulty,
         (SELECT group_concat(skill_id) FROM content_skills WHERE content_id = s.content_id) AS skills,
         (SELECT group_concat(required_id) FROM prerequisites WHERE graph = 'lesson' AND item_id = s.content_id) AS lessons
       FROM sequence s JOIN packs k ON k.id = s.pack_id JOIN exercises e ON e.id = s.content_id
       LEFT JOIN exercise_progress p ON p.learner_id = ? AND p.exercise_id = s.content_id
       WHERE s.kind = 'exercise' AND p.completed_at IS NULL
       ORDER BY k.title, s.position`,
    );
    this.#lessons = db.prepare<[string], { id: string; title: string; moduleId: string }>(
      `SELECT s.content_id AS id, s.title, s.module_id AS moduleId
       FROM sequence s JOIN packs k ON k.id = s.pack_id
       LEFT JOIN lesson_progress p ON p.learner_id = ? AND p.lesson_id = s.content_id
       WHERE s.kind = 'lesson' AND p.completed_at IS NULL
       ORDER BY k.title, s.position`,
    );
    this.#skillTitle = db.prepare<[string], { title: string }>('SELECT title FROM skills WHERE id = ?');
  }

  skillTitle(skillId: string): string {
    return this.#skillTitle.get(skillId)?.title ?? skillId;
  }

  openExercises(learnerId: string): Candidate[] {
    return this.#open.all(learnerId).map((row) => ({ ...row, skills: list(row.skills), lessons: list(row.lessons) }));
  }

  /** The first lesson in teaching order not done (FinishedSteps decides what counts as done). */
  firstLessonLeft(learnerId: string, isDone: (id: string) => boolean) {
    return this.#lessons.all(learnerId).find((lesson) => !isDone(lesson.id));
  }
}
