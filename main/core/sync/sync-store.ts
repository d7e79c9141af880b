import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';

export interface SyncLink {
  learnerId: string;
  serverUrl: string;
  accountId: string;
  linkedAt: string;
}

export interface StoredDoc {
  state: Uint8Array;
  updates: { id: number; data: Uint8Array }[];
  ackedSv: Uint8Array | null;
  /** The row was made by this load. */
  created: boolean;
}

interface LinkRow {
  learner_id: string;
  server_url: string;
  account_id: string;
  linked_at: string;
}

const toLink = (row: LinkRow): SyncLink => ({
  learnerId: row.learner_id,
  serverUrl: row.server_url,
  accountId: row.account_id,
  linkedAt: row.linked_at,
});

/**
 * The sync tables of the app database: links to accounts, the device's clientID per learner, and
 * each document's compacted state, later updates and acknowledged state vector. The links are
 * also kept in memory: the append path asks on every batch whether its learner is linked.
 */
export class SyncStore {
  readonly #db: SqliteDatabase;
  readonly #links = new Map<string, SyncLink>();
  readonly #addUpdate;
  readonly #hasUpdate;

  constructor(db: SqliteDatabase) {
    this.#db = db;
    for (const row of db.prepare('SELECT * FROM sync_link').all() as LinkRow[]) {
      this.#links.set(row.learner_id, toLink(row));
    }
    this.#addUpdate = db.prepare('INSERT INTO sync_updates (learner_id, doc, data) VALUES (?, ?, ?)');
    this.#hasUpdate = db.prepare('SELECT 1 FROM sync_updates WHERE id = ?').pluck();
  }

  links(): SyncLink[] {
    return [...this.#links.values()];
  }

  linkOf(learnerId: string): SyncLink | undefined {
    return this.#links.get(learnerId);
  }

  /**
   * Links (or links again) a learner; their documents stay only if the account is the same.
   * `clientId` becomes the device's Yjs clientID for the learner unless they already have one.
   */
  link(link: SyncLink, refreshToken: string, clientId: number): void {
    const previous = this.#links.get(link.learnerId);
    this.#db.transaction(() => {
      if (previous && (previous.accountId !== link.accountId || previous.serverUrl !== link.serverUrl)) {
        this.#forgetDocs(link.learnerId);
      }
      this.#db
        .prepare(
          `INSERT INTO sync_link (learner_id, server_url, account_id, refresh_token, linked_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (learner_id) DO UPDATE SET server_url = excluded.server_url,
             account_id = excluded.account_id, refresh_token = excluded.refresh_token, linked_at = excluded.linked_at`,
        )
        .run(link.learnerId, link.serverUrl, link.accountId, refreshToken, link.linkedAt);
      this.#db
        .prepare('INSERT OR IGNORE INTO sync_client (learner_id, client_id) VALUES (?, ?)')
        .run(link.learnerId, clientId);
    })();
    this.#links.set(link.learnerId, link);
  }

  /**
   * Drops the link and the learner's copy of the documents. The clientID goes too: a fresh copy
   * starts its clock at zero, and reusing the old id would collide with what the server holds.
   */
  unlink(learnerId: string): void {
    this.#db.transaction(() => {
      this.#db.prepare('DELETE FROM sync_link WHERE learner_id = ?').run(learnerId);
      this.#forgetDocs(learnerId);
    })();
    this.#links.delete(learnerId);
  }

  /** After the learner's rows went with the learner (ON DELETE CASCADE). */
  forgetLearner(learnerId: string): void {
    this.#links.delete(learnerId);
  }

  #forgetDocs(learnerId: string): void {
    for (const table of ['sync_updates', 'sync_docs', 'sync_client']) {
      this.#db.prepare(`DELETE FROM ${table} WHERE learner_id = ?`).run(learnerId);
    }
  }

  refreshToken(learnerId: string): string | undefined {
    return this.#db.prepare('SELECT refresh_token FROM sync_link WHERE learner_id = ?').pluck().get(learnerId) as
      string | undefined;
  }

  setRefreshToken(learnerId: string, token: string): void {
    this.#db.prepare('UPDATE sync_link SET refresh_token = ? WHERE learner_id = ?').run(token, learnerId);
  }

  clientId(learnerId: string): number | undefined {
    return this.#db.prepare('SELECT client_id FROM sync_client WHERE learner_id = ?').pluck().get(learnerId) as
      number | undefined;
  }

  setClientId(learnerId: string, clientId: number): void {
    this.#db
      .prepare(
        `INSERT INTO sync_client (learner_id, client_id) VALUES (?, ?)
         ON CONFLICT (learner_id) DO UPDATE SET client_id = excluded.client_id`,
      )
      .run(learnerId, clientId);
  }

  docKeys(learnerId: string): string[] {
    return this.#db
      .prepare('SELECT doc FROM sync_docs WHERE learner_id = ? ORDER BY doc')
      .pluck()
      .all(learnerId) as string[];
  }

  hasDoc(learnerId: string, doc: string): boolean {
    return (
      this.#db.prepare('SELECT 1 FROM sync_docs WHERE learner_id = ? AND doc = ?').get(learnerId, doc) !== undefined
    );
  }

  /** The stored document, created empty (with `emptyState`) when it is new. */
  loadDoc(learnerId: string, doc: string, emptyState: Uint8Array): StoredDoc {
    const { changes } = this.#db
      .prepare('INSERT OR IGNORE INTO sync_docs (learner_id, doc, state) VALUES (?, ?, ?)')
      .run(learnerId, doc, emptyState);
    const row = this.#db
      .prepare('SELECT state, acked_sv FROM sync_docs WHERE learner_id = ? AND doc = ?')
      .get(learnerId, doc) as { state: Buffer; acked_sv: Buffer | null };
    const updates = this.#db
      .prepare('SELECT id, data FROM sync_updates WHERE learner_id = ? AND doc = ? ORDER BY id')
      .all(learnerId, doc) as { id: number; data: Buffer }[];
    return { state: row.state, ackedSv: row.acked_sv, updates, created: changes > 0 };
  }

  /** Appends one update; its id tells later whether the caller's transaction committed. */
  addUpdate(learnerId: string, doc: string, data: Uint8Array): number {
    return Number(this.#addUpdate.run(learnerId, doc, data).lastInsertRowid);
  }

  hasUpdate(id: number): boolean {
    return this.#hasUpdate.get(id) !== undefined;
  }

  /** Folds the updates up to `uptoId` into the state, in one transaction. */
  compact(learnerId: string, doc: string, state: Uint8Array, uptoId: number): void {
    this.#db.transaction(() => {
      this.#db.prepare('UPDATE sync_docs SET state = ? WHERE learner_id = ? AND doc = ?').run(state, learnerId, doc);
      this.#db
        .prepare('DELETE FROM sync_updates WHERE learner_id = ? AND doc = ? AND id <= ?')
        .run(learnerId, doc, uptoId);
    })();
  }

  setAckedSv(learnerId: string, doc: string, sv: Uint8Array): void {
    this.#db.prepare('UPDATE sync_docs SET acked_sv = ? WHERE learner_id = ? AND doc = ?').run(sv, learnerId, doc);
  }
}
