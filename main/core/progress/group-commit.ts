import type { AppendResult } from '../../../common/contract/progress.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';
import type { ProgressLog } from './progress-log.js';

interface Waiting {
  events: readonly unknown[];
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for the record path: every append pays a commit, and the commit's fsync is most of its
 * cost (synchronous = FULL). better-sqlite3 commits synchronously, so while one commit waits on the
 * disk the event loop is held and the appends that arrive meanwhile queue up as I/O callbacks; they
 * are all taken in the next turn's check phase (setImmediate runs after the poll phase has handed
 * them over) and committed in one transaction, one fsync for all. Each append keeps its own
 * all-or-nothing: it runs in a savepoint, so a batch the contract refuses is rolled back alone and
 * its caller alone gets the error. Every caller's promise settles only after the commit that holds
 * its events: nothing is acknowledged before it is on disk, and a crash before the commit loses only
 * appends nobody was told were kept.
 */
export class GroupCommit {
  readonly #db: SqliteDatabase;
  /** One append: a transaction of its own, or inside the group's a savepoint, whose throw rolls back that append only. */
  readonly #one;
  #waiting: Waiting[] = [];

  constructor(db: SqliteDatabase, log: Pick<ProgressLog, 'appendInTransaction'>) {
    this.#db = db;
    this.#one = db.transaction((events: readonly unknown[]) => log.appendInTransaction(events));
  }

  append(events: readonly unknown[]): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      if (this.#waiting.push({ events, resolve, reject }) === 1) setImmediate(() => this.#commit());
    });
  }

  /** Commits what is waiting now, not in the next turn: before the database closes. */
  flush(): void {
    this.#commit();
  }

  #commit(): void {
    const group = this.#waiting;
    if (group.length === 0) return;
    this.#waiting = [];
    const one = this.#one;
    // Alone in its group, an append is its own transaction (no savepoint to pay for).
    if (group.length === 1) {
      const [waiting] = group as [Waiting];
      try {
        waiting.resolve(one(waiting.events));
      } catch (error) {
        waiting.reject(error);
      }
      return;
    }
    let outcomes: ({ ok: true; result: AppendResult } | { ok: false; error: unknown })[];
    try {
      outcomes = this.#db.transaction(() =>
        group.map(({ events }) => {
          try {
            return { ok: true as const, result: one(events) };
          } catch (error) {
            return { ok: false as const, error };
          }
        }),
      )();
    } catch (error) {
      // The commit itself failed (a full disk, an I/O error): none of the group was stored.
      for (const waiting of group) waiting.reject(error);
      return;
    }
    group.forEach((waiting, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) waiting.resolve(outcome.result);
      else waiting.reject(outcome.error);
    });
  }
}
