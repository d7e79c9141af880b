import type { FastifyBaseLogger } from 'fastify';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Fanout } from '../fanout/fanout.js';
import type { UpdateTimer } from '../ops/metrics.js';
import type { DocMetrics } from './doc-metrics.js';
import type { DocStore, StoredDoc } from './doc-store.js';
import { SYNC_CLOSE } from '../../common/contract/sync-wire.js';
import { ackMessage, awarenessMessage, syncStep1Message, syncStep2Message, updateMessage } from './protocol.js';
import { wouldChange } from './read-only.js';

/** The generation of an update applied while the room was stale: never the room's. */
const STALE = -1;

/** A Y.Doc holding `updates`, applied in one transaction. */
function docOf(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  return doc;
}

/** A socket as the room sees it. */
export interface Peer {
  /** Opened with `ack=1`: gets our acknowledgement (SYNC_MESSAGE.ack) after each of its updates. */
  readonly wantsAck: boolean;
  /** `taken` runs once the socket has taken the message (or is gone): answers wait for it before the next. */
  send(message: Uint8Array, taken?: () => void): void;
  close(code: number, reason: string): void;
  /** Stops reading the socket's frames (shutdown: what was received is committed and acked first). */
  stopReading(): void;
}

export interface RoomDeps {
  docs: DocStore;
  fanout: Fanout;
  /** Compact when more update rows than this wait beside the snapshot. */
  compactAfter: number;
  /** Bytes of updates held back for missing dependencies before the sender is refused (stateTooLarge). */
  maxPendingBytes: number;
  log: FastifyBaseLogger;
  metrics: DocMetrics;
  /** Storage failed even to reload: the room closed its sockets and must be dropped. */
  onBroken(room: DocRoom): void;
}

/**
 * One loaded document: its Y.Doc, its sockets and its presence. Everything that reads or changes the doc
 * runs in one serial queue. An update is applied, its effective change relayed at once to the document's
 * other sockets and instances, then committed, and only then acknowledged to its sender. A CRDT makes the
 * early relay safe: what a failed commit or a crash loses is still held, unacknowledged, by its sender and
 * by every receiver, and comes back by the sync handshake. A commit that fails reloads the doc from storage
 * and asks the remaining sockets for what they hold, so nobody has to reconnect to restore it.
 */
export class DocRoom {
  private doc: Y.Doc;
  /**
   * Presence, made when a socket first announces or asks for one: the app's own clients never do, and an
   * Awareness (its maps and its timer) cost 650 B of heap per loaded document. On the document's own Y.Doc, as
   * y-websocket's server has it (a second Y.Doc per room cost 2.6 KB): Awareness takes only the doc's client id
   * from it and goes with the doc's 'destroy', so a reload drops the old doc without destroying it, and who is
   * looking at the document stays.
   */
  private awareness: Awareness | undefined;
  private readonly peers = new Set<Peer>();
  private queue: Promise<void> = Promise.resolve();
  private changes: Uint8Array[] = [];
  /** Settles (true when stored) once the last change appended is committed or failed; never rejects. */
  private lastAppend: Promise<boolean> = Promise.resolve(true);
  /** The last ack to come: acks go in order, so once it is sent, all are. */
  private lastAcked: Promise<void> = Promise.resolve();
  /** Bumped by each failed commit: acks of updates applied before it are withheld. */
  private generation = 0;
  /** A commit failed and the reload has not run yet: updates applied meanwhile are never acknowledged. */
  private stale = false;
  private reloadQueued = false;
  private uncompacted: number;
  private compaction: Promise<void> | undefined;
  broken = false;

  constructor(
    readonly name: string,
    stored: StoredDoc,
    private readonly deps: RoomDeps,
  ) {
    this.doc = this.build(stored);
    this.uncompacted = stored.rows;
  }

