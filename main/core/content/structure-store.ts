import type { Prerequisites, SequenceItem } from '../../../common/contract/structure.js';
import type { PackManifest } from '../../../content-packs/format/manifest.js';
import { MAX_PREREQUISITE_DEPTH } from '../../../content-packs/format/prerequisite-graph.js';
import type { LoadedPack } from '../../../content-packs/format/pack-source.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';
import { refOf, say } from '../../../common/i18n/message.js';

const qualify = (packId: string, localId: string) => `${packId}/${localId}`;

/** A module's quiz as a step of the sequence: the module's own title with the catalog's word for quiz. */
const quizTitle = (moduleTitle: string) => say('quiz-step-title', { module: moduleTitle });

export type Graph = 'module' | 'lesson' | 'skill';

/** Skills, prerequisites and teaching order of the installed packs. */
export class StructureStore {
  readonly #db: SqliteDatabase;
  readonly #next;
  readonly #prerequisites;
  readonly #requires;
  readonly #skillsOf;

  constructor(db: SqliteDatabase) {
    this.#db = db;
    this.#next = db.prepare<[string], SequenceItem & { moduleTitle: string | null }>(`
      SELECT s.content_id AS contentId, s.kind, s.title, s.module_id AS moduleId, m.title AS moduleTitle
      FROM sequence cur JOIN sequence s ON s.pack_id = cur.pack_id AND s.position = cur.position + 1
        LEFT JOIN modules m ON m.id = s.module_id
      WHERE cur.content_id = ?`);
    // Transitive closure; UNION (not UNION ALL) stops at nodes already seen; no pack chains deeper.
    this.#prerequisites = db.prepare<{ graph: Graph; id: string }, Prerequisites['prerequisites'][number]>(`
      WITH RECURSIVE closure (id, depth) AS (
        SELECT required_id, 1 FROM prerequisites WHERE graph = @graph AND item_id = @id
        UNION
        SELECT p.required_id, c.depth + 1 FROM prerequisites p JOIN closure c ON p.graph = @graph AND p.item_id = c.id
        WHERE c.depth < ${MAX_PREREQUISITE_DEPTH}
      )
      SELECT c.id, coalesce(CASE @graph WHEN 'module' THEN m.title WHEN 'lesson' THEN l.title ELSE s.title END, c.id) AS title,
        max(c.depth) AS depth
      FROM closure c
      LEFT JOIN lessons l ON l.id = c.id LEFT JOIN modules m ON m.id = c.id LEFT JOIN skills s ON s.id = c.id
      GROUP BY c.id ORDER BY depth DESC, c.id`);
    this.#requires = db.prepare<{ graph: Graph; id: string }, { id: string }>(
      'SELECT required_id AS id FROM prerequisites WHERE graph = @graph AND item_id = @id ORDER BY required_id',
    );
    this.#skillsOf = db.prepare<[string], { id: string }>(
      'SELECT skill_id AS id FROM content_skills WHERE content_id = ? ORDER BY skill_id',
    );
  }

  next(contentId: string): SequenceItem | undefined {
    const row = this.#next.get(contentId);
    if (!row) return undefined;
    const { moduleTitle, ...item } = row;
    // Read, not stored: a sequence written before the quiz title was a message is said in the learner's language too.
    if (item.kind !== 'quiz' || moduleTitle === null) return item;
    return { ...item, titleI18n: refOf(quizTitle(moduleTitle)) };
  }

  prerequisites(graph: Graph, id: string): Prerequisites['prerequisites'] {
    return this.#prerequisites.all({ graph, id });
  }

  requires(graph: Graph, id: string): string[] {
    return this.#requires.all({ graph, id }).map((r) => r.id);
  }

  skillsOf(contentId: string): string[] {
    return this.#skillsOf.all(contentId).map((r) => r.id);
  }

  /** Called inside the catalog's replace transaction, after the pack's old rows are gone. */
  write(manifest: PackManifest, quizzes: LoadedPack['quizzes']): void {
    const packId = manifest.id;
    const q = (id: string) => qualify(packId, id);
    const skill = this.#db.prepare('INSERT INTO skills (id, pack_id, title) VALUES (?, ?, ?)');
    const edge = this.#db.prepare(
      'INSERT OR IGNORE INTO prerequisites (pack_id, graph, item_id, required_id) VALUES (?, ?, ?, ?)',
    );
    const tag = this.#db.prepare(
      'INSERT OR IGNORE INTO content_skills (pack_id, content_id, skill_id) VALUES (?, ?, ?)',
    );
    const step = this.#db.prepare(
      'INSERT INTO sequence (pack_id, position, content_id, kind, module_id, title) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const s of manifest.skills) {
      skill.run(q(s.id), packId, s.title);
      for (const r of s.requires) edge.run(packId, 'skill', q(s.id), q(r));
    }
    let position = 0;
    for (const m of manifest.modules) {
      for (const r of m.requires) edge.run(packId, 'module', q(m.id), q(r));
      for (const l of m.lessons) {
        for (const r of l.requires) edge.run(packId, 'lesson', q(l.id), q(r));
        for (const s of l.skills) tag.run(packId, q(l.id), q(s));
        step.run(packId, position++, q(l.id), 'lesson', q(m.id), l.title);
      }
      for (const e of m.exercises) {
        for (const r of e.requires) edge.run(packId, 'lesson', q(e.id), q(r));
        for (const s of e.skills) tag.run(packId, q(e.id), q(s));
        step.run(packId, position++, q(e.id), 'exercise', q(m.id), e.title);
      }
      if (m.quiz) step.run(packId, position++, q(m.id), 'quiz', q(m.id), quizTitle(m.title).text);
      for (const item of quizzes.get(m.id) ?? []) {
        for (const s of item.skills) tag.run(packId, q(item.id), q(s));
      }
    }
  }
}
