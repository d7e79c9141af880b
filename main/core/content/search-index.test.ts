import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../common/contract/search.js';
import { writePackFixture } from '../../../content-packs/format/pack-fixture.js';
import { createCore } from '../create-core.js';
import type { Core } from '../create-core.js';
import { loadPackSource } from '../../../content-packs/format/pack-source.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';
import { openCoreDatabase } from '../db/core-database.js';
import { CatalogStore } from './catalog-store.js';
import { SearchIndex, splitSnippet, toFtsQuery } from './search-index.js';

const matched = (hit: SearchHit) => hit.snippet.filter((run) => run.match).map((run) => run.text.toLowerCase());

describe('search', () => {
  let core: Core;
  let db: SqliteDatabase;
  const search = async (query: string, filters: Record<string, unknown> = {}) =>
    (await core.api.searchContent({ query, limit: 20, ...filters })).hits;

  beforeAll(async () => {
    core = await createCore({
      dataDir: mkdtempSync(join(tmpdir(), 'search-')),
      appVersion: '1.0.0',
      bundledPacksDir: dirname(writePackFixture()),
      logger: pino({ level: 'silent' }),
    });
    db = openCoreDatabase(mkdtempSync(join(tmpdir(), 'search-db-'))).db;
  });
  afterAll(() => {
    core.close();
    db.close();
  });

  it('finds lessons by their text and marks the match in the snippet', async () => {
    const hits = await search('names');
    expect(hits[0]).toMatchObject({ contentId: 'demo/names', kind: 'lesson', moduleId: 'demo/basics', packId: 'demo' });
    expect(matched(hits[0]!)).toContain('names');
  });

  it('finds code in exercises and answers as you type (prefix of the last word)', async () => {
    expect((await search('count_do')).map((h) => h.contentId)).toContain('demo/count-down');
    expect((await search('NotImplemented')).map((h) => h.contentId)).toEqual(['demo/count-down']);
  });

  it('ranks a title match above a passing mention', async () => {
    const hits = await search('loops');
    expect(hits[0]?.title).toBe('For loops');
  });

  it('filters by pack, module, kind and difficulty', async () => {
    expect((await search('range', { kind: 'quiz' })).every((h) => h.kind === 'quiz')).toBe(true);
    expect((await search('range', { kind: 'quiz', difficulty: 3 })).map((h) => h.contentId)).toEqual([
      'demo/loop-count',
    ]);
    expect(await search('text', { moduleId: 'demo/loops' })).toHaveLength(1);
    expect(await search('text', { packId: 'other' })).toEqual([]);
  });

  it('treats search syntax as plain words and never fails on odd input', async () => {
    for (const query of [
      '"unbalanced',
      'a OR b NOT c',
      'title:hello',
      '*',
      ')(',
      "'; DROP TABLE lessons; --",
      'ünïcødé',
    ]) {
      await expect(search(query)).resolves.toBeInstanceOf(Array);
    }
    expect(await search('   ')).toEqual([]);
    expect((await core.api.listModules(undefined)).length).toBe(2);
  });

  it('lists body matches in teaching order, after ranked title matches, once a query matches too many items', async () => {
    const catalog = new CatalogStore(db);
    catalog.replacePack(await loadPackSource(writePackFixture()), new Date());
    const { hits } = new SearchIndex(db, 1).search({ query: 'text', limit: 20 });
    expect(hits.map((h) => h.contentId)).toEqual(['demo/hello', 'demo/names', 'demo/for-loops']);
    const ranked = new SearchIndex(db).search({ query: 'hello', limit: 20 }).hits;
    expect(ranked[0]?.contentId).toBe('demo/hello');
  });

  it('builds safe FTS queries and splits snippets into runs', () => {
    expect(toFtsQuery('List APPEND')).toBe('"list" "append"*');
    expect(toFtsQuery('a" OR "b')).toBe('"a" "or" "b"*');
    expect(toFtsQuery('f-string')).toBe('"f string"*');
    expect(toFtsQuery('!!!')).toBeUndefined();
    expect(splitSnippet('a \u{E000}b\u{E001} c')).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
      { text: ' c', match: false },
    ]);
  });
});
