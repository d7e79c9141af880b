import type { SqliteDatabase } from '../../../../infra/sqlite/open-database.js';
import type { CatalogGeneration } from '../../content/catalog-generation.js';

export interface Candidate {
  id: string;
  title: string;
  moduleId: string;
  difficulty: number;
  skills: string[];
  /** Lessons to read first. */
  lessons: string[];
}

type Lesson = { id: string; title: string; moduleId: string };

const list = (joined: string | null) => (joined ? joined.split(',') : []);

/**
 * What a learner could do next: exercises and lessons not yet completed, in teaching order. The
 * installed steps are read once per catalog generation (a thousand exercises with their skills and
 * lessons took milliseconds to read at every recommendation); per call only the learner's completed
 * ones are read.
 */
export class Candidates {
  readonly #exercises;
  readonly #lessons;
  readonly #completedExercises;
  readonly #completedLessons;
  readonly #skillTitle;

  constructor(db: SqliteDatabase, generation: Pick<CatalogGeneration, 'remember'>) {
    // Skills and lessons come along (ids hold no commas; their order does not matter here), so reading a
    // thousand exercises is one query, not thousands.
    const exercises = db.prepare<
      [],
      Omit<Candidate, 'skills' | 'lessons'> & { skills: string | null; lessons: string | null }
    >(
      `SELECT s.content_id AS id, s.title, s.module_id AS moduleId, e.difficulty,
         (SELECT group_concat(skill_id) FROM content_skills WHERE content_id = s.content_id) AS skills,
         (SELECT group_concat(required_id) FROM prerequisites WHERE graph = 'lesson' AND item_id = s.content_id) AS lessons
       FROM sequence s JOIN packs k ON k.id = s.pack_id JOIN exercises e ON e.id = s.content_id
       WHERE s.kind = 'exercise'
       ORDER BY k.title, s.position`,
    );
    const lessons = db.prepare<[], Lesson>(
      `SELECT s.content_id AS id, s.title, s.module_id AS moduleId
       FROM sequence s JOIN packs k ON k.id = s.pack_id
       WHERE s.kind = 'lesson'
       ORDER BY k.title, s.position`,
    );
    this.#exercises = generation.remember((): readonly Readonly<Candidate>[] =>
      exercises.all().map((row) => ({ ...row, skills: list(row.skills), lessons: list(row.lessons) })),
    );
    this.#lessons = generation.remember((): readonly Readonly<Lesson>[] => lessons.all());
    this.#completedExercises = db
      .prepare<[string], string>(
        'SELECT exercise_id FROM exercise_progress WHERE learner_id = ? AND completed_at IS NOT NULL',
      )
      .pluck();
    this.#completedLessons = db
      .prepare<[string], string>(
        'SELECT lesson_id FROM lesson_progress WHERE learner_id = ? AND completed_at IS NOT NULL',
      )
      .pluck();
    this.#skillTitle = db.prepare<[string], { title: string }>('SELECT title FROM skills WHERE id = ?');
  }

  skillTitle(skillId: string): string {
    return this.#skillTitle.get(skillId)?.title ?? skillId;
  }

  /** The exercises not completed, in teaching order. Shared between calls: not to be changed. */
  openExercises(learnerId: string): readonly Readonly<Candidate>[] {
    const completed = new Set(this.#completedExercises.all(learnerId));
    return this.#exercises().filter((exercise) => !completed.has(exercise.id));
  }

  /** The first lesson in teaching order not done (FinishedSteps decides what counts as done). */
  firstLessonLeft(learnerId: string, isDone: (id: string) => boolean): Readonly<Lesson> | undefined {
    const completed = new Set(this.#completedLessons.all(learnerId));
    return this.#lessons().find((lesson) => !completed.has(lesson.id) && !isDone(lesson.id));
  }
}
