import { defaultHighlightStyle, HighlightStyle, syntaxHighlighting } from '@codemirror/language';

// CodeMirror's default token colours are light-only (#708 keywords are 1.6:1 on the dark surface).
// Each becomes a light-dark() pair from the same palette as the lessons' highlighting (styles.css, .hljs-*),
// every one at least 4.5:1 on --surface in its theme; the editor's shadow root inherits the app's
// color-scheme, so the app's theme picks the pair, not the OS's.
const THEMED: Record<string, string> = {
  '#708': 'light-dark(#b3261e, #ff7b72)', // keywords
  '#219': 'light-dark(#0550ae, #79c0ff)', // atoms, booleans
  '#164': 'light-dark(#0550ae, #79c0ff)', // numbers, literals
  '#a11': 'light-dark(#0a3069, #a5d6ff)', // strings
  '#e40': 'light-dark(#953800, #ffa657)', // escapes, regexps
  '#00f': 'light-dark(#6639ba, #d2a8ff)', // definitions
  '#30a': 'light-dark(#6639ba, #d2a8ff)', // local variables
  '#085': 'light-dark(#116329, #7ee787)', // type names
  '#167': 'light-dark(#6639ba, #d2a8ff)', // class names
  '#256': 'light-dark(#953800, #ffa657)', // builtins, macros
  '#00c': 'light-dark(#0550ae, #79c0ff)', // property definitions
  '#940': 'light-dark(#57606a, #9da5b0)', // comments
  '#f00': 'light-dark(#b3261e, #ff7b72)', // invalid
};

/** The default highlight style's tags and weights with colours that read in both themes. */
export const themedHighlighting = syntaxHighlighting(
  HighlightStyle.define(
    defaultHighlightStyle.specs.map((spec) => {
      const color = typeof spec.color === 'string' ? THEMED[spec.color] : undefined;
      return color ? { ...spec, color } : spec;
    }),
  ),
);
