import type { ProgressCatalog } from '../../common/progress-rules/catalog.js';
import {
  emptyProjection,
  doneItemsOf,
  projectionFromJson,
  projectionToJson,
} from '../../common/progress-rules/learner-projection.js';
import type { LearnerProjection } from '../../common/progress-rules/learner-projection.js';
import { moduleCompletion } from '../../common/progress-rules/module-completion.js';
import type { SqlRunner, SqlStore } from '../storage/sql-store.js';

export interface StoredProjection {
  projection: LearnerProjection;
  /** 0: not stored yet. */
  version: number;
}

/** The modules a learner has started, as the rows the whole school's summary adds up. */
const moduleRows = (p: LearnerProjection, catalog: ProgressCatalog) => {
  const done = doneItemsOf(p);
  return catalog.modules
    .map((m) => ({ moduleId: m.moduleId, ...moduleCompletion(m, done) }))
    .filter((m) => m.completed > 0);
};

const placeholders = (count: number, width: number) =>
  Array.from({ length: count }, () => `(${Array.from({ length: width }, () => '?').join(', ')})`).join(', ');

/**
 * The dashboard's rows: one JSON state per learner and, derived from it, the modules they started. A write
 * names the version it read (optimistic): another instance's write in between makes it fail, and the caller
 * reads again and reapplies (events already applied are skipped by the projection).
 */
export class ProjectionStore {
  constructor(
    private readonly store: SqlStore,
    private readonly now: () => number = Date.now,
  ) {}

  async load(learnerId: string): Promise<StoredProjection> {
    const row = await this.store.get<{ state: string; seen: string; version: number }>(
      'SELECT state, seen, version FROM dashboard_learners WHERE learner_id = ?',
      [learnerId],
    );
    if (!row) return { projection: emptyProjection(), version: 0 };
    return { projection: fromRow(row.state, row.seen), version: Number(row.version) };
  }

  /**
   * Projections of many learners at once (a class), to read only: without the ids of the events applied, which
   * nothing in a report needs. Learners without one get an empty projection.
   */
  async loadMany(learnerIds: readonly string[]): Promise<Map<string, LearnerProjection>> {
    const found = new Map(learnerIds.map((id) => [id, emptyProjection()]));
    for (let i = 0; i < learnerIds.length; i += 500) {
      const ids = learnerIds.slice(i, i + 500);
      const rows = await this.store.all<{ learner_id: string; state: string }>(
        `SELECT learner_id, state FROM dashboard_learners WHERE learner_id IN (${ids.map(() => '?').join(', ')})`,
        ids,
      );
      for (const row of rows) found.set(row.learner_id, fromRow(row.state, '[]'));
    }
    return found;
  }

  /**
   * Stores `projection` if the stored version is still `version`; returns the new version, or null when
   * another write came first. `force` overwrites whatever is stored (a rebuild from the documents).
   */
  async save(
    learnerId: string,
    projection: LearnerProjection,
    version: number,
    catalog: ProgressCatalog,
    force = false,
  ): Promise<number | null> {
    const { seen, ...rest } = projectionToJson(projection);
    const [state, seenText] = [JSON.stringify(rest), JSON.stringify(seen)];
    const at = this.now();
    return this.store.transaction(async (tx) => {
      let next: number | null;
      if (force) {
        const row = await tx.get<{ version: number }>(
          `INSERT INTO dashboard_learners (learner_id, state, seen, version, updated_at) VALUES (?, ?, ?, 1, ?)
           ON CONFLICT (learner_id) DO UPDATE SET state = excluded.state, seen = excluded.seen,
             version = dashboard_learners.version + 1, updated_at = excluded.updated_at
           RETURNING version`,
          [learnerId, state, seenText, at],
        );
        next = Number(row!.version);
      } else if (version === 0) {
        const { changes } = await tx.run(
          `INSERT INTO dashboard_learners (learner_id, state, seen, version, updated_at) VALUES (?, ?, ?, 1, ?)
           ON CONFLICT (learner_id) DO NOTHING`,
          [learnerId, state, seenText, at],
        );
        next = changes === 1 ? 1 : null;
      } else {
        const { changes } = await tx.run(
          `UPDATE dashboard_learners SET state = ?, seen = ?, version = ?, updated_at = ?
           WHERE learner_id = ? AND version = ?`,
          [state, seenText, version + 1, at, learnerId, version],
        );
        next = changes === 1 ? version + 1 : null;
      }
      if (next !== null) await updateModules(tx, learnerId, moduleRows(projection, catalog));
      return next;
    });
  }

