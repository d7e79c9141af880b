import * as Y from 'yjs';
import { syncRootOf } from '../../../common/contract/sync-wire.js';
import type { Logger } from '../../../infra/log/logger.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';
import type { SyncStore } from './sync-store.js';

/** Transaction origins: a change made on this device, or one that came from the server. */
const LOCAL = 'local';
const REMOTE = 'remote';

/** Updates kept beside a document's state before they are folded into it. */
const COMPACT_AFTER = 200;

const EMPTY_STATE = Y.encodeStateAsUpdate(new Y.Doc());

/** Each document's root type, defined before any state is applied, so Yjs never has to guess its kind. */
function rootOf(doc: Y.Doc, key: string): Y.Map<unknown> | Y.Array<unknown> {
  const root = syncRootOf(key);
  return root.type === 'array' ? doc.getArray(root.name) : doc.getMap(root.name);
}

interface Loaded {
  doc: Y.Doc;
  /** The server's state vector at its last acknowledgement, widened by what it sent since. */
  acked: Map<number, number>;
  /** Update rows beside the stored state, and the newest one's id. */
  updates: number;
  lastUpdateId: number;
  /** The sync_docs row was made by this load, in a transaction that may yet roll back. */
  created: boolean;
}

/** What one turn of the event loop did to a document, checked against the database once it ends. */
interface Touch {
  learnerId: string;
  key: string;
  svBefore: Uint8Array;
  /** Rows written this turn, and this device's own updates among them. */
  updateIds: number[];
  localUpdates: Uint8Array[];
  local: boolean;
  /** A transaction of the turn rolled back and the document was read again from the database. */
  reloaded: boolean;
}

/**
 * Called once a turn's changes to a document are known to be committed. `outgoing` holds this
 * device's own changes of the turn, to send; it is null when all of them came from the server.
 */
export type SettledListener = (learnerId: string, key: string, outgoing: Uint8Array | null) => void;

const docId = (learnerId: string, key: string) => `${learnerId}\n${key}`;

/**
 * The linked learners' Yjs documents, kept in memory and in the app database. Every change is made
 * inside the caller's SQLite transaction and its update row is written there, so a document never
 * holds what the event log or preferences do not (and the reverse). Commit or rollback is only
 * known after the transaction, so each turn's touched documents are checked then: a document whose
 * updates did not all commit is dropped and read again from the database, and only committed
 * changes are handed to the connections.
 */
export class LocalDocs {
  readonly #db: SqliteDatabase;
  readonly #store: SyncStore;
  readonly #logger: Logger;
  readonly #loaded = new Map<string, Loaded>();
  readonly #clientIds = new Map<string, number>();
  readonly #touched = new Map<string, Touch>();
  readonly #listeners = new Set<SettledListener>();
  #settleQueued = false;
  #closed = false;

  constructor(db: SqliteDatabase, store: SyncStore, logger: Logger) {
    this.#db = db;
    this.#store = store;
    this.#logger = logger;
  }

