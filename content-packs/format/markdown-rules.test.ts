import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownProblems } from './markdown-rules.js';
import { loadPackSource, MANIFEST_FILE } from './pack-source.js';

const lesson = (body: string) => `# Loops\n\n${body}\n\n## Try it\n\n- Count to three.\n`;
const problemsOf = (body: string) => markdownProblems(lesson(body), { kind: 'lesson', title: 'Loops' });

describe("AUTHORING.md's Markdown rules", () => {
  it('accepts plain CommonMark with code, inline HTML-looking text in code, and links inside the pack', () => {
    expect(
      problemsOf('Text with `<b>` in code.\n\n```python\nprint("<div>")\n```\n\nSee [the loops lesson](loops.md).'),
    ).toEqual([]);
  });

  it.each([
    ['raw HTML', 'Some <b>bold</b> text.', /raw HTML/],
    ['an HTML block', '<div>\nhello\n</div>', /raw HTML/],
    ['an image', '![a cat](cat.png)', /images/],
    ['a reference image', '![a cat][cat]\n\n[cat]: cat.png', /images/],
    ['an external link', 'Read [the docs](https://docs.python.org).', /external link/],
    ['an autolink', 'Mail <mailto:a@b.c>.', /external link/],
    ['a link definition', 'See [docs].\n\n[docs]: //example.com/docs', /external link/],
    ['a table', '| a | b |\n|---|---|\n| 1 | 2 |', /tables/],
  ])('refuses %s', (_name, body, problem) => {
    const problems = problemsOf(body);
    expect(problems.length).toBeGreaterThan(0);
    for (const found of problems) expect(found).toMatch(problem);
  });

  it('checks the title line and, for a lesson, the closing "## Try it" section', () => {
    expect(markdownProblems('# Other\n\nText.\n', { kind: 'lesson', title: 'Loops' })).toEqual([
      expect.stringMatching(/first line must be "# Loops"/),
      expect.stringMatching(/Try it/),
    ]);
    expect(markdownProblems('# Loops\n\nText.\n', { kind: 'prompt', title: 'Loops' })).toEqual([]);
  });

  const PACKS = resolve(import.meta.dirname, '..');
  const shipped = readdirSync(PACKS).filter((name) => existsSync(join(PACKS, name, MANIFEST_FILE)));
  it.each(shipped)(
    'hold for every lesson and prompt of %s',
    async (name) => {
      const { manifest, files } = await loadPackSource(join(PACKS, name));
      const problems: string[] = [];
      for (const m of manifest.modules) {
        for (const l of m.lessons)
          problems.push(
            ...markdownProblems(files.get(l.file)!.toString(), { kind: 'lesson', title: l.title }).map(
              (p) => `${l.file}: ${p}`,
            ),
          );
        for (const e of m.exercises)
          problems.push(
            ...markdownProblems(files.get(`${e.dir}/prompt.md`)!.toString(), { kind: 'prompt', title: e.title }).map(
              (p) => `${e.dir}/prompt.md: ${p}`,
            ),
          );
      }
      expect(problems).toEqual([]);
    },
    30_000,
  );
});
