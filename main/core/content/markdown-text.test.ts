import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { markdownToText, shorten } from './markdown-text.js';

const PACKS = fileURLToPath(new URL('../../../content-packs', import.meta.url));

/** Every Markdown text the shipped packs hold: lessons, exercise prompts, quiz prompts and choices. */
function shippedMarkdown(): string[] {
  const texts: string[] = [];
  for (const entry of readdirSync(PACKS, { recursive: true, withFileTypes: true })) {
    const file = join(entry.parentPath, entry.name);
    if (!entry.isFile() || file.includes('/format/')) continue;
    if (file.endsWith('.md') && !/AUTHORING|README/.test(entry.name)) texts.push(readFileSync(file, 'utf8'));
    if (file.includes('/quizzes/') && file.endsWith('.json')) {
      for (const item of JSON.parse(readFileSync(file, 'utf8')) as { prompt: string; choices?: string[] }[]) {
        texts.push(item.prompt, ...(item.choices ?? []));
      }
    }
  }
  return texts;
}

/** What the renderer's parser shows of a text, word by word (raw HTML is not rendered). */
function renderedWords(markdown: string): string[] {
  const out: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'html') return;
    if ('value' in node) out.push(node.value);
    if ('children' in node) for (const child of node.children) walk(child);
    out.push(['paragraph', 'heading', 'code', 'listItem', 'break'].includes(node.type) ? '\n' : '');
  };
  walk(fromMarkdown(markdown));
  return out.join('').match(/[\p{L}\p{N}_]+/gu) ?? [];
}

describe('markdownToText', () => {
  it.each([
    ['inline code', 'Call `len(items)` to count.', 'Call len(items) to count.'],
    ['code with backticks inside', 'Use `` a`b `` here.', 'Use a`b here.'],
    [
      'bold and italics',
      'A **strong** and *soft* and _soft_ and __strong__ word.',
      'A strong and soft and soft and strong word.',
    ],
    ['underscores inside words stay', 'snake_case and my_var_name', 'snake_case and my_var_name'],
    [
      'links and autolinks',
      'See [the docs](https://x.org "Docs") or <https://y.org>.',
      'See the docs or https://y.org.',
    ],
    ['reference links', 'See [the docs][ref].\n\n[ref]: https://x.org', 'See the docs.'],
    ['headings', '# Title\n\n## Sub ##\nText', 'Title\nSub\nText'],
    ['setext headings and rules', 'Title\n=====\n\n---\n\n* * *\nEnd', 'Title\nEnd'],
    ['code fences keep their code', '```python\nx = 2 * 3 * 4\nprint(x)\n```', 'x = 2 * 3 * 4\nprint(x)'],
    ['tilde fences', '~~~\n**not bold**\n~~~', '**not bold**'],
    ['quotes and lists', '> quoted **word**\n\n- one\n- two\n1. three', 'quoted word\none\ntwo\nthree'],
    ['escapes and entities', '\\*not emphasis\\* &amp; &lt;b&gt; &#65;', '*not emphasis* & <b> A'],
    ['raw HTML is dropped', 'a <span class="x">b</span> c', 'a b c'],
    ['arithmetic is not emphasis', 'Compute 2 * 3 * 4 now.', 'Compute 2 * 3 * 4 now.'],
    ['unicode', '**Schlüssel** und `ключ` — 鍵', 'Schlüssel und ключ — 鍵'],
  ])('%s', (_, markdown, text) => {
    expect(markdownToText(markdown)).toBe(text);
  });

  it('agrees word for word with the renderer’s parser on every text of the shipped packs', () => {
    const texts = shippedMarkdown();
    expect(texts.length).toBeGreaterThan(100);
    for (const markdown of texts) {
      expect(markdownToText(markdown).match(/[\p{L}\p{N}_]+/gu) ?? [], markdown).toEqual(renderedWords(markdown));
    }
  });
});

describe('shorten', () => {
  it('cuts after a whole word and marks the cut', () => {
    expect(shorten('one two three', 20)).toBe('one two three');
    expect(shorten('one two three four', 12)).toBe('one two…');
    expect(shorten('a\n  b', 10)).toBe('a b');
  });
});
