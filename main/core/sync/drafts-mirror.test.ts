import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { replaceText } from './drafts-mirror.js';

const textOf = (value: string) => {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, value);
  return { doc, text };
};

describe('replaceText', () => {
  it('turns any text into any other, astral characters included, and sends only the changed middle', () => {
    const chars = fc.constantFrom('a', 'b', '\n', ' ', 'é', '🐍', '🐢', '\u{1F600}');
    const code = fc.array(chars, { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(code, code, (before, after) => {
        const { doc, text } = textOf(before);
        const copy = new Y.Doc();
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
        const sv = Y.encodeStateVector(doc);
        replaceText(text, after);
        expect(text.toString()).toBe(after);
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc, sv));
        expect(copy.getText('t').toString()).toBe(after);
      }),
    );
  });

  it('merges edits made on two devices at once instead of keeping one whole copy', () => {
    const { doc: a, text } = textOf('def f():\n    return 1\n');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    replaceText(text, '# a\ndef f():\n    return 1\n');
    replaceText(b.getText('t'), 'def f():\n    return 1\n# b\n');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(text.toString()).toBe('# a\ndef f():\n    return 1\n# b\n');
    expect(b.getText('t').toString()).toBe(text.toString());
  });
});
