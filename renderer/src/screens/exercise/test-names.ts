/**
 * A test's name as a learner reads it: `test_adds_two_numbers` -> "adds two numbers",
 * `TestCounter.test_counts_down` -> "counts down", `testEmptyList` -> "empty list".
 */
export function readableTestName(name: string): string {
  const last = name.split(/[.:]+/).filter(Boolean).pop() ?? name;
  const words = last
    .replace(/^test_?/i, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\s]+/g, ' ')
    .trim();
  if (words === '') return last;
  return /[A-Z]{2}/.test(words) ? words : words.toLowerCase();
}

/**
 * The source of the test function `name` (its last dotted part) in a tests.py: its `def` line, any
 * decorators right above it, and every line indented deeper than it. Null when the file has none.
 */
export function testSource(testsPy: string, name: string): string | null {
  const fn = name.split(/[.:]+/).filter(Boolean).pop();
  if (!fn) return null;
  const lines = testsPy.split(/\r?\n/);
  const escaped = fn.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const start = lines.findIndex((line) => new RegExp(`^\\s*(async\\s+)?def\\s+${escaped}\\s*\\(`).test(line));
  if (start < 0) return null;
  const indent = /^\s*/.exec(lines[start]!)![0].length;
  let first = start;
  while (first > 0 && /^\s*@/.test(lines[first - 1]!)) first--;
  let end = start + 1;
  while (end < lines.length && (lines[end]!.trim() === '' || /^\s*/.exec(lines[end]!)![0].length > indent)) end++;
  while (end > start + 1 && lines[end - 1]!.trim() === '') end--;
  return lines
    .slice(first, end)
    .map((line) => line.slice(Math.min(indent, /^\s*/.exec(line)![0].length)))
    .join('\n');
}
