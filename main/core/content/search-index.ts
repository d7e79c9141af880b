import type { SearchHit, SearchQuery, SearchResult } from '../../../common/contract/search.js';
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';
import { respell, Vocabulary } from './spelling.js';

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

interface Filters {
  packId?: string | null | undefined;
  moduleId?: string | null | undefined;
  kind?: string | null | undefined;
  difficulty?: number | null | undefined;
}

// One token per filter value: hex keeps any id a single token the tokenizer leaves alone.
const hex = (value: string) => Buffer.from(value).toString('hex');
const tagTokens = ({ packId, moduleId, kind, difficulty }: Filters): string[] => [
  ...(packId ? [`p${hex(packId)}`] : []),
  ...(moduleId ? [`m${hex(moduleId)}`] : []),
  ...(kind ? [`k${hex(kind)}`] : []),
  ...(difficulty ? [`d${difficulty}`] : []),
];

/** The tags column of an indexed item. */
export const searchTags = (filters: Filters): string => tagTokens(filters).join(' ');

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

type HitStatement = Statement<Record<string, unknown>, Row>;

/** Past this many matching items, body matches are listed in teaching order instead of ranked. */
export const RANKED_BODY_LIMIT = 2000;

const SNIPPET = `snippet(search_index, 1, '${OPEN}', '${CLOSE}', '…', 16) AS snippet`;
const HIT_COLUMNS = `content_id AS contentId, kind, title, module_id AS moduleId, pack_id AS packId, difficulty, ${SNIPPET}`;

/**
 * Title matches, ranked. The snippet is of the body, so it is built by a second MATCH of the query
 * over every column, joined on the few rows returned (a title-only MATCH marks nothing in a body).
 */
const selectTitled = `
  WITH top AS (
    SELECT rowid, rank FROM search_index
    WHERE search_index MATCH @rankMatch AND rank MATCH 'bm25(5.0, 1.0, 0.0)'
    ORDER BY rank LIMIT @limit
  )
  SELECT ${HIT_COLUMNS}
  FROM search_index JOIN top ON top.rowid = search_index.rowid
  WHERE search_index MATCH @match
  ORDER BY top.rank`;

/**
 * Matches in any column, in one pass: FTS5 hands rows over already in rank (or rowid) order, so
 * the LIMIT stops it and the snippet is built only for the rows returned. A second MATCH, as the
 * titles need, would expand the query again: for a long last word, past the prefix indexes, that
 * expansion is most of a query's cost.
 */
const selectBody = (order: 'rank' | 'rowid') => `
  SELECT ${HIT_COLUMNS} FROM search_index
  WHERE search_index MATCH @rankMatch ${order === 'rank' ? "AND rank MATCH 'bm25(5.0, 1.0, 0.0)'" : ''}
  ORDER BY ${order} LIMIT @limit`;

type Query = Required<Pick<SearchQuery, 'query' | 'limit'>> & Omit<SearchQuery, 'query' | 'limit'>;

/** Below this many hits a query may be a typo: its respelling is tried. */
export const FEW_HITS = 3;

const VOCABULARY_CHECK_MS = 1000;

/**
 * Full-text search over the installed catalog, ranked by BM25 with titles weighted up, in tiers:
 * items whose title matches come first, ranked; body matches fill the rest of the page. Ranking
 * costs a little for every matching item, and a common word matches most bodies of a large pack
 * but few titles. When a query matches more than RANKED_BODY_LIMIT items its words are in most of
 * them, BM25 can barely tell them apart (FTS5 floors such words' IDF), and the body matches are
 * listed in teaching order instead: same results, a fraction of the cost.
 */
export class SearchIndex {
  readonly #titled: HitStatement;
  readonly #ranked: HitStatement;
  readonly #ordered: HitStatement;
  readonly #count;
  readonly #packsKey;
  readonly #words;
  #vocabulary: { key: string; checkedAt: number; vocabulary: Vocabulary } | undefined;

  constructor(
    db: SqliteDatabase,
    private readonly rankedBodyLimit = RANKED_BODY_LIMIT,
  ) {
    // Snippets are built only for the rows returned: snippet() is the costly part of a hit.
    this.#titled = db.prepare<Record<string, unknown>, Row>(selectTitled);
    this.#ranked = db.prepare<Record<string, unknown>, Row>(selectBody('rank'));
    this.#ordered = db.prepare<Record<string, unknown>, Row>(selectBody('rowid'));
    // Counting stops past the limit: for a common word it need not walk every matching item.
    this.#count = db.prepare<[string, number], { n: number }>(
      'SELECT count(*) AS n FROM (SELECT 1 FROM search_index WHERE search_index MATCH ? LIMIT ?)',
    );
    // Installed packs change the vocabulary; this says when (any process may install).
    this.#packsKey = db.prepare<[], { key: string | null }>(
      "SELECT group_concat(id || ' ' || version || ' ' || installed_at, ',') AS key FROM packs",
    );
    this.#words = db.prepare<[], { word: string; docs: number }>(
      'SELECT word, sum(docs) AS docs FROM search_words GROUP BY word',
    );
  }

  /** The query's hits; when they are few, the query respelled from the index's words if that finds more. */
  search(query: Query): SearchResult {
    const hits = this.#hits(query.query, query);
    if (hits.length >= Math.min(FEW_HITS, query.limit)) return { hits, didYouMean: null };
    const respelled = respell(query.query, this.#vocabularyNow());
    const better = respelled === undefined ? [] : this.#hits(respelled, query);
    if (respelled === undefined || better.length <= hits.length) return { hits, didYouMean: null };
    return hits.length === 0
      ? { hits: better, didYouMean: { query: respelled, applied: true } }
      : { hits, didYouMean: { query: respelled, applied: false } };
  }

  #vocabularyNow(): Vocabulary {
    // A query that finds little asks for the vocabulary at every keystroke; the installed packs
    // are looked at again at most once a second (another process may have installed one).
    const now = performance.now();
    if (this.#vocabulary && now - this.#vocabulary.checkedAt < VOCABULARY_CHECK_MS) return this.#vocabulary.vocabulary;
    const key = this.#packsKey.get()?.key ?? '';
    if (this.#vocabulary?.key !== key) {
      this.#vocabulary = { key, checkedAt: now, vocabulary: new Vocabulary(this.#words.all()) };
    }
    this.#vocabulary.checkedAt = now;
    return this.#vocabulary.vocabulary;
  }

  #hits(text: string, query: Query): SearchHit[] {
    const match = toFtsQuery(text);
    if (!match) return [];
    const filter = tagTokens(query)
      .map((token) => ` AND {tags} : "${token}"`)
      .join('');
    const run = (statement: HitStatement, rankMatch: string, limit: number) =>
      statement
        .all({ match, rankMatch: `${rankMatch}${filter}`, limit })
        .map((row) => ({ ...row, snippet: splitSnippet(row.snippet) }));
    const titled = run(this.#titled, `{title} : (${match})`, query.limit);
    if (titled.length >= query.limit) return titled;
    const matching = this.#count.get(`{title body} : (${match})${filter}`, this.rankedBodyLimit + 1)!.n;
    const body = matching > this.rankedBodyLimit ? this.#ordered : this.#ranked;
    const seen = new Set(titled.map((hit) => hit.contentId));
    const rest = run(body, `{title body} : (${match})`, query.limit + titled.length).filter(
      (hit) => !seen.has(hit.contentId),
    );
    return [...titled, ...rest].slice(0, query.limit);
  }
}
