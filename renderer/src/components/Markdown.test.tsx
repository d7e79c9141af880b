import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { i18next } from '../i18n/i18n.js';
import { Markdown } from './Markdown.js';

const render = (source: string) => renderToStaticMarkup(<Markdown source={source} />);

describe('lesson Markdown', () => {
  it('renders headings, emphasis and highlighted Python', () => {
    const html = render('# Title\n\nSome *words*.\n\n```python\nprint("hi")\n```\n');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<em>words</em>');
    expect(html).toMatch(/<code class="hljs language-python">.*hljs-built_in/);
  });

  it.each([
    ['a script tag', '<script>alert(1)</script>', /<script/i],
    ['an event handler', '<img src="x" onerror="alert(1)">', /onerror/i],
    ['a javascript: link', '[click](javascript:alert(1))', /javascript:/i],
    ['an iframe', '<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ['a style attribute', '<p style="position:fixed">x</p>', /style=/i],
  ])('never lets %s through', (_what, source, forbidden) => {
    expect(render(source)).not.toMatch(forbidden);
  });

  it('opens links outside the app without giving the new page a handle on it', () => {
    expect(render('[docs](https://docs.python.org/3/)')).toContain('rel="noreferrer noopener"');
  });

  it('names code blocks and program output in the app’s language', async () => {
    const blocks = '```python\nx = 1\n```\n\n```text\n1\n```\n';
    expect(render(blocks)).toMatch(/aria-label="Code example".*aria-label="Program output"/s);
    // The tag the stylesheet shows on output (content: attr(data-output-label)).
    expect(render(blocks)).toContain('data-output-label="Output"');
    await i18next.changeLanguage('de');
    try {
      expect(render(blocks)).toMatch(/aria-label="Codebeispiel".*aria-label="Programmausgabe"/s);
      expect(render(blocks)).toContain('data-output-label="Ausgabe"');
    } finally {
      await i18next.changeLanguage('en');
    }
  });
});
