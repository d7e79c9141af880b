import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, SchemaTooNewError } from './migrator.js';
import type { Migration } from './migrator.js';
import { DatabaseOpenError, openDatabase } from './open-database.js';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'migrator-')), 'test.db');

const ladder: Migration[] = [
  { version: 10, name: 'create-a', sql: 'CREATE TABLE a (id INTEGER PRIMARY KEY)' },
  { version: 20, name: 'create-b', sql: 'CREATE TABLE b (id INTEGER PRIMARY KEY)' },
];

describe('migrate', () => {
  it('applies every migration in order and records the schema version', () => {
    const db = openDatabase(tempFile());
    const report = migrate(db, ladder);
    expect(report).toEqual({ from: 0, to: 20, applied: ['10-create-a', '20-create-b'] });
    expect(db.pragma('user_version', { simple: true })).toBe(20);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('applies only what is new on a later start', () => {
    const file = tempFile();
    migrate(openDatabase(file), ladder.slice(0, 1));
    const report = migrate(openDatabase(file), ladder);
    expect(report.applied).toEqual(['20-create-b']);
    expect(migrate(openDatabase(file), ladder).applied).toEqual([]);
  });

  it('rolls back a failing migration whole and leaves the version where it was', () => {
    const db = openDatabase(tempFile());
    migrate(db, ladder.slice(0, 1));
    const broken: Migration = {
      version: 20,
      name: 'broken',
      sql: 'CREATE TABLE c (id INTEGER); SELECT * FROM missing',
    };
    expect(() => migrate(db, [ladder[0]!, broken])).toThrow(/missing/);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'c'").get()).toBeUndefined();
    expect(db.pragma('user_version', { simple: true })).toBe(10);
  });

  it('refuses a database written by a newer program, with a message that says what to do', () => {
    const file = tempFile();
    migrate(openDatabase(file), ladder);
    const db = openDatabase(file);
    expect(() => migrate(db, ladder.slice(0, 1))).toThrow(SchemaTooNewError);
    expect(() => migrate(db, ladder.slice(0, 1))).toThrow(/schema version 20.*knows up to 10.*not changed/s);
  });

  it('rejects a ladder whose versions are out of order', () => {
    expect(() => migrate(openDatabase(tempFile()), [ladder[1]!, ladder[0]!])).toThrow(/out of order/);
  });
});

describe('openDatabase', () => {
  it('names the file and keeps it when it is not a database', () => {
    const file = tempFile();
    writeFileSync(file, 'this is not sqlite, just text that happens to be long enough '.repeat(20));
    expect(() => openDatabase(file)).toThrow(DatabaseOpenError);
    expect(() => openDatabase(file)).toThrow(new RegExp(`${file}.*left as it is`));
  });
});
