import type { SqliteDatabase } from '../../../../infra/sqlite/open-database.js';
import { PROJECTION_TABLES } from '../projections.js';

/** Test support: every projection row, sorted, so two databases compare with toEqual. */
export function projectionRows(db: SqliteDatabase) {
  return Object.fromEntries(
    PROJECTION_TABLES.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()]),
  );
}
