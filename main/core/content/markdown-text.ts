/**
 * Markdown as the plain text a reader sees, for the search index: headings, emphasis, links,
 * backticks, code fences, quotes and list markers leave their words and code behind and none of
 * their syntax. It follows CommonMark for the subset packs may use (content-packs/AUTHORING.md: no
 * raw HTML, no tables, no images) and agrees word for word with the parser the renderer uses
 * (the test compares them on every shipped pack). Written by hand because that parser costs about
 * 1 ms a lesson, which is most of the install time of a large pack; this costs a few microseconds.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]+|$)/;
const CLOSING_HASHES = /[ \t]+#+[ \t]*$|^#+[ \t]*$/;
const RULE_OR_UNDERLINE = /^ {0,3}(?:(?:[-*_][ \t]*){3,}|=+[ \t]*|-+[ \t]*)$/;
const QUOTE = /^ {0,3}>[ \t]?/;
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]*\S+.*$/;
const INDENTED_CODE = /^(?: {4}|\t)/;

// Private-use characters stand for code spans and escapes while the rest of a line is rewritten.
const SLOT = '\u{E010}';
const SLOTS = /\u{E010}(\d+)\u{E010}/gu;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function inline(text: string): string {
  if (!/[`*_\\<[&]/.test(text)) return text;
  const kept: string[] = [];
  const keep = (value: string) => `${SLOT}${kept.push(value) - 1}${SLOT}`;
  // A code span: a run of n backticks up to the next run of exactly n; one space each side is padding.
  let out = text.replace(/(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, (_, _ticks: string, code: string) => {
    const flat = code.replace(/\n/g, ' ');
    return keep(/^ .*[^ ] $/.test(flat) ? flat.slice(1, -1) : flat);
  });
  out = out
    .replace(/\\([!-/:-@[-`{-~])/g, (_, c: string) => keep(c))
    .replace(/\\\n/g, '\n')
    .replace(/<((?:https?|mailto|ftp):[^\s<>]*|[^\s<>@]+@[^\s<>]+)>/gi, (_, url: string) => keep(url))
    .replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<!--[\s\S]*?-->/g, '')
    .replace(/!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])/g, '$1');
  // Emphasis: `*` anywhere a run is left- and right-flanking; `_` only at word boundaries.
  for (let pass = 0; pass < 3; pass++) {
    out = out
      .replace(/(\*{1,3})(?=[^\s*])([\s\S]*?[^\s*])\1/g, '$2')
      .replace(/(^|[^\p{L}\p{N}_])(_{1,3})(?=[^\s_])([\s\S]*?[^\s_])\2(?![\p{L}\p{N}_])/gu, '$1$3');
  }
  out = out.replace(
    /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]+));/g,
    (all, dec?: string, hex?: string, name?: string) => {
      if (name) return ENTITIES[name] ?? all;
      const code = dec ? Number(dec) : parseInt(hex!, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    },
  );
  return out.replace(SLOTS, (_, i: string) => kept[Number(i)]!);
}

export function markdownToText(markdown: string): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) out.push(inline(paragraph.join('\n')));
    paragraph = [];
  };
  let fence: { char: string; length: number } | undefined;
  let previousBlank = true;
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (fence) {
      const close = FENCE.exec(raw);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length && close[2]!.trim() === '') {
        fence = undefined;
      } else out.push(raw);
      continue;
    }
    const open = FENCE.exec(raw);
    if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
      flush();
      fence = { char: open[1]![0]!, length: open[1]!.length };
      continue;
    }
    if (raw.trim() === '') {
      flush();
      previousBlank = true;
      continue;
    }
    if (previousBlank && paragraph.length === 0 && INDENTED_CODE.test(raw) && !LIST_ITEM.test(raw)) {
      out.push(raw.trim());
      continue;
    }
    previousBlank = false;
    let line = raw;
    while (QUOTE.test(line)) line = line.replace(QUOTE, '');
    if (DEFINITION.test(line)) continue;
    if (RULE_OR_UNDERLINE.test(line)) {
      flush();
      continue;
    }
    if (HEADING.test(line)) {
      flush();
      out.push(inline(line.replace(HEADING, '').replace(CLOSING_HASHES, '')));
      continue;
    }
    while (LIST_ITEM.test(line)) {
      flush();
      line = line.replace(LIST_ITEM, '');
    }
    // A hard break (two trailing spaces) is a line end like any other here.
    paragraph.push(line.trim());
  }
  flush();
  return out
    .join('\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** At most `max` characters of text, cut after a whole word, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
