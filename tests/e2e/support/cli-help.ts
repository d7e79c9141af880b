/**
 * A command's `--help` as commander lays it out, read back into its parts: the usage line, the command's
 * description, and each section's entries (a term such as `--out <dir>` or `add [options] <file>`, and its
 * description). Commander wraps long texts to the terminal's width; a wrapped text is joined again with one
 * space, which is where it was broken.
 */
export interface HelpEntry {
  heading: string;
  term: string;
  description: string;
}

export interface ParsedHelp {
  usage: string;
  /** The command's own description ('' when it has none). */
  description: string;
  entries: HelpEntry[];
}

/** A section heading: one line, no indent, ending in a colon ("Optionen:", "Commands:"). */
const HEADING = /^\S[^:]*:$/;
/** An entry's first line: two spaces, the term (never two spaces inside it), then its description if it has one. */
const ENTRY = /^ {2}(\S(?:\S| (?! ))*)(?: {2,}(\S.*))?$/;

const joined = (lines: string[]) => lines.map((line) => line.trim()).join(' ');

export function parseHelp(help: string): ParsedHelp {
  const paragraphs = help.trimEnd().split(/\n\s*\n/);
  const [usage = '', ...rest] = paragraphs;
  const described = rest[0] !== undefined && !HEADING.test(rest[0].split('\n')[0]!);
  const entries: HelpEntry[] = [];
  for (const paragraph of described ? rest.slice(1) : rest) {
    const [heading = '', ...lines] = paragraph.split('\n');
    for (const line of lines) {
      const entry = ENTRY.exec(line);
      if (entry) entries.push({ heading, term: entry[1]!, description: entry[2] ?? '' });
      else if (entries.length > 0) {
        const last = entries[entries.length - 1]!;
        last.description = joined([last.description, line]).trim();
      }
    }
  }
  return { usage: joined(usage.split('\n')), description: described ? joined(rest[0]!.split('\n')) : '', entries };
}