  onSettled(listener: SettledListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The document, to read it; change it only through `change` or `applyRemote`. */
  doc(learnerId: string, key: string): Y.Doc {
    return this.#get(learnerId, key).doc;
  }

  /** Edits a document in the caller's SQLite transaction; its update row is written there too. */
  change(learnerId: string, key: string, edit: (doc: Y.Doc) => void): void {
    const { doc } = this.#touch(learnerId, key, true);
    Y.transact(doc, () => edit(doc), LOCAL);
  }

  /**
   * Applies an update from the server and runs `received` with the keys it changed in the
   * document's root map (to mirror them into the event log or the preferences), in one transaction.
   */
  applyRemote(
    learnerId: string,
    key: string,
    update: Uint8Array,
    received: (doc: Y.Doc, changedKeys: ReadonlySet<string>) => void,
  ): void {
    try {
      this.#db.transaction(() => {
        const loaded = this.#touch(learnerId, key, false);
        const { doc } = loaded;
        const root = rootOf(doc, key);
        const changed = new Set<string>();
        Y.transact(
          doc,
          (transaction) => {
            Y.applyUpdate(doc, update, REMOTE);
            for (const k of (transaction.changed as Map<unknown, Set<string | null>>).get(root) ?? [])
              if (k !== null) changed.add(k);
          },
          REMOTE,
          false,
        );
        // The server commits an update before it relays it: whatever it sent, it holds, with all
        // that came before of each writer. (encodeStateVectorFromUpdate would skip a writer whose
        // part does not start at clock 0, as in any relayed update.)
        for (const [client, clock] of Y.parseUpdateMeta(update).to) {
          if (clock > (loaded.acked.get(client) ?? 0)) loaded.acked.set(client, clock);
        }
        this.#store.setAckedSv(learnerId, key, Y.encodeStateVector(loaded.acked));
        this.#keepClientId(learnerId, doc);
        received(doc, changed);
      })();
    } catch (error) {
      this.#drop(docId(learnerId, key));
      throw error;
    }
  }

  /** The server acknowledged a commit: its state vector after it. */
  acknowledge(learnerId: string, key: string, stateVector: Uint8Array): void {
    const loaded = this.#get(learnerId, key);
    loaded.acked = Y.decodeStateVector(stateVector);
    this.#store.setAckedSv(learnerId, key, stateVector);
  }

  /**
   * Changes the server has not acknowledged, counted in Yjs clock ticks beyond the acknowledged
   * state vector: one per progress event or preference key set, one per character typed in a note.
   * Cheap (a few numbers per device that wrote), unlike diffing the document against the vector.
   */
  pending(learnerId: string, key: string): number {
    const { doc, acked } = this.#get(learnerId, key);
    let count = 0;
    for (const client of doc.store.clients.keys()) {
      count += Math.max(0, Y.getState(doc.store, client) - (acked.get(client) ?? 0));
    }
    return count;
  }

  /** Forgets a learner's documents in memory (after unlinking or removal). */
  forget(learnerId: string): void {
    for (const id of [...this.#loaded.keys(), ...this.#touched.keys()]) {
      if (id.startsWith(`${learnerId}\n`)) {
        this.#drop(id);
        this.#touched.delete(id);
      }
    }
    this.#clientIds.delete(learnerId);
  }

  close(): void {
    this.#closed = true;
    for (const id of [...this.#loaded.keys()]) this.#drop(id);
  }

  #get(learnerId: string, key: string): Loaded {
    const id = docId(learnerId, key);
    let loaded = this.#loaded.get(id);
    if (!loaded) {
      loaded = this.#load(learnerId, key);
      this.#loaded.set(id, loaded);
    }
    return loaded;
  }

  #load(learnerId: string, key: string): Loaded {
    const clientId = this.#clientIds.get(learnerId) ?? this.#store.clientId(learnerId);
    if (clientId === undefined) throw new Error(`learner ${learnerId} is not linked: no sync documents`);
    this.#clientIds.set(learnerId, clientId);
    const stored = this.#store.loadDoc(learnerId, key, EMPTY_STATE);
    const doc = new Y.Doc();
    rootOf(doc, key);
    Y.applyUpdate(doc, Y.mergeUpdates([stored.state, ...stored.updates.map((u) => u.data)]));
    // Set after the stored state went in: Yjs takes its own id arriving from outside for another
    // device using it, and would pick a new one.
    doc.clientID = clientId;
    const loaded: Loaded = {
      doc,
      acked: stored.ackedSv ? Y.decodeStateVector(stored.ackedSv) : new Map(),
      updates: stored.updates.length,
      lastUpdateId: stored.updates.at(-1)?.id ?? 0,
      created: stored.created,
    };
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      const rowId = this.#store.addUpdate(learnerId, key, update);
      loaded.updates += 1;
      loaded.lastUpdateId = rowId;
      const touch = this.#touched.get(docId(learnerId, key));
      touch?.updateIds.push(rowId);
      if (origin === LOCAL) touch?.localUpdates.push(update);
    });
    return loaded;
  }

  /** Should Yjs have changed the clientID (someone else's updates carried it), the new one is kept. */
  #keepClientId(learnerId: string, doc: Y.Doc): void {
    if (doc.clientID === this.#clientIds.get(learnerId)) return;
    this.#logger.warn(
      { learnerId, clientId: doc.clientID },
      'sync: the clientID was in use elsewhere; using a new one',
    );
    this.#store.setClientId(learnerId, doc.clientID);
    this.#clientIds.set(learnerId, doc.clientID);
    for (const [id, loaded] of this.#loaded) if (id.startsWith(`${learnerId}\n`)) loaded.doc.clientID = doc.clientID;
  }

  #touch(learnerId: string, key: string, local: boolean): Loaded {
    const id = docId(learnerId, key);
    let touch = this.#touched.get(id);
    // An earlier transaction of this turn rolled back: what it left in memory goes.
    if (touch && !this.#committed(touch)) this.#reload(touch);
    const loaded = this.#get(learnerId, key);
    if (!touch) {
      const svBefore = Y.encodeStateVector(loaded.doc);
      touch = { learnerId, key, svBefore, updateIds: [], localUpdates: [], local, reloaded: false };
      this.#touched.set(id, touch);
      if (!this.#settleQueued) {
        this.#settleQueued = true;
        queueMicrotask(() => this.#settle());
      }
    }
    touch.local ||= local;
    return loaded;
  }

  #committed(touch: Touch): boolean {
    const loaded = this.#loaded.get(docId(touch.learnerId, touch.key));
    if (!loaded) return true;
    if (loaded.created && !this.#store.hasDoc(touch.learnerId, touch.key)) return false;
    return touch.updateIds.every((id) => this.#store.hasUpdate(id));
  }

  #reload(touch: Touch): void {
    this.#drop(docId(touch.learnerId, touch.key));
    touch.updateIds = [];
    touch.localUpdates = [];
    touch.reloaded = true;
  }

  #drop(id: string): void {
    this.#loaded.get(id)?.doc.destroy();
    this.#loaded.delete(id);
  }

  /** Runs when the turn's transactions are over (a microtask cannot run inside a synchronous one). */
  #settle(): void {
    if (this.#closed) return;
    if (this.#db.inTransaction) {
      setImmediate(() => this.#settle());
      return;
    }
    this.#settleQueued = false;
    const touched = [...this.#touched.values()];
    this.#touched.clear();
    for (const touch of touched) {
      const id = docId(touch.learnerId, touch.key);
      if (!this.#committed(touch)) this.#reload(touch);
      let outgoing: Uint8Array | null = null;
      if (this.#loaded.has(id) || this.#store.hasDoc(touch.learnerId, touch.key)) {
        const loaded = this.#get(touch.learnerId, touch.key);
        loaded.created = false;
        // The turn's own updates, unless a rollback mixed in: then what the stored doc gained since.
        if (touch.reloaded && touch.local) outgoing = Y.encodeStateAsUpdate(loaded.doc, touch.svBefore);
        else if (touch.localUpdates.length > 0) outgoing = Y.mergeUpdates(touch.localUpdates);
        if (loaded.updates > COMPACT_AFTER) {
          this.#store.compact(touch.learnerId, touch.key, Y.encodeStateAsUpdate(loaded.doc), loaded.lastUpdateId);
          loaded.updates = 0;
        }
      }
      for (const listener of this.#listeners) {
        try {
          listener(touch.learnerId, touch.key, outgoing);
        } catch (error) {
          this.#logger.error({ err: error, learnerId: touch.learnerId, doc: touch.key }, 'sync: a listener failed');
        }
      }
    }
  }
}