  /** Module rows again from every stored state: after the catalog changed (other packs, new versions). */
  async recomputeModules(catalog: ProgressCatalog): Promise<number> {
    const rows = await this.store.all<{ learner_id: string; state: string }>(
      'SELECT learner_id, state FROM dashboard_learners',
    );
    await this.store.transaction(async (tx) => {
      await tx.run('DELETE FROM dashboard_module_progress');
      for (const row of rows) await insertModules(tx, row.learner_id, moduleRows(fromRow(row.state, '[]'), catalog));
    });
    await this.recomputeTotals();
    return rows.length;
  }

  /** The sums per module from the rows (at start: an account deleted since took its rows, not its share of the sums). */
  async recomputeTotals(): Promise<void> {
    await this.store.transaction(async (tx) => {
      await tx.run('DELETE FROM dashboard_module_totals');
      await tx.run(
        `INSERT INTO dashboard_module_totals (module_id, started, finished, completed)
         SELECT module_id, count(*), sum(CASE WHEN completed = total THEN 1 ELSE 0 END), sum(completed)
         FROM dashboard_module_progress GROUP BY module_id`,
      );
    });
  }

  /** The whole school per module: learners who started it, finished it, and the items they completed together. */
  async moduleTotals(): Promise<Map<string, { started: number; finished: number; completed: number }>> {
    const rows = await this.store.all<{ module_id: string; started: number; finished: number; completed: number }>(
      'SELECT module_id, started, finished, completed FROM dashboard_module_totals',
    );
    return new Map(
      rows.map((r) => [
        r.module_id,
        { started: Number(r.started), finished: Number(r.finished), completed: Number(r.completed) },
      ]),
    );
  }

  async meta(key: string): Promise<string | undefined> {
    return (await this.store.get<{ value: string }>('SELECT value FROM dashboard_meta WHERE key = ?', [key]))?.value;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.store.run(
      'INSERT INTO dashboard_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [key, value],
    );
  }
}

const fromRow = (state: string, seen: string) => projectionFromJson({ ...JSON.parse(state), seen: JSON.parse(seen) });

type ModuleRow = { moduleId: string; completed: number; total: number };

async function insertModules(tx: SqlRunner, learnerId: string, rows: readonly ModuleRow[]) {
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    await tx.run(
      `INSERT INTO dashboard_module_progress (learner_id, module_id, completed, total) VALUES ${placeholders(chunk.length, 4)}`,
      chunk.flatMap((r) => [learnerId, r.moduleId, r.completed, r.total]),
    );
  }
}

const shareOf = (row: ModuleRow | undefined) => ({
  started: row ? 1 : 0,
  finished: row && row.completed === row.total ? 1 : 0,
  completed: row?.completed ?? 0,
});

/**
 * A learner's module rows, and the school's sums by the difference from the rows they replace: an update
 * touches the modules it changed, never a scan of every learner. Sums, so two instances' updates add up.
 */
async function updateModules(tx: SqlRunner, learnerId: string, rows: readonly ModuleRow[]) {
  const before = await tx.all<{ module_id: string; completed: number; total: number }>(
    'SELECT module_id, completed, total FROM dashboard_module_progress WHERE learner_id = ?',
    [learnerId],
  );
  const old = new Map<string, ModuleRow>(
    before.map((r) => [r.module_id, { moduleId: r.module_id, completed: Number(r.completed), total: Number(r.total) }]),
  );
  const fresh = new Map(rows.map((r) => [r.moduleId, r]));
  const changed = [...new Set([...old.keys(), ...fresh.keys()])].filter(
    (id) => old.get(id)?.completed !== fresh.get(id)?.completed || old.get(id)?.total !== fresh.get(id)?.total,
  );
  if (changed.length === 0) return;
  await tx.run('DELETE FROM dashboard_module_progress WHERE learner_id = ?', [learnerId]);
  await insertModules(tx, learnerId, rows);
  for (const id of changed) {
    const [was, is] = [shareOf(old.get(id)), shareOf(fresh.get(id))];
    await tx.run(
      `INSERT INTO dashboard_module_totals (module_id, started, finished, completed) VALUES (?, ?, ?, ?)
       ON CONFLICT (module_id) DO UPDATE SET started = dashboard_module_totals.started + excluded.started,
         finished = dashboard_module_totals.finished + excluded.finished,
         completed = dashboard_module_totals.completed + excluded.completed`,
      [id, is.started - was.started, is.finished - was.finished, is.completed - was.completed],
    );
  }
}
