import { myClassesSchema } from '../../../common/contract/classes.js';
import type { MyClasses } from '../../../common/contract/classes.js';
import type { SyncAccount } from '../../../common/contract/sync-wire.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';

export interface CachedClassroom {
  role: SyncAccount['role'];
  mine: MyClasses;
  updatedAt: string;
}

/** The last classes and assignments the class server sent a learner, for offline (migration 0150). */
export class ClassroomCache {
  constructor(private readonly db: SqliteDatabase) {}

  save(learnerId: string, at: { serverUrl: string; accountId: string }, entry: CachedClassroom): void {
    this.db
      .prepare(
        `INSERT INTO classroom_cache (learner_id, server_url, account_id, role, mine, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (learner_id) DO UPDATE SET server_url = excluded.server_url, account_id = excluded.account_id,
           role = excluded.role, mine = excluded.mine, updated_at = excluded.updated_at`,
      )
      .run(learnerId, at.serverUrl, at.accountId, entry.role, JSON.stringify(entry.mine), entry.updatedAt);
  }

  /** The saved entry of this server and account, if any; one that no longer reads as the contract is ignored. */
  load(learnerId: string, at: { serverUrl: string; accountId: string }): CachedClassroom | undefined {
    const row = this.db
      .prepare<[string, string, string], { role: SyncAccount['role']; mine: string; updated_at: string }>(
        'SELECT role, mine, updated_at FROM classroom_cache WHERE learner_id = ? AND server_url = ? AND account_id = ?',
      )
      .get(learnerId, at.serverUrl, at.accountId);
    if (!row) return undefined;
    const mine = myClassesSchema.safeParse(JSON.parse(row.mine));
    return mine.success ? { role: row.role, mine: mine.data, updatedAt: row.updated_at } : undefined;
  }
}
