import type { FastifyBaseLogger } from 'fastify';
import type { Fanout } from '../fanout/fanout.js';
import type { DocMetrics } from './doc-metrics.js';
import { DocRoom } from './doc-room.js';
import type { RoomDeps } from './doc-room.js';
import type { DocStore } from './doc-store.js';

export interface DocManagerOptions {
  /** Unload a document this long after its last socket left. */
  idleMs: number;
  /** Compact a document when more update rows than this wait beside its snapshot. */
  compactAfter: number;
  /** Bytes of updates a document holds back for missing dependencies before their sender is refused. */
  maxPendingBytes: number;
}

interface Entry {
  room: Promise<DocRoom>;
  loaded?: DocRoom;
  /** Sockets holding the room, counted from before the load so an early leaver cannot unload it. */
  holders: number;
  idle?: NodeJS.Timeout;
  unsubscribe: () => void;
}

/**
 * The documents loaded in this instance. A document is loaded once however many sockets ask at the same
 * time (they share one promise), and no socket is served before the load finished. Updates from other
 * instances are subscribed to before storage is read, so none is missed between the two.
 */
export class DocManager {
  private readonly entries = new Map<string, Entry>();
  private readonly stopGaps: () => void;
  /** What every room is given: one object for all of them. */
  private readonly roomDeps: RoomDeps;
  /** Set by `close`: a socket arriving during the shutdown is told to reconnect elsewhere. */
  closing = false;

  constructor(
    private readonly docs: DocStore,
    private readonly fanout: Fanout,
    private readonly log: FastifyBaseLogger,
    private readonly metrics: DocMetrics,
    private readonly options: DocManagerOptions,
  ) {
    this.stopGaps = fanout.onGap(() => {
      for (const entry of this.entries.values()) void entry.loaded?.refresh();
    });
    this.roomDeps = {
      docs,
      fanout,
      compactAfter: options.compactAfter,
      maxPendingBytes: options.maxPendingBytes,
      log,
      metrics,
      onBroken: (room) => this.broken(room),
    };
  }

  /** Names of the documents in memory. */
  loadedNames(): string[] {
    return [...this.entries.keys()];
  }

  /** The room of `name`, loaded if need be; pair every room it returns with `release`. */
  async acquire(name: string): Promise<DocRoom> {
    if (this.closing) throw new Error('the server is shutting down');
    let entry = this.entries.get(name);
    if (!entry) {
      entry = this.load(name);
      this.entries.set(name, entry);
    }
    entry.holders++;
    clearTimeout(entry.idle);
    try {
      return await entry.room;
    } catch (error) {
      entry.holders--;
      throw error;
    }
  }

  /**
   * Stores an update the server itself made (an inbox item), then passes it to the sockets of this instance
   * and of the others. Stored first, so a failure throws before anyone saw it and the caller can try again; a
   * room loading meanwhile either reads it from storage or is handed it here (applying twice changes nothing).
   */
  async writeFromServer(name: string, update: Uint8Array): Promise<void> {
    await this.docs.append(name, update);
    this.fanout
      .publish(name, update)
      .catch((error: unknown) => this.log.warn({ err: error, doc: name }, 'fan-out publish failed'));
    const entry = this.entries.get(name);
    if (entry) await (await entry.room.catch(() => undefined))?.applyRemote(update);
  }

  release(room: DocRoom) {
    const entry = this.entries.get(room.name);
    // A room dropped after a storage failure is no longer the entry's.
    if (entry?.loaded !== room || --entry.holders > 0) return;
    entry.idle = setTimeout(() => void this.unload(room.name, entry), this.options.idleMs);
  }

  private load(name: string): Entry {
    const early: Uint8Array[] = [];
    const entry = { holders: 0 } as Entry;
    entry.unsubscribe = this.fanout.subscribe(name, (update) => {
      if (entry.loaded) void entry.loaded.applyRemote(update);
      else early.push(update);
    });
    entry.room = (async () => {
      await this.fanout.subscribed();
      const stored = await this.docs.load(name);
      const room = new DocRoom(name, stored, this.roomDeps);
      this.metrics.docLoaded();
      for (const update of early.splice(0)) void room.applyRemote(update);
      entry.loaded = room;
      return room;
    })();
    entry.room.catch(() => this.drop(name, entry));
    return entry;
  }

  /** Storage failed even to reload the room: it closed its sockets, and is dropped (loaded anew on demand). */
  private broken(room: DocRoom) {
    const entry = this.entries.get(room.name);
    // Its entry is set before any of its tasks runs; a later entry of the same name is not its own.
    if (entry?.loaded === room) this.drop(room.name, entry);
    this.destroy(room);
  }

  private drop(name: string, entry: Entry) {
    if (this.entries.get(name) !== entry) return;
    this.entries.delete(name);
    clearTimeout(entry.idle);
    entry.unsubscribe();
  }

  /** Waits for the room's queued commits; a socket that arrived meanwhile keeps it loaded. */
  private async unload(name: string, entry: Entry) {
    const room = entry.loaded;
    if (!room) return;
    await room.drain();
    if (entry.holders > 0 || this.entries.get(name) !== entry) return;
    this.drop(name, entry);
    this.destroy(room);
  }

  private destroy(room: DocRoom) {
    room.destroy();
    this.metrics.docUnloaded();
  }

  /**
   * Graceful shutdown: sockets stop being read, what they sent is committed and acknowledged, then they are
   * told to reconnect (1012) and rooms are freed.
   */
  async close(code: number, reason: string) {
    this.closing = true;
    this.stopGaps();
    await Promise.all(
      [...this.entries].map(async ([name, entry]) => {
        const room = await entry.room.catch(() => undefined);
        if (!room) return;
        room.stopReadingPeers();
        await room.drain();
        room.closePeers(code, reason);
        this.drop(name, entry);
        this.destroy(room);
      }),
    );
  }
}
