import { indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { indentUnit } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { minimalSetup } from 'codemirror';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Preferences } from '../../../common/contract/learners.js';
import { themedHighlighting } from './editor-highlight.js';

interface Props {
  /** The text the editor starts with; a new `resetKey` starts it again from `initial`. */
  initial: string;
  resetKey: string;
  label: string;
  settings: Preferences['editor'];
  onChange: (code: string) => void;
}

// CodeMirror styles itself with constructed stylesheets only inside a shadow root; in the document
// it would add <style> elements, which the app's Content-Security-Policy (style-src 'self') refuses.
const shadowOf = (host: HTMLElement) => host.shadowRoot ?? host.attachShadow({ mode: 'open' });

const theme = EditorView.theme({
  '&': { minHeight: '14rem', fontSize: '0.95rem', background: 'var(--surface)', color: 'var(--text)' },
  // The focus ring is drawn on the host (.code-editor:focus-within), where its overflow does not clip it.
  '&.cm-focused': { outline: 'none' },
  '.cm-content': { tabSize: '4', caretColor: 'var(--text)' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', minHeight: '14rem' },
  '.cm-gutters': { background: 'var(--accent-soft)', color: 'var(--muted)', border: 'none' },
});

/**
 * CodeMirror 6 with Python support and the learner's editor settings. Tab indents; Escape then
 * Tab moves focus on, as CodeMirror documents for keyboard users.
 */
export function CodeEditor({ initial, resetKey, label, settings, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const changed = useRef(onChange);
  // The text survives a change of settings (which rebuilds the editor) but not a reset.
  const text = useRef(initial);
  const lastReset = useRef(resetKey);
  useEffect(() => {
    changed.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const shadow = shadowOf(host.current!);
    if (lastReset.current !== resetKey) {
      lastReset.current = resetKey;
      text.current = initial;
    }
    const view = new EditorView({
      parent: shadow,
      root: shadow,
      state: EditorState.create({
        doc: text.current,
        extensions: [
          minimalSetup,
          theme,
          themedHighlighting,
          python(),
          settings.lineNumbers ? lineNumbers() : [],
          settings.wordWrap ? EditorView.lineWrapping : [],
          indentUnit.of(' '.repeat(settings.tabSize)),
          // Not EditorState.tabSize: CodeMirror applies it as a style attribute, which the CSP refuses;
          // indents are spaces, and literal tabs are drawn 4 wide by the stylesheet.
          keymap.of([indentWithTab]),
          // tabindex: axe counts a scrolling editor as keyboard-reachable only with one on its content.
          EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
          EditorState.phrases.of({
            'Control character': t('code.controlCharacter'),
            'Selection deleted': t('code.selectionDeleted'),
          }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            text.current = update.state.doc.toString();
            changed.current(text.current);
          }),
        ],
      }),
    });
    return () => view.destroy();
    // The editor is rebuilt only when its starting text or settings change, not on every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resetKey, settings.lineNumbers, settings.wordWrap, settings.tabSize, label, i18n.language]);

  return <div className="code-editor" ref={host} data-testid="code-editor" />;
}
