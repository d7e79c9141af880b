import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../common/contract/search.js';
import { writePackFixture } from '../../../content-packs/format/pack-fixture.js';
import { loadPackSource } from '../../../content-packs/format/pack-source.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';
import { openCoreDatabase } from '../db/core-database.js';
import { CatalogStore } from './catalog-store.js';
import { SearchIndex } from './search-index.js';

// Quiz prompts and lessons written the way authors write them: Markdown everywhere.
const QUIZ = [
  {
    id: 'kwargs',
    kind: 'choice',
    prompt:
      'What does `kwargs` collect? Read the **bold** part of [the keyword guide](https://docs.python.org/3/) first.',
    choices: ['A `dict` of names', 'A **tuple**'],
    answer: 0,
    skills: ['loops'],
    difficulty: 2,
  },
  {
    id: 'fenced',
    kind: 'short',
    prompt: '### Reading code\n\nRun this:\n\n```python\nprint(len("abc"))\n```\n\nWhat does it print?',
    answers: ['3'],
    skills: ['loops'],
    difficulty: 1,
  },
  {
    id: 'heading',
    kind: 'numeric',
    prompt: '## How many values does `` range(3) `` yield?\n\n> _Count_ them: __all__ of them.',
    answer: 3,
    skills: ['loops'],
    difficulty: 1,
  },
];
const LESSON = `# Functions and generators

A **function** is defined with \`def\`; a *generator function* uses \`yield\`.
See [the tutorial](https://docs.python.org/3/tutorial/) and <https://peps.python.org>.

- Comprehension syntax builds lists.
- A decorator wraps a function.

Der Schlüssel öffnet die Tür; la clé ouvre la porte; ключ открывает дверь.
`;

/** Any trace of Markdown syntax a reader should never see in a title or a snippet. */
const MARKDOWN = /`|\*\*|__|\]\(|^#|\s#{1,6}\s|```|^>|<https?:/m;
const textOf = (hit: SearchHit) => hit.snippet.map((run) => run.text).join('');

describe('search text and respelling', () => {
  let db: SqliteDatabase;
  let index: SearchIndex;
  const search = (query: string, limit = 20) => index.search({ query, limit });

  beforeAll(async () => {
    const dir = writePackFixture();
    writeFileSync(join(dir, 'quizzes', 'loops.json'), JSON.stringify(QUIZ));
    writeFileSync(join(dir, 'lessons', 'names.md'), LESSON);
    db = openCoreDatabase(mkdtempSync(join(tmpdir(), 'search-text-'))).db;
    new CatalogStore(db).replacePack(await loadPackSource(dir), new Date());
    index = new SearchIndex(db);
  });
  afterAll(() => db.close());

  describe('titles and snippets are plain text', () => {
    it.each([
      [
        'backticks, **bold** and links',
        'keyword guide',
        'demo/kwargs',
        'What does kwargs collect? Read the bold part of the keyword guide first.',
      ],
      [
        'headings and code fences',
        'print',
        'demo/fenced',
        'Reading code Run this: print(len("abc")) What does it print?',
      ],
      [
        'double backticks, quotes and underscores',
        'count',
        'demo/heading',
        'How many values does range(3) yield? Count them: all of them.',
      ],
    ])('%s', (_, query, contentId, title) => {
      const hit = search(query).hits.find((h) => h.contentId === contentId);
      expect(hit?.title).toBe(title);
      expect(textOf(hit!)).not.toMatch(MARKDOWN);
    });

    it('keeps code words searchable and shows them without their backticks', () => {
      const hit = search('kwargs').hits[0]!;
      expect(hit.snippet.filter((run) => run.match).map((run) => run.text)).toEqual(['kwargs']);
      expect(textOf(hit)).toContain('kwargs collect');
      expect(search('len abc').hits.map((h) => h.contentId)).toContain('demo/fenced');
    });

    it('shows no Markdown in any hit of any word the pack holds', () => {
      const words = db.prepare<[], { word: string }>('SELECT word FROM search_words').all();
      for (const { word } of words) {
        for (const hit of search(word).hits) {
          expect(hit.title, word).not.toMatch(MARKDOWN);
          expect(textOf(hit), word).not.toMatch(MARKDOWN);
        }
      }
    });

    it('rebuilds an index written by an older version (raw Markdown) from the catalog', () => {
      db.exec("DELETE FROM search_format; UPDATE search_index SET title = '**raw** `title`'");
      new CatalogStore(db);
      expect(search('raw').hits).toEqual([]);
      // As migration 0090 leaves it: the index empty, no format recorded.
      db.exec('DELETE FROM search_format; DELETE FROM search_index; DELETE FROM search_words');
      new CatalogStore(db);
      const titles = db.prepare<[], { title: string }>('SELECT title FROM search_index').all();
      expect(titles.filter((t) => MARKDOWN.test(t.title))).toEqual([]);
      expect(search('kwargs').hits[0]?.title).toMatch(/^What does kwargs collect\?/);
    });
  });

  describe('typos', () => {
    it.each([
      ['transposition in the only word', 'fucntion', 'function'],
      ['deletion', 'generatr', 'generator'],
      ['insertion', 'decoratorr', 'decorator'],
      ['substitution', 'comprehansion', 'comprehension'],
      ['a typo in the first word', 'fucntion generator', 'function generator'],
      ['a typo in the last word', 'function generatro', 'function generator'],
      ['two typos in a long word', 'comprehesnoin', 'comprehension'],
      ['a prefix typo as you type', 'genr', 'gen'],
      ['a transposed prefix as you type', 'fucn', 'function'],
      ['unicode: a deletion in a German word', 'schlüsel', 'schlüssel'],
      ['unicode: a substitution in a Russian word', 'ключь', 'ключ'],
    ])('%s: "%s" finds "%s"', (_, typed, respelled) => {
      const result = search(typed);
      expect(result.didYouMean).toEqual({
        query: expect.stringMatching(new RegExp(`^${respelled}`, 'u')),
        applied: true,
      });
      expect(result.hits.map((h) => h.contentId)).toContain('demo/names');
    });

    it('suggests the most common word among equally close ones, as a whole word', () => {
      expect(search('fucntion').didYouMean?.query).toBe('function');
      expect(search('fucn').didYouMean?.query).toBe('function');
    });

    it('never respells a word the index holds, nor any beginning of one', () => {
      const words = db.prepare<[], { word: string }>('SELECT word FROM search_words').all();
      for (const { word } of words) {
        expect(search(word).didYouMean, word).toBeNull();
        expect(search(word.slice(0, Math.ceil(word.length / 2))).didYouMean, word).toBeNull();
      }
      expect(search('function generator').didYouMean).toBeNull();
    });

    it('leaves short words and words with nothing close alone', () => {
      expect(search('fnu')).toEqual({ hits: [], didYouMean: null });
      expect(search('xylophone')).toEqual({ hits: [], didYouMean: null });
      expect(search('12345')).toEqual({ hits: [], didYouMean: null });
    });

    it('offers a respelling beside few hits only when it finds more', () => {
      // "printt" is in no item; "print" is in several, so the typo finds nothing and the respelling some.
      expect(search('printt').didYouMean).toEqual({ query: 'print', applied: true });
      // Diacritics fold in the index: "schlussel" already finds the lesson, and "schlüssel" no more.
      expect(search('schlussel')).toMatchObject({ didYouMean: null, hits: [{ contentId: 'demo/names' }] });
    });
  });
});
