import { randomInt } from 'node:crypto';
import { BULK_ACCOUNTS_MAX } from '../../../common/contract/classes.js';
import { parseCsv } from './csv-records.js';

/** A lab's roster is a few hundred lines; a file far larger is the wrong file. */
export const MAX_ROSTER_BYTES = 512 * 1024;

export interface RosterRow {
  /** The line's record number in the file, header included, as a spreadsheet numbers rows. */
  row: number;
  name: string;
  email: string;
  password: string;
  /** The password was made here (the file had none): it is printed on the card. */
  generated: boolean;
}

export interface Roster {
  rows: RosterRow[];
  /** Records that could not become a row (too few columns), by record number. */
  skipped: { row: number; reason: string }[];
}

// No 0/O, 1/l/I: read from a card and typed on a lab keyboard.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** 15 random characters in three groups: about 74 bits, and easy to type from a printed card. */
export function generatePassword(): string {
  const groups = Array.from({ length: 3 }, () =>
    Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

/**
 * Reads a roster: `name, email, password` (password optional), with or without a header line. A header may
 * order the columns as it likes. Emails and passwords are checked by the server, which decides; here only the
 * shape of the file.
 */
export function readRoster(text: string, newPassword: () => string = generatePassword): Roster {
  if (Buffer.byteLength(text) > MAX_ROSTER_BYTES) {
    throw new Error(`the file is larger than ${MAX_ROSTER_BYTES / 1024} KiB; split it into several files`);
  }
  const records = parseCsv(text);
  const first = records[0]?.map((cell) => cell.trim().toLowerCase()) ?? [];
  const hasHeader = first.includes('email');
  const column = (name: string, fallback: number) => (hasHeader ? first.indexOf(name) : fallback);
  const [nameAt, emailAt, passwordAt] = [column('name', 0), column('email', 1), column('password', 2)];
  if (hasHeader && nameAt < 0) throw new Error('the header names no "name" column');
  const body = records.slice(hasHeader ? 1 : 0);
  if (body.length > BULK_ACCOUNTS_MAX) {
    throw new Error(`the file has ${body.length} learners; at most ${BULK_ACCOUNTS_MAX} at a time, split it`);
  }
  const roster: Roster = { rows: [], skipped: [] };
  body.forEach((record, i) => {
    const row = i + (hasHeader ? 2 : 1);
    const email = record[emailAt]?.trim() ?? '';
    if (email === '') {
      roster.skipped.push({ row, reason: 'no email (expected: name, email, optional password)' });
      return;
    }
    const given = passwordAt >= 0 ? (record[passwordAt] ?? '') : '';
    roster.rows.push({
      row,
      name: record[nameAt]?.trim() ?? '',
      email,
      password: given === '' ? newPassword() : given,
      generated: given === '',
    });
  });
  return roster;
}