  private presence(): Awareness {
    if (this.awareness) return this.awareness;
    const awareness = new Awareness(this.doc);
    awareness.setLocalState(null);
    awareness.on(
      'update',
      ({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>, origin: unknown) => {
        const message = awarenessMessage(encodeAwarenessUpdate(awareness, [...added, ...updated, ...removed]));
        this.broadcast(message, origin);
      },
    );
    this.awareness = awareness;
    return awareness;
  }

  private build(stored: StoredDoc): Y.Doc {
    const doc = docOf(stored.updates);
    // Attached after the load: only what changes the doc from now on is a change to commit. Made here, apart
    // from the load's closure: a closure made beside it would share its scope, and keep the loaded updates.
    doc.on('update', (update: Uint8Array) => this.changes.push(update));
    return doc;
  }

  private enqueue(task: () => void | Promise<void>): Promise<void> {
    const run = this.queue.then(() => (this.broken ? undefined : task()));
    this.queue = run.catch((error: unknown) => this.deps.log.error({ err: error, doc: this.name }, 'room task failed'));
    return this.queue;
  }

  /** Applies `update` and returns what it changed (nothing for a duplicate, a replay or missing dependencies). */
  private apply(update: Uint8Array, origin: unknown): Uint8Array | null {
    this.changes = [];
    try {
      Y.applyUpdate(this.doc, update, origin);
    } catch (error) {
      this.changes = [];
      throw error;
    }
    const changes = this.changes;
    this.changes = [];
    if (changes.length === 0) return null;
    return changes.length === 1 ? changes[0]! : Y.mergeUpdates(changes);
  }

  private broadcast(message: Uint8Array, except?: unknown) {
    for (const peer of this.peers) if (peer !== except) peer.send(message);
  }

  join(peer: Peer) {
    this.peers.add(peer);
    return this.enqueue(() => {
      peer.send(syncStep1Message(Y.encodeStateVector(this.doc)));
      if (!this.awareness) return;
      const clients = [...this.awareness.getStates().keys()];
      if (clients.length > 0) peer.send(awarenessMessage(encodeAwarenessUpdate(this.awareness, clients)));
    });
  }

  /** The peer is gone: no more broadcasts, and the presence it announced is withdrawn. */
  leave(peer: Peer, awarenessClients: Iterable<number>) {
    this.peers.delete(peer);
    const awareness = this.awareness;
    if (!awareness) return;
    const clients = [...awarenessClients].filter((client) => awareness.getStates().has(client));
    if (clients.length > 0) removeAwarenessStates(awareness, clients, null);
  }

  /** Whether the document holds content of this Yjs client. */
  hasClient(client: number): boolean {
    return this.doc.store.clients.has(client);
  }

  /** Resolves once the socket has taken the answer: the caller sends no other answer before that. */
  answerSyncStep1(peer: Peer, stateVector: Uint8Array): Promise<void> {
    return new Promise((taken) => {
      void this.enqueue(() => peer.send(syncStep2Message(Y.encodeStateAsUpdate(this.doc, stateVector)), taken)).then(
        // A broken room skips its tasks and closes its sockets: nothing is left to wait for.
        () => this.broken && taken(),
      );
    });
  }

  /**
   * Applies and relays `update` in the room's queue, then commits it outside the queue: the next update of the
   * document is relayed without waiting for this one's flush, and a burst shares one commit. Resolves once the
   * sender got its ack (or was closed), which the socket's backpressure waits for.
   */
  write(peer: Peer, update: Uint8Array): Promise<void> {
    const timer = this.deps.metrics.updateReceived();
    let acked: Promise<void> | undefined;
    return this.enqueue(() => {
      const outcome = this.receive(peer, update, timer);
      if (outcome instanceof Promise) return outcome;
      acked = outcome.acked;
    }).then(() => acked);
  }

  /** Returns the ack to come, or a reload the queue must wait for. */
  private receive(peer: Peer, update: Uint8Array, timer: UpdateTimer): Promise<void> | { acked: Promise<void> } {
    let change: Uint8Array | null;
    try {
      change = this.apply(update, peer);
    } catch {
      // Yjs may have integrated part of the update before failing: go back to what storage holds.
      peer.close(SYNC_CLOSE.badFrame, 'an update Yjs cannot apply');
      return this.reload();
    }
    const generation = this.stale ? STALE : this.generation;
    let committed = this.lastAppend;
    if (change) {
      // Relayed before the commit: receivers do not wait for a flush; the sender's ack still does.
      this.broadcast(updateMessage(change), peer);
      this.deps.fanout
        .publish(this.name, change)
        .catch((error: unknown) => this.deps.log.warn({ err: error, doc: this.name }, 'fan-out publish failed'));
      timer.relayed();
      const append = this.deps.docs.append(this.name, change).then(
        () => {
          timer.committed();
          this.countRow();
          return true;
        },
        (error: unknown) => {
          this.commitFailed(error, peer);
          return false;
        },
      );
      committed = append;
      this.lastAppend = append;
    }
    const acked = committed
      .then(async (stored) => {
        if (!stored && change) return;
        // The app's client takes an ack's state vector as what the server holds, in place of what it had: it
        // must cover every change relayed to this socket before it, and only committed ones. So it waits until
        // no append of the room is in flight (each sender has one message unacknowledged at a time, so that comes
        // within a flush or two) and says what the document then holds, all of it committed. Appends commit in
        // order and a failure is reported before any later commit (UpdateAppender).
        let last: Promise<boolean>;
        do {
          last = this.lastAppend;
          await last;
        } while (last !== this.lastAppend);
        if (generation !== this.generation) return peer.close(SYNC_CLOSE.internal, 'could not store an earlier update');
        if (peer.wantsAck) {
          peer.send(ackMessage(Y.encodeStateVector(this.doc)));
          timer.acked();
        }
      })
      .catch((error: unknown) => this.deps.log.error({ err: error, doc: this.name }, 'an ack failed'));
    this.lastAcked = acked;
    if (this.pendingBytes() > this.deps.maxPendingBytes) {
      // Updates whose dependencies never come would grow memory without end; only they are dropped (after
      // the ack of what this update did change).
      return acked.then(() => {
        peer.close(SYNC_CLOSE.stateTooLarge, 'too many updates wait for missing ones');
        return this.reload();
      });
    }
    return { acked };
  }

  /**
   * A commit failed: its sender is closed (it keeps the update and sends it again), updates applied before the
   * room reloads are not acknowledged (their state vectors cover the lost change), and the room reloads from
   * storage and asks its sockets for what they hold: the receivers already hold the lost change.
   */
  private commitFailed(error: unknown, peer: Peer) {
    this.deps.log.error({ err: error, doc: this.name }, 'could not store an update');
    peer.close(SYNC_CLOSE.internal, 'could not store the update');
    this.generation++;
    this.stale = true;
    if (this.reloadQueued) return;
    this.reloadQueued = true;
    void this.enqueue(async () => {
      this.reloadQueued = false;
      await this.reload();
      if (!this.broken) this.broadcast(syncStep1Message(Y.encodeStateVector(this.doc)));
    });
  }

  private pendingBytes() {
    const { pendingStructs, pendingDs } = this.doc.store;
    return (pendingStructs?.update.length ?? 0) + (pendingDs?.length ?? 0);
  }

  /** A read-only socket sent an update: fine when it changes nothing (a client's sync step 2), else refused. */
  refuseWrite(peer: Peer, update: Uint8Array) {
    return this.enqueue(() => {
      try {
        if (wouldChange(this.doc, update)) peer.close(SYNC_CLOSE.forbidden, 'read-only document');
      } catch {
        peer.close(SYNC_CLOSE.badFrame, 'an update Yjs cannot decode');
      }
    });
  }

  /** An update another instance committed: applied and broadcast here, never stored again. */
  applyRemote(update: Uint8Array) {
    return this.enqueue(async () => {
      let change: Uint8Array | null;
      try {
        change = this.apply(update, 'remote');
      } catch (error) {
        this.deps.log.error({ err: error, doc: this.name }, 'a fanned-out update did not apply');
        await this.reload();
        return;
      }
      if (change) this.broadcast(updateMessage(change));
    });
  }

  /** Messages from other instances may have been lost: take what storage holds and pass on what is new. */
  refresh() {
    return this.enqueue(async () => {
      const stored = await this.deps.docs.load(this.name);
      if (stored.updates.length === 0) return;
      const change = this.apply(Y.mergeUpdates(stored.updates), 'storage');
      if (change) this.broadcast(updateMessage(change));
    });
  }

  receiveAwareness(peer: Peer, update: Uint8Array) {
    applyAwarenessUpdate(this.presence(), update, peer);
  }

  sendAwareness(peer: Peer, taken?: () => void) {
    const awareness = this.presence();
    peer.send(awarenessMessage(encodeAwarenessUpdate(awareness, [...awareness.getStates().keys()])), taken);
  }

  private async reload() {
    try {
      // Storage first gets what was appended already: the reloaded doc then holds every relayed change.
      await this.lastAppend;
      const stored = await this.deps.docs.load(this.name);
      // Not destroyed: that would end the presence too (see `awareness`); unreferenced, it is collected.
      this.doc = this.build(stored);
      if (this.awareness) this.awareness.doc = this.doc;
      this.uncompacted = stored.rows;
      this.stale = false;
    } catch (error) {
      this.deps.log.error({ err: error, doc: this.name }, 'could not reload a document; closing its sockets');
      this.broken = true;
      for (const peer of [...this.peers]) peer.close(SYNC_CLOSE.internal, 'storage unavailable');
      this.deps.onBroken(this);
    }
  }

  private countRow() {
    this.uncompacted++;
    if (this.uncompacted <= this.deps.compactAfter || this.compaction) return;
    this.compaction = this.deps.docs
      .compact(this.name)
      .then((folded) => {
        this.uncompacted = Math.max(0, this.uncompacted - folded);
      })
      .catch((error: unknown) => this.deps.log.warn({ err: error, doc: this.name }, 'compaction failed; will retry'))
      .finally(() => {
        this.compaction = undefined;
      });
  }

  /** Resolves when no task is queued, every ack is sent and no compaction runs. */
  async drain() {
    let tail: Promise<void>;
    let acked: Promise<void>;
    do {
      tail = this.queue;
      acked = this.lastAcked;
      await tail;
      await acked;
    } while (tail !== this.queue || acked !== this.lastAcked);
    await this.compaction;
  }

  stopReadingPeers() {
    for (const peer of this.peers) peer.stopReading();
  }

  closePeers(code: number, reason: string) {
    for (const peer of [...this.peers]) peer.close(code, reason);
  }

  destroy() {
    this.awareness?.destroy();
    this.doc.destroy();
  }
}
