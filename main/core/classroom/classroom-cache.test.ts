import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCoreDatabase } from '../db/core-database.js';
import { ClassroomCache } from './classroom-cache.js';

const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

function cache() {
  const { db } = openCoreDatabase(mkdtempSync(join(tmpdir(), 'classroom-cache-')), () => new Date());
  opened.push(db);
  db.prepare(
    `INSERT INTO learners (id, display_name, avatar, goals, preferences, created_at)
     VALUES ('l1', 'Ada', 'owl', '[]', '{}', '2026-12-01T00:00:00Z')`,
  ).run();
  return { db, cache: new ClassroomCache(db) };
}

const at = { serverUrl: 'http://lab:4781', accountId: '7d3c5f0e-4a7b-4c1e-9a55-1f3f3a0b2c11' };
const mine = {
  classes: [{ id: '0f8fad5b-d9cb-469f-a165-70867728950e', name: 'Py', teacherName: 'T', joinedAt: 1 }],
  assignments: [],
};

describe('ClassroomCache', () => {
  it('gives back what it saved only for the same server and account', () => {
    const { cache: c } = cache();
    c.save('l1', at, { role: 'learner', mine, updatedAt: '2026-12-01T09:00:00.000Z' });
    expect(c.load('l1', at)).toEqual({ role: 'learner', mine, updatedAt: '2026-12-01T09:00:00.000Z' });
    expect(c.load('l1', { ...at, serverUrl: 'http://other:4781' })).toBeUndefined();
    expect(c.load('l1', { ...at, accountId: '00000000-0000-4000-8000-000000000000' })).toBeUndefined();
  });

  it('ignores a saved entry that no longer reads as the contract, and the table refuses what is not JSON', () => {
    const { db, cache: c } = cache();
    c.save('l1', at, { role: 'learner', mine, updatedAt: '2026-12-01T09:00:00.000Z' });
    db.prepare(`UPDATE classroom_cache SET mine = '{"classes": "nope"}'`).run();
    expect(c.load('l1', at)).toBeUndefined();
    expect(() => db.prepare(`UPDATE classroom_cache SET mine = 'not json'`).run()).toThrow(/CHECK constraint/);
    expect(() => db.prepare(`UPDATE classroom_cache SET role = 'root'`).run()).toThrow(/CHECK constraint/);
  });
});
