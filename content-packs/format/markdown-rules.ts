import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes } from 'mdast';

/** What AUTHORING.md asks of a Markdown file: which kind it is, and the title its first line must carry. */
export interface MarkdownRules {
  kind: 'lesson' | 'prompt';
  title: string;
}

/** A line that looks like a table row followed by the `|---|---|` line of a GFM table. */
const TABLE = /^\s*\|?[^\n|]*\|[^\n]*\n\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/m;

/** An address with a scheme (https:, mailto:...) or a host (//...): outside the pack, and the app is offline. */
const EXTERNAL = /^([a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * The rules of AUTHORING.md that a machine can check, on CommonMark as the app renders it: the
 * first line is `# <title>`; no raw HTML (it is not rendered), no images, no external links, no
 * tables (CommonMark has none, so they would show as pipes); a lesson ends with `## Try it`.
 * Returns one sentence per problem.
 */
export function markdownProblems(text: string, rules: MarkdownRules): string[] {
  const problems: string[] = [];
  const first = text.split('\n')[0];
  if (first !== `# ${rules.title}`) problems.push(`the first line must be "# ${rules.title}", not "${first}"`);
  const tree = fromMarkdown(text);
  const visit = (node: Nodes) => {
    const line = node.position?.start.line ?? 0;
    if (node.type === 'html') problems.push(`line ${line}: raw HTML is not shown (${node.value.slice(0, 40)})`);
    if (node.type === 'image' || node.type === 'imageReference') problems.push(`line ${line}: images are not allowed`);
    if ((node.type === 'link' || node.type === 'definition') && EXTERNAL.test(node.url))
      problems.push(`line ${line}: external link ${node.url} (the app works offline)`);
    if (node.type === 'paragraph') {
      const source = text.slice(node.position?.start.offset, node.position?.end.offset);
      if (TABLE.test(source)) problems.push(`line ${line}: tables are not rendered; use a list`);
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  if (rules.kind === 'lesson') {
    const sections = tree.children.filter((n) => n.type === 'heading' && n.depth === 2);
    const last = sections.at(-1);
    const name =
      last && last.type === 'heading' ? last.children.map((c) => ('value' in c ? c.value : '')).join('') : '';
    if (name !== 'Try it') problems.push('a lesson ends with a "## Try it" section');
  }
  return problems;
}
