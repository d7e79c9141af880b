import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import ReactMarkdown from 'react-markdown';
import type { Components } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import rehypeSanitize from 'rehype-sanitize';
import bash from 'highlight.js/lib/languages/bash';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import pythonRepl from 'highlight.js/lib/languages/python-repl';
import shell from 'highlight.js/lib/languages/shell';
import type { Options as HighlightOptions } from 'rehype-highlight';

/*
 * Only the languages packs use (AUTHORING.md): the default set carries 37 grammars (170 KB) into every
 * screen that shows Markdown. A block in any other language is shown plain; `text` is program output.
 */
const highlight: HighlightOptions = {
  languages: { bash, json, python, 'python-repl': pythonRepl, shell },
  plainText: ['text', 'plaintext', 'output'],
};

/** A code block, named for what it holds (program output or code) in the app's language. */
function CodeBlock({ output, children }: { output: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <pre
      tabIndex={0}
      role="group"
      aria-label={output ? t('code.output') : t('code.example')}
      data-output-label={output ? t('code.outputTag') : undefined}
    >
      {children}
    </pre>
  );
}

const components: Components = {
  // Links in a lesson leave the app: in a browser a new tab, in Electron the system browser.
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noreferrer noopener">
      {children}
    </a>
  ),
  // A code block scrolls sideways inside itself rather than widening the page; focusable and named so a
  // keyboard user can scroll it too (axe: scrollable-region-focusable).
  pre: ({ node, children }) => {
    const first = node?.children[0];
    const classes = first?.type === 'element' ? String(first.properties.className ?? '') : '';
    return <CodeBlock output={classes.includes('language-text')}>{children}</CodeBlock>;
  },
};

/** Lesson Markdown: raw HTML is never rendered, the tree is sanitized, then code is highlighted. */
export function Markdown({ source }: { source: string }) {
  return (
    <ReactMarkdown rehypePlugins={[rehypeSanitize, [rehypeHighlight, highlight]]} components={components}>
      {source}
    </ReactMarkdown>
  );
}
