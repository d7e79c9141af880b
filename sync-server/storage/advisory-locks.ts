import type { SqlStore } from './sql-store.js';

/**
 * The PostgreSQL advisory lock keys of the server, in one list so no two jobs share one by chance (any constants
 * every instance agrees on; SQLite needs none: it serves one process, whose transactions are serial).
 */
export const ADVISORY_LOCKS = {
  /** Two instances starting together must not both apply a schema step. */
  migrations: 4781,
  /** Two admins demoting each other at once on two instances must not leave the server without one. */
  roles: 4782,
  /** One instance at a time sweeps the inboxes; the others' sweeps would only repeat its deletions. */
  inboxSweep: 4783,
} as const;

/**
 * Runs `work` unless another instance runs the work of this key now, in which case it answers `undefined` at once
 * rather than wait (a periodic job: the instance that holds the lock does the round). The lock is a
 * transaction's, held by one pooled connection while `work` uses others, and let go however `work` ends, even
 * when the instance dies (its connection goes).
 */
export async function unlessRunningElsewhere<T>(
  store: SqlStore,
  key: number,
  work: () => Promise<T>,
): Promise<T | undefined> {
  if (store.dialect === 'sqlite') return work();
  return store.transaction(async (tx) => {
    const lock = await tx.get<{ held: boolean }>(`SELECT pg_try_advisory_xact_lock(${key}) AS held`);
    return lock?.held ? work() : undefined;
  });
}
