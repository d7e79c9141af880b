import type { QuizItem } from '../../../content-packs/format/manifest.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';
import { markdownToText, shorten } from './markdown-text.js';
import { searchTags } from './search-index.js';
import { documentFrequencies } from './spelling.js';

/** How the index is written: 1 held raw Markdown (migration 0030); 2 plain text and the vocabulary. */
export const SEARCH_FORMAT = 2;

/** A quiz item's title is its question, cut to this length. */
const QUIZ_TITLE_CHARS = 120;

interface ItemRow {
  id: string;
  moduleId: string;
  kind: 'lesson' | 'exercise' | 'quiz';
  title: string | null;
  text: string;
  extra: string | null;
  difficulty: number | null;
}

/** A catalog item as the index holds it: plain text, as a reader sees it, never Markdown. */
function document(row: ItemRow): { title: string; body: string } {
  if (row.kind === 'lesson') return { title: row.title!, body: markdownToText(row.text) };
  if (row.kind === 'exercise') return { title: row.title!, body: `${markdownToText(row.text)}\n${row.extra}` };
  const item = JSON.parse(row.text) as QuizItem;
  const prompt = markdownToText(item.prompt);
  const choices = item.kind === 'choice' ? item.choices.map(markdownToText) : [];
  return { title: shorten(prompt, QUIZ_TITLE_CHARS), body: [prompt, ...choices].join('\n') };
}

/**
 * Writes a pack's search rows from its catalog rows, in the pack's teaching order (a module's
 * lessons, then its exercises, then its quiz), so rowid order is teaching order. Called inside the
 * transaction that writes the catalog, so readers never see one without the other.
 */
export class SearchWriter {
  readonly #db: SqliteDatabase;
  readonly #items;
  readonly #insert;
  readonly #insertWord;

  constructor(db: SqliteDatabase) {
    this.#db = db;
    this.#items = db.prepare<[{ packId: string }], ItemRow>(`
      SELECT id, moduleId, kind, title, text, extra, difficulty FROM (
        SELECT m.position AS mp, 0 AS kp, l.position AS p, l.id, m.id AS moduleId, 'lesson' AS kind,
          l.title, l.body AS text, NULL AS extra, NULL AS difficulty
        FROM lessons l JOIN modules m ON m.id = l.module_id WHERE m.pack_id = @packId
        UNION ALL
        SELECT m.position, 1, e.position, e.id, m.id, 'exercise', e.title, e.prompt, e.starter, e.difficulty
        FROM exercises e JOIN modules m ON m.id = e.module_id WHERE m.pack_id = @packId
        UNION ALL
        SELECT m.position, 2, q.position, q.id, m.id, 'quiz', NULL, q.item, NULL, q.difficulty
        FROM quiz_items q JOIN modules m ON m.id = q.module_id WHERE m.pack_id = @packId
      ) ORDER BY mp, kp, p`);
    this.#insert = db.prepare(
      `INSERT INTO search_index (title, body, tags, content_id, pack_id, module_id, kind, difficulty)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#insertWord = db.prepare('INSERT INTO search_words (pack_id, word, docs) VALUES (?, ?, ?)');
  }

  removePack(packId: string): void {
    this.#db.prepare('DELETE FROM search_index WHERE pack_id = ?').run(packId);
    this.#db.prepare('DELETE FROM search_words WHERE pack_id = ?').run(packId);
  }

  /** Indexes a pack whose catalog rows are written and whose search rows are not. */
  indexPack(packId: string): void {
    const texts: string[] = [];
    for (const row of this.#items.all({ packId })) {
      const { title, body } = document(row);
      const { id, moduleId, kind, difficulty } = row;
      this.#insert.run(
        title,
        body,
        searchTags({ packId, moduleId, kind, difficulty }),
        id,
        packId,
        moduleId,
        kind,
        difficulty,
      );
      texts.push(`${title}\n${body}`);
    }
    for (const [word, docs] of documentFrequencies(texts)) this.#insertWord.run(packId, word, docs);
  }

  /**
   * Rebuilds the whole index from the catalog when it was written in an older format (an
   * upgrade), once: the check and the rebuild hold the write lock, so a second process waits and
   * then finds it done.
   */
  rebuildIfStale(): void {
    const format = this.#db.prepare<[], { format: number }>('SELECT format FROM search_format WHERE id = 1');
    if ((format.get()?.format ?? 1) >= SEARCH_FORMAT) return;
    this.#db
      .transaction(() => {
        if ((format.get()?.format ?? 1) >= SEARCH_FORMAT) return;
        this.#db.exec('DELETE FROM search_index; DELETE FROM search_words;');
        for (const { id } of this.#db.prepare<[], { id: string }>('SELECT id FROM packs ORDER BY id').all()) {
          this.indexPack(id);
        }
        this.#db
          .prepare(
            'INSERT INTO search_format (id, format) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET format = excluded.format',
          )
          .run(SEARCH_FORMAT);
      })
      .immediate();
  }
}
