import type { SearchHit, SearchQuery } from '../../../common/contract/search.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';

// Private-use characters mark matches inside snippets; they never occur in pack text we index.
const OPEN = '\u{E000}';
const CLOSE = '\u{E001}';

/**
 * Turns what a learner types into an FTS5 query: every word must match (a word like "f-string"
 * as a phrase), the last one as a prefix so results come as you type. Operators and quotes in the
 * input are never passed through.
 */
export function toFtsQuery(input: string): string | undefined {
  const phrases = input
    .toLowerCase()
    .split(/\s+/)
    .map((term) => (term.match(/[\p{L}\p{N}_]+/gu) ?? []).join(' '))
    .filter(Boolean);
  if (phrases.length === 0) return undefined;
  return phrases.map((p, i) => `"${p}"${i === phrases.length - 1 ? '*' : ''}`).join(' ');
}

export function splitSnippet(snippet: string): SearchHit['snippet'] {
  const runs: SearchHit['snippet'] = [];
  for (const part of snippet.split(OPEN)) {
    const [matched, rest] = part.includes(CLOSE) ? part.split(CLOSE) : [undefined, part];
    if (matched) runs.push({ text: matched, match: true });
    if (rest) runs.push({ text: rest, match: false });
  }
  return runs;
}

interface Row extends Omit<SearchHit, 'snippet'> {
  snippet: string;
}

/** Full-text search over the installed catalog, ranked by BM25 with titles weighted up. */
export class SearchIndex {
  readonly #query;

  constructor(db: SqliteDatabase) {
    // Ranks every match but builds snippets only for the rows returned: snippet() is the costly part.
    this.#query = db.prepare<Record<string, unknown>, Row>(`
      WITH top AS (
        SELECT rowid, rank FROM search_index
        WHERE search_index MATCH @match AND rank MATCH 'bm25(5.0, 1.0)'
          AND (@packId IS NULL OR pack_id = @packId)
          AND (@moduleId IS NULL OR module_id = @moduleId)
          AND (@kind IS NULL OR kind = @kind)
          AND (@difficulty IS NULL OR difficulty = @difficulty)
        ORDER BY rank LIMIT @limit
      )
      SELECT content_id AS contentId, kind, title, module_id AS moduleId, pack_id AS packId, difficulty,
        snippet(search_index, 1, '${OPEN}', '${CLOSE}', '…', 16) AS snippet
      FROM search_index JOIN top ON top.rowid = search_index.rowid
      WHERE search_index MATCH @match
      ORDER BY top.rank`);
  }

  search(query: Required<Pick<SearchQuery, 'query' | 'limit'>> & Omit<SearchQuery, 'query' | 'limit'>): SearchHit[] {
    const match = toFtsQuery(query.query);
    if (!match) return [];
    return this.#query
      .all({
        match,
        packId: query.packId ?? null,
        moduleId: query.moduleId ?? null,
        kind: query.kind ?? null,
        difficulty: query.difficulty ?? null,
        limit: query.limit,
      })
      .map((row) => ({ ...row, snippet: splitSnippet(row.snippet) }));
  }
}
