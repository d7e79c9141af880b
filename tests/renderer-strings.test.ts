import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const RENDERER = join(ROOT, 'renderer/src');

/** The attributes a learner reads or hears: their text must come from t(), like the text between tags. */
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
  // The app's own components that put a prop on screen (a caption, a load status's "what", a dialog's words).
  'caption',
  'what',
  'heading',
  'confirmLabel',
  'body',
]);

/**
 * Text that is the same in every language, so it may stay literal. Kept short on purpose: each entry says why.
 */
const ALLOWED = new Map<string, string>([
  // Examples of what to type, whose shape is the same in every language (a placeholder, not a sentence).
  ['ABCD-2345', 'the shape of a class code'],
  ['http://192.168.1.10:4781', 'the shape of a server address'],
]);

const HAS_LETTER = /\p{L}/u;

/** Every .ts and .tsx under renderer/src but the tests (a test renders what it likes) and the locales themselves. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'locales' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')
      ? [path]
      : [];
  });
}

/** A sentence, not a code or a kind ('error', 'ok'): words with a space between. */
const SENTENCE = /\p{L}\s+\p{L}/u;
/** Where the renderer words an outcome or an error itself: `{ text: … }`, `{ message: … }`, setError(…). */
const MESSAGE_PROPERTY = /^(text|message)$/;
const MESSAGE_SETTER = /^set(Error|Problem|Message)$/;

/**
 * The string literals an expression would put on screen as they stand: a literal, both arms of a
 * condition, the fallback of `a || 'x'` / `a ?? 'x'`, the result of `c && 'x'`, the text of a template.
 * A call's arguments are not followed: `t('key')` is the way through, and its key is not shown.
 */
function shownLiterals(node: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node];
  if (ts.isTemplateExpression(node)) return [node.head, ...node.templateSpans.map((span) => span.literal)];
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return shownLiterals(node.expression);
  if (ts.isConditionalExpression(node)) return [...shownLiterals(node.whenTrue), ...shownLiterals(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return shownLiterals(node.right);
    if (
      op === ts.SyntaxKind.BarBarToken ||
      op === ts.SyntaxKind.QuestionQuestionToken ||
      op === ts.SyntaxKind.PlusToken
    )
      return [...shownLiterals(node.left), ...shownLiterals(node.right)];
  }
  return [];
}

const literalText = (node: ts.Node): string =>
  ts.isJsxText(node) || ts.isLiteralExpression(node) || ts.isTemplateLiteralToken(node) ? node.text : '';

/** "file:line: text" for each literal a learner would read that does not come through t(). */
export function untranslated(file: string, source: string): string[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const found: ts.Node[] = [];
  /** Sentences only: a message property or setter may also carry a code. */
  const sentences = (value: ts.Expression) => shownLiterals(value).filter((n) => SENTENCE.test(literalText(n)));
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && MESSAGE_PROPERTY.test(node.name.getText(tree)))
      found.push(...sentences(node.initializer));
    if (ts.isCallExpression(node) && MESSAGE_SETTER.test(node.expression.getText(tree)) && node.arguments[0])
      found.push(...sentences(node.arguments[0]));
    if (ts.isJsxText(node)) found.push(node);
    else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent))
      found.push(...shownLiterals(node.expression));
    else if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(tree)) && node.initializer) {
      const value = node.initializer;
      if (ts.isStringLiteral(value)) found.push(value);
      else if (ts.isJsxExpression(value) && value.expression) found.push(...shownLiterals(value.expression));
    } else if (
      // window.confirm / alert speak to the learner too.
      ts.isCallExpression(node) &&
      /^(window\.)?(confirm|alert|prompt)$/.test(node.expression.getText(tree)) &&
      node.arguments[0]
    )
      found.push(...shownLiterals(node.arguments[0]));
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found
    .map((node) => [node, literalText(node).trim()] as const)
    .filter(([, text]) => HAS_LETTER.test(text) && !ALLOWED.has(text))
    .map(([node, text]) => `${file}:${tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1}: ${text}`);
}

/** Words a stylesheet puts on screen with `content: '…'`, which no translation reaches. */
export const cssWords = (css: string) =>
  [...css.matchAll(/content:\s*(['"])(.*?)\1/g)].map((m) => m[2]!).filter((text) => HAS_LETTER.test(text));

describe('the renderer', () => {
  it('puts no literal words on screen: every text, label, title, placeholder and alt goes through t()', () => {
    const offenders = sources(RENDERER).flatMap((path) =>
      untranslated(relative(ROOT, path), readFileSync(path, 'utf8')),
    );
    expect(offenders.join('\n')).toBe('');
  });

  it('puts no words on screen from its stylesheet (a word there comes from a data attribute)', () => {
    expect(cssWords(readFileSync(join(RENDERER, 'styles.css'), 'utf8'))).toEqual([]);
    expect(cssWords(`pre::before { content: 'Output'; } li::before { content: '✓ '; }`)).toEqual(['Output']);
  });

  // The check itself: it must see each way a literal reaches the screen, and let translated text through.
  it('flags text between tags, text attributes, shown expressions and confirm(), not t() keys or class names', () => {
    const source = `
      export const A = ({ done }: { done: boolean }) => (
        <section className="big card" aria-label="Results">
          <h1>Your results</h1>
          <p title={done ? 'Finished' : t('x.open')}>{done && 'All done'} · 42</p>
          <input placeholder={\`Type \${1}\`} alt={t('y')} />
          <button onClick={() => confirm('Really?')}>{t('z', { n: 'not shown' })}</button>
          <button onClick={() => setMessage({ kind: 'error', text: \`Could not save \${x}.\` })}>{t('k')}</button>
        </section>
      );`;
    expect(untranslated('a.tsx', source).map((line) => line.replace(/^a\.tsx:\d+: /, ''))).toEqual([
      'Results',
      'Your results',
      'Finished',
      'All done',
      'Type',
      'Really?',
      'Could not save',
    ]);
  });
});
