/**
 * Short answers are compared after normalising both sides the same way, so a learner is not marked
 * wrong for how they typed a right answer: Unicode NFC (an "é" typed as e + accent equals the one
 * character), whitespace runs as one space, and sentence punctuation or quotes around the whole
 * answer dropped ("None." and "`None`" are "None"). Punctuation inside is kept: in code it matters.
 */
const TRAILING_PUNCTUATION = /[.!?,;:。！？、]+$/u;
const QUOTE_PAIRS: Record<string, string> = { '"': '"', "'": "'", '`': '`', '“': '”', '‘': '’', '«': '»' };

const unquote = (text: string): string => {
  const close = QUOTE_PAIRS[text[0] ?? ''];
  return close && text.length > 1 && text.endsWith(close) ? text.slice(1, -1).trim() : text;
};

export function normalizeShortAnswer(text: string, caseSensitive: boolean): string {
  let normal = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  // Strip repeatedly: "`None`." and "'None'" both come down to None.
  for (let before = ''; before !== normal;) {
    before = normal;
    const stripped = unquote(normal.replace(TRAILING_PUNCTUATION, '').trim());
    if (stripped !== '') normal = stripped;
  }
  return caseSensitive ? normal : normal.toLowerCase();
}
