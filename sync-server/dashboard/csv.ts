import type { Cell, ReportTable } from './report-tables.js';

/**
 * A cell a spreadsheet would run as a formula starts with one of these (OWASP's list: = + - @, tab and
 * carriage return); such a text cell gets a leading apostrophe, which spreadsheets show as text. Numbers are
 * written as numbers: -3 is a value, not a formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180: CRLF line ends, a header row, fields quoted where they must be. */
export const toCsv = (table: ReportTable): string =>
  [table.headers, ...table.rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
