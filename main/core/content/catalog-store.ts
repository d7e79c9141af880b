import type { Exercise, Lesson, LessonSummary, ModuleSummary } from '../../../common/contract/content.js';
import type { LoadedPack } from '../../../content-packs/format/pack-source.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';
import { CatalogGeneration } from './catalog-generation.js';
import { SearchWriter } from './search-writer.js';
import { StructureStore } from './structure-store.js';

const qualify = (packId: string, localId: string) => `${packId}/${localId}`;

const MODULE_COLUMNS = `
  m.id, m.pack_id AS packId, p.title AS packTitle, m.title, m.description, p.language,
  (SELECT count(*) FROM lessons l WHERE l.module_id = m.id) AS lessonCount`;

/** The installed catalog in SQLite: one prepared statement per read. */
export class CatalogStore {
  readonly #db: SqliteDatabase;
  readonly structure: StructureStore;
  /** Moves whenever the catalog may have changed: what reads kept between calls are keyed on. */
  readonly generation: CatalogGeneration;
  readonly #difficulties;
  readonly #installedVersion;
  readonly #modules;
  readonly #module;
  readonly #lessonsOfModule;
  readonly #lesson;
  readonly #search: SearchWriter;

  constructor(db: SqliteDatabase) {
    this.#db = db;
    this.structure = new StructureStore(db);
    this.generation = new CatalogGeneration(db);
    // Asked once per answer replayed when a recommendation measures the learner's pace (hundreds per call).
    const difficulties = db.prepare<[], { id: string; difficulty: number }>(
      `SELECT id, difficulty FROM exercises UNION ALL SELECT id, difficulty FROM quiz_items
       UNION ALL SELECT id, 2 FROM lessons`,
    );
    this.#difficulties = this.generation.remember(() => {
      const byId = new Map<string, number>();
      // The first table that has an id wins, in this order, as a lookup across the three tables would.
      for (const { id, difficulty } of difficulties.iterate()) if (!byId.has(id)) byId.set(id, difficulty);
      return byId;
    });
    this.#search = new SearchWriter(db);
    // An index written by an older version (raw Markdown, no vocabulary) is rebuilt from the catalog.
    this.#search.rebuildIfStale();
    this.#installedVersion = db.prepare<[string], { version: string }>('SELECT version FROM packs WHERE id = ?');
    this.#modules = db.prepare<[], ModuleSummary>(
      `SELECT ${MODULE_COLUMNS} FROM modules m JOIN packs p ON p.id = m.pack_id ORDER BY p.title, m.position`,
    );
    this.#module = db.prepare<[string], ModuleSummary>(
      `SELECT ${MODULE_COLUMNS} FROM modules m JOIN packs p ON p.id = m.pack_id WHERE m.id = ?`,
    );
    this.#lessonsOfModule = db.prepare<[string], LessonSummary>(
      'SELECT id, title FROM lessons WHERE module_id = ? ORDER BY position',
    );
    // Previous and next run across module boundaries, in the pack's teaching order.
    this.#lesson = db.prepare<[{ id: string }], Lesson>(`
      WITH ordered AS (
        SELECT l.id, l.module_id AS moduleId, m.title AS moduleTitle, l.title, l.body AS markdown,
          lag(l.id) OVER pack_order AS previousLessonId,
          lead(l.id) OVER pack_order AS nextLessonId,
          p.language
        FROM lessons l JOIN modules m ON m.id = l.module_id JOIN packs p ON p.id = m.pack_id
        WHERE m.pack_id = (SELECT m2.pack_id FROM lessons l2 JOIN modules m2 ON m2.id = l2.module_id WHERE l2.id = @id)
        WINDOW pack_order AS (ORDER BY m.position, l.position)
      )
      SELECT * FROM ordered WHERE id = @id`);
  }

  installedVersion(packId: string): string | undefined {
    return this.#installedVersion.get(packId)?.version;
  }

  listModules(): ModuleSummary[] {
    return this.#modules.all();
  }

  findModule(moduleId: string): ModuleSummary | undefined {
    return this.#module.get(moduleId);
  }

  lessonsOf(moduleId: string): LessonSummary[] {
    return this.#lessonsOfModule.all(moduleId);
  }

  exercisesOf(moduleId: string): { id: string; title: string; difficulty: number; skills: string }[] {
    return this.#db
      .prepare<[string], { id: string; title: string; difficulty: number; skills: string }>(
        'SELECT id, title, difficulty, skills FROM exercises WHERE module_id = ? ORDER BY position',
      )
      .all(moduleId);
  }

  findExercise(exerciseId: string): Exercise | undefined {
    const row = this.#db
      .prepare<[string], Omit<Exercise, 'hints'> & { hints: string }>(
        `SELECT e.id, e.title, e.difficulty, e.prompt, e.starter, e.hints, m.id AS moduleId, m.title AS moduleTitle,
           p.language
         FROM exercises e JOIN modules m ON m.id = e.module_id JOIN packs p ON p.id = m.pack_id WHERE e.id = ?`,
      )
      .get(exerciseId);
    return row && { ...row, hints: JSON.parse(row.hints) as string[] };
  }

  quizItemCount(moduleId: string): number {
    return this.#db
      .prepare<[string], { n: number }>('SELECT count(*) AS n FROM quiz_items WHERE module_id = ?')
      .get(moduleId)!.n;
  }

  /** Which table an id lives in, or undefined when nothing installed has it. */
  kindOf(contentId: string): 'module' | 'lesson' | 'exercise' | undefined {
    const row = this.#db
      .prepare<[string, string, string], { kind: 'module' | 'lesson' | 'exercise' }>(
        `SELECT 'module' AS kind FROM modules WHERE id = ? UNION ALL SELECT 'lesson' FROM lessons WHERE id = ?
         UNION ALL SELECT 'exercise' FROM exercises WHERE id = ? LIMIT 1`,
      )
      .get(contentId, contentId, contentId);
    return row?.kind;
  }

  /** 1-5: an exercise's or quiz item's own; lessons count as 2; undefined when nothing installed has the id. */
  difficultyOf(contentId: string): number | undefined {
    return this.#difficulties().get(contentId);
  }

  /** difficultyOf for every installed item at once: for a call that asks about hundreds (checks the generation once). */
  difficulties(): ReadonlyMap<string, number> {
    return this.#difficulties();
  }

  findLesson(lessonId: string): Lesson | undefined {
    return this.#lesson.get({ id: lessonId });
  }

  removePack(packId: string): void {
    try {
      this.#search.removePack(packId);
      this.#db.prepare('DELETE FROM packs WHERE id = ?').run(packId);
    } finally {
      this.generation.changed();
    }
  }

  /**
   * Replaces a pack's rows (catalog and search index) in one transaction: readers see the old
   * pack or the new one, never a mix.
   */
  replacePack({ manifest, files, quizzes }: LoadedPack, installedAt: Date): void {
    const db = this.#db;
    const insertPack = db.prepare(
      'INSERT INTO packs (id, version, title, description, language, installed_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const insertModule = db.prepare(
      'INSERT INTO modules (id, pack_id, position, title, description) VALUES (?, ?, ?, ?, ?)',
    );
    const insertLesson = db.prepare(
      'INSERT INTO lessons (id, module_id, position, title, body) VALUES (?, ?, ?, ?, ?)',
    );
    const insertExercise = db.prepare(
      `INSERT INTO exercises (id, module_id, position, title, difficulty, skills, hints, prompt, starter)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertQuiz = db.prepare(
      'INSERT INTO quiz_items (id, module_id, position, kind, difficulty, item) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const text = (path: string) => files.get(path)?.toString('utf8') ?? '';
    const replace = db.transaction(() => {
      this.removePack(manifest.id);
      const { id, version, title, description, language } = manifest;
      insertPack.run(id, version, title, description, language, installedAt.toISOString());
      manifest.modules.forEach((module, moduleIndex) => {
        const moduleId = qualify(id, module.id);
        insertModule.run(moduleId, id, moduleIndex, module.title, module.description);
        module.lessons.forEach((lesson, i) => {
          const body = text(lesson.file);
          insertLesson.run(qualify(id, lesson.id), moduleId, i, lesson.title, body);
        });
        module.exercises.forEach((exercise, i) => {
          const [prompt, starter] = [text(`${exercise.dir}/prompt.md`), text(`${exercise.dir}/starter.py`)];
          const exerciseId = qualify(id, exercise.id);
          insertExercise.run(
            exerciseId,
            moduleId,
            i,
            exercise.title,
            exercise.difficulty,
            JSON.stringify(exercise.skills),
            JSON.stringify(exercise.hints),
            prompt,
            starter,
          );
        });
        (quizzes.get(module.id) ?? []).forEach((item, i) => {
          const quizId = qualify(id, item.id);
          insertQuiz.run(quizId, moduleId, i, item.kind, item.difficulty, JSON.stringify(item));
        });
      });
      this.structure.write(manifest, quizzes);
      this.#search.indexPack(id);
    });
    try {
      replace();
    } finally {
      // After the commit (or the rollback), so nothing read inside the transaction is kept past it.
      this.generation.changed();
    }
  }
}
