/**
 * Respelling from the index's own vocabulary: a word nothing indexed contains is replaced by the
 * closest word that is indexed (fewest typos, then the most common), so "fucntion" finds
 * "function". Words the index holds are never respelled.
 */

/** How many typos a word of this many letters may hold: none in short words, where any change is another word. */
export function typoBudget(letters: number): number {
  return letters < 4 ? 0 : letters < 8 ? 1 : 2;
}

// Three rows of the distance table, reused: a vocabulary scan calls typos() once per word.
let rows: Int32Array[] = [];

/** A word's letters as code points, so a letter outside the BMP counts once. */
export const lettersOf = (word: string): Int32Array => Int32Array.from(word, (c) => c.codePointAt(0)!);

/**
 * Typos between `typed` and `word` (optimal string alignment: an insertion, a deletion, a
 * substitution or two swapped neighbours each count one), or `max + 1` as soon as it is more than
 * `max`. With `prefix`, the distance to the closest beginning of `word`: what was typed so far.
 */
export function typos(typed: Int32Array, word: Int32Array, max: number, prefix = false): number {
  const n = typed.length;
  // A beginning longer than the typed letters plus the budget is never the closest one.
  const m = prefix ? Math.min(word.length, n + max) : word.length;
  if (!prefix && Math.abs(n - m) > max) return max + 1;
  if (rows.length === 0 || rows[0]!.length < m + 1) rows = [0, 1, 2].map(() => new Int32Array(2 * (m + 1)));
  let [before, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= m; j++) previous[j] = j;
  for (let i = 1; i <= n; i++) {
    current[0] = i;
    let best = i;
    for (let j = 1; j <= m; j++) {
      const cost = typed[i - 1] === word[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && typed[i - 1] === word[j - 2] && typed[i - 2] === word[j - 1]) {
        d = Math.min(d, before[j - 2]! + 1);
      }
      current[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  let distance = previous[m]!;
  if (prefix) for (let j = 0; j <= m; j++) distance = Math.min(distance, previous[j]!);
  return Math.min(distance, max + 1);
}

interface Entry {
  word: string;
  letters: Int32Array;
  docs: number;
}

/** The indexed words, sorted, with how many items hold each. */
export class Vocabulary {
  readonly #entries: Entry[];

  constructor(words: readonly { word: string; docs: number }[]) {
    this.#entries = words
      .map(({ word, docs }) => ({ word, letters: lettersOf(word), docs }))
      .sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  }

  /** The first entry not before `text` in sorted order. */
  #lowerBound(text: string): number {
    let lo = 0;
    let hi = this.#entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#entries[mid]!.word < text) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether some indexed word is `word`, or (with `prefix`) begins with it. */
  has(word: string, prefix = false): boolean {
    const found = this.#entries[this.#lowerBound(word)]?.word;
    return found !== undefined && (prefix ? found.startsWith(word) : found === word);
  }

  /** The closest indexed word within the typo budget, the most common among equals; undefined when none. */
  closest(typed: string, prefix = false): string | undefined {
    const letters = lettersOf(typed);
    const max = typoBudget(letters.length);
    if (max === 0) return undefined;
    let best: Entry | undefined;
    let bestTypos = max;
    for (const entry of this.#entries) {
      if (entry.letters.length < letters.length - max) continue;
      const found = typos(letters, entry.letters, bestTypos, prefix);
      if (found > bestTypos) continue;
      if (!best || found < bestTypos || entry.docs > best.docs) {
        best = entry;
        bestTypos = found;
      }
    }
    return best?.word;
  }
}

/** The words of a text as the index's tokenizer splits them (letters and digits), lower case. */
export function wordsOf(text: string): string[] {
  // Most pack text is ASCII, where a plain class is several times faster than Unicode properties.
  if (!/[^\p{ASCII}]/u.test(text)) return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** How many of the texts hold each word. */
export function documentFrequencies(texts: Iterable<string>): Map<string, number> {
  const docs = new Map<string, number>();
  const lastSeen = new Map<string, number>();
  let n = 0;
  for (const text of texts) {
    n++;
    for (const word of wordsOf(text)) {
      if (lastSeen.get(word) === n) continue;
      lastSeen.set(word, n);
      docs.set(word, (docs.get(word) ?? 0) + 1);
    }
  }
  return docs;
}

/**
 * The query with each word the vocabulary does not hold replaced by its closest indexed word;
 * the last word is matched as a beginning, as the search does while the learner types.
 * Undefined when nothing was respelled.
 */
export function respell(query: string, vocabulary: Vocabulary): string | undefined {
  const text = query.normalize('NFC').toLowerCase().trim();
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  let changed = false;
  let out = '';
  let at = 0;
  words.forEach((match, i) => {
    const word = match[0];
    const prefix = i === words.length - 1;
    const known = /^\p{N}+$/u.test(word) || vocabulary.has(word, prefix);
    const replacement = known ? undefined : vocabulary.closest(word, prefix);
    out += text.slice(at, match.index) + (replacement ?? word);
    at = match.index + word.length;
    changed ||= replacement !== undefined;
  });
  return changed ? out + text.slice(at) : undefined;
}
