import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SyncServer } from '../server.js';
import type { SqlStore } from '../storage/sql-store.js';
import { documentsApp, listening, rowCount, signedInLearner, storeWith } from '../testing/documents-app.js';
import { eventually, rawClient, stockClient } from '../testing/sync-clients.js';
import type { StockClient } from '../testing/sync-clients.js';
import { login, startTestServer } from '../testing/test-server.js';
import { updateMessage } from './protocol.js';
import { SYNC_CLOSE, SYNC_MESSAGE, SYNC_ROOTS } from '../../common/contract/sync-wire.js';

let server: SyncServer;
const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function start(dataDir?: string) {
  server = await startTestServer(dataDir ? { dataDir } : {});
  closers.push(() => server.app.close());
  return server;
}

const stock = (base: string, doc: string, token: string) => {
  const client = stockClient(base, doc, token);
  closers.push(() => client.destroy());
  return client;
};

const contentOf = (client: StockClient) => ({
  notes: client.doc.getMap(SYNC_ROOTS.notes.name).toJSON(),
  body: client.doc.getText('body').toString(),
});

describe('document lifecycle', () => {
  it('compacts past the threshold, and a load after compaction holds the same state', async () => {
    await start();
    const ada = await signedInLearner(server, 'ada@example.org');
    const documents = await documentsApp(server, { options: { compactAfter: 5 } });
    closers.push(() => documents.app.close());
    const doc = `u/${ada.id}/notes`;
    const writer = stock(documents.base, doc, ada.accessToken);
    await writer.synced;
    // Each local transaction is its own update message, so its own row.
    for (let i = 0; i < 23; i++) {
      writer.doc.getMap(SYNC_ROOTS.notes.name).set(`k${i % 4}`, i);
      writer.doc.getText('body').insert(0, `${i}`);
    }
    const folded = () =>
      server.store.get<{ upto_id: number }>('SELECT upto_id FROM doc_snapshots WHERE doc = ?', [doc]);
    await eventually(async () => ((await folded())?.upto_id ?? 0) > 0);
    await eventually(async () => (await rowCount(server, doc)) <= 5);

    const reader = stock(documents.base, doc, ada.accessToken);
    await reader.synced;
    await eventually(() => reader.doc.getText('body').length === writer.doc.getText('body').length);
    expect(contentOf(reader)).toEqual(contentOf(writer));
  });

  it('serves no socket before the document is loaded, and loads it once for concurrent connects', async () => {
    await start();
    const ada = await signedInLearner(server, 'ada@example.org');
    const doc = `u/${ada.id}/inbox`;
    let loads = 0;
    const slowLoads = storeWith(server.store, {
      get: async <T>(sql: string, params?: readonly unknown[]) => {
        if (sql.startsWith('SELECT data FROM doc_snapshots')) {
          loads++;
          await new Promise((resolve) => setTimeout(resolve, 300));
        }
        return server.store.get<T>(sql, params);
      },
    });
    const documents = await documentsApp(server, { store: slowLoads });
    closers.push(() => documents.app.close());

    const sockets = await Promise.all(
      Array.from({ length: 5 }, () => rawClient(documents.base, doc, { token: ada.accessToken, ack: '1' })),
    );
    // Sent at once, before the load finished: held until it did, then applied to the loaded state.
    const local = new Y.Doc();
    local.getArray(SYNC_ROOTS.inbox.name).push([{ id: 'x' }]);
    const ack = sockets[0]!.next(SYNC_MESSAGE.ack);
    sockets[0]!.send(updateMessage(Y.encodeStateAsUpdate(local)));
    await ack;
    expect(loads).toBe(1);
    for (const socket of sockets) {
      await eventually(() => socket.received.length > 0);
      // The first frame each socket got is the server's sync step 1 with the stored welcome item in it.
      const first = socket.received[0]!;
      expect([first[0], first[1]]).toEqual([SYNC_MESSAGE.sync, 0]);
      socket.socket.close();
    }
    const reader = stock(documents.base, doc, ada.accessToken);
    await reader.synced;
    expect(reader.doc.getArray(SYNC_ROOTS.inbox.name).length).toBe(2);
  });

  it('unloads a document with no sockets after idleMs and loads it again on the next connect', async () => {
    await start();
    const ada = await signedInLearner(server, 'ada@example.org');
    const documents = await documentsApp(server, { options: { idleMs: 50 } });
    closers.push(() => documents.app.close());
    const doc = `u/${ada.id}/prefs`;
    const first = stock(documents.base, doc, ada.accessToken);
    await first.synced;
    first.doc.getMap(SYNC_ROOTS.prefs.name).set('theme', 'dark');
    await eventually(async () => (await rowCount(server, doc)) === 1);
    expect(documents.manager.loadedNames()).toEqual([doc]);
    first.provider.destroy();
    await eventually(() => documents.manager.loadedNames().length === 0);

    const second = stock(documents.base, doc, ada.accessToken);
    await second.synced;
    expect(second.doc.getMap(SYNC_ROOTS.prefs.name).get('theme')).toBe('dark');
  });

  /**
   * Ada's notes served over a store whose doc_updates inserts (and transactions) go through `insert` first; a watching stock
   * client (synced) and a raw sender that asks for acks.
   */
  async function watchedRoom(insert: () => Promise<void>) {
    await start();
    const ada = await signedInLearner(server, 'ada@example.org');
    const doc = `u/${ada.id}/notes`;
    const store: SqlStore = storeWith(server.store, {
      get: async <T>(sql: string, params?: readonly unknown[]) => {
        if (sql.startsWith('INSERT INTO doc_updates')) await insert();
        return server.store.get<T>(sql, params);
      },
      // Several rows commit in one transaction (group commit): that goes through `insert` first too.
      transaction: async (work) => {
        await insert();
        return server.store.transaction(work);
      },
    });
    const documents = await documentsApp(server, { store });
    closers.push(() => documents.app.close());
    const watcher = stock(documents.base, doc, ada.accessToken);
    await watcher.synced;
    const sender = await rawClient(documents.base, doc, { token: ada.accessToken, ack: '1' });
    const send = (key: string) => {
      const change = new Y.Doc();
      change.getMap(SYNC_ROOTS.notes.name).set(key, true);
      sender.send(updateMessage(Y.encodeStateAsUpdate(change)));
    };
    const acked = () => sender.received.some((frame) => frame[0] === SYNC_MESSAGE.ack);
    return { ada, doc, documents, watcher, sender, send, acked };
  }

  it('relays before the commit; when the commit fails, closes the sender (1011) unacknowledged and gets the change back from a receiver', async () => {
    let failNext = false;
    const room = await watchedRoom(async () => {
      if (!failNext) return;
      failNext = false;
      throw new Error('connection lost');
    });

    failNext = true;
    room.send('lost');
    expect((await room.sender.closed).code).toBe(SYNC_CLOSE.internal);
    // The sender is never told it is stored, so it would send it again; it never comes back here.
    expect(room.acked()).toBe(false);
    // The watcher had it at once (relayed before the commit), and the server asked it for what it holds:
    // its answer is committed, and a fresh client gets the change, although its sender is gone.
    await eventually(() => room.watcher.doc.getMap(SYNC_ROOTS.notes.name).get('lost') === true);
    await eventually(async () => (await rowCount(server, room.doc)) === 1);
    const fresh = stock(room.documents.base, room.doc, room.ada.accessToken);
    await fresh.synced;
    await eventually(() => fresh.doc.getMap(SYNC_ROOTS.notes.name).get('lost') === true);
  });

  it('keeps relaying presence after a failed commit reloaded the document', async () => {
    let failNext = false;
    const room = await watchedRoom(async () => {
      if (!failNext) return;
      failNext = false;
      throw new Error('connection lost');
    });
    const other = stock(room.documents.base, room.doc, room.ada.accessToken);
    await other.synced;
    failNext = true;
    room.send('lost');
    expect((await room.sender.closed).code).toBe(SYNC_CLOSE.internal);
    // Committed again from the watcher's answer: the reload is behind us.
    await eventually(async () => (await rowCount(server, room.doc)) === 1);

    room.watcher.provider.awareness.setLocalStateField('user', { name: 'Ada' });
    await eventually(() => other.provider.awareness.getStates().get(room.watcher.doc.clientID)?.user?.name === 'Ada');
  });

  it('relays an update to the other sockets while its commit is still running, and acks only after it', async () => {
    let release: () => void = () => undefined;
    let holding = false;
    const room = await watchedRoom(async () => {
      if (holding) await new Promise<void>((go) => (release = go));
    });

    holding = true;
    room.send('early');
    await eventually(() => room.watcher.doc.getMap(SYNC_ROOTS.notes.name).get('early') === true);
    expect(await rowCount(server, room.doc)).toBe(0);
    expect(room.acked()).toBe(false);
    holding = false;
    release();
    await eventually(room.acked);
    expect(await rowCount(server, room.doc)).toBe(1);
  });

  it('relays the later updates of a burst while the first one is still being committed, then acks each in order', async () => {
    let release: () => void = () => undefined;
    let holding = false;
    const room = await watchedRoom(async () => {
      if (holding) await new Promise<void>((go) => (release = go));
    });

    holding = true;
    room.send('first');
    room.send('second');
    room.send('third');
    // The room does not wait for the first commit to apply and relay the next updates.
    await eventually(() => room.watcher.doc.getMap(SYNC_ROOTS.notes.name).size === 3);
    expect(room.acked()).toBe(false);
    holding = false;
    release();
    await eventually(() => room.sender.received.filter((frame) => frame[0] === SYNC_MESSAGE.ack).length === 3);
    // Each ack says what the document holds once nothing is left to commit: all three clients (one Y.Doc each).
    const covered = room.sender.received
      .filter((frame) => frame[0] === SYNC_MESSAGE.ack)
      .map((frame) => {
        const decoder = decoding.createDecoder(frame);
        decoding.readVarUint(decoder);
        return Y.decodeStateVector(decoding.readVarUint8Array(decoder)).size;
      });
    expect(covered).toEqual([3, 3, 3]);
    expect(await rowCount(server, room.doc)).toBe(3);
  });

  it('never acknowledges a state that covers a change whose commit failed', async () => {
    let release: (error?: Error) => void = () => undefined;
    let holding = false;
    const room = await watchedRoom(async () => {
      if (!holding) return;
      holding = false;
      await new Promise<void>((go, fail) => (release = (error) => (error ? fail(error) : go())));
    });
    const other = await rawClient(room.documents.base, room.doc, { token: room.ada.accessToken, ack: '1' });
    closers.push(() => other.socket.close());

    holding = true;
    const lost = new Y.Doc();
    lost.getMap(SYNC_ROOTS.notes.name).set('lost', true);
    room.sender.send(updateMessage(Y.encodeStateAsUpdate(lost)));
    await eventually(() => room.watcher.doc.getMap(SYNC_ROOTS.notes.name).get('lost') === true);
    // Applied after the lost change and before its commit fails: its state vector includes the lost change.
    const later = new Y.Doc();
    later.getMap(SYNC_ROOTS.notes.name).set('later', true);
    other.send(updateMessage(Y.encodeStateAsUpdate(later)));
    await eventually(() => room.watcher.doc.getMap(SYNC_ROOTS.notes.name).get('later') === true);
    release(new Error('connection lost'));
    expect((await room.sender.closed).code).toBe(SYNC_CLOSE.internal);

    // Both changes come back (from the watcher's answer) and are stored; until then no ack claimed the lost one.
    await eventually(async () => (await rowCount(server, room.doc)) >= 2);
    const acks = other.received.filter((frame) => frame[0] === SYNC_MESSAGE.ack);
    for (const frame of acks) {
      const decoder = decoding.createDecoder(frame);
      decoding.readVarUint(decoder);
      expect(Y.decodeStateVector(decoding.readVarUint8Array(decoder)).has(lost.clientID)).toBe(false);
    }
  });

  it('holds the same state after a cold restart of the server', async () => {
    const first = await start();
    const ada = await signedInLearner(first, 'ada@example.org');
    const { base } = await listening(first);
    const doc = `u/${ada.id}/notes`;
    const writer = stock(base, doc, ada.accessToken);
    await writer.synced;
    writer.doc.getText('body').insert(0, 'written before the restart');
    writer.doc.getMap(SYNC_ROOTS.notes.name).set('n', { deep: [1, 2] });
    await eventually(async () => (await rowCount(first, doc)) === 2);
    // Not reconnecting to the closed port in the background.
    writer.provider.shouldConnect = false;
    await first.app.close();

    const second = await start(first.options.dataDir);
    const { accessToken } = await login(second.app, 'ada@example.org');
    const reader = stock((await listening(second)).base, doc, accessToken);
    await reader.synced;
    await eventually(() => reader.doc.getText('body').length > 0);
    expect(contentOf(reader)).toEqual(contentOf(writer));
  });

  it('on shutdown commits and acknowledges what it received, then closes sockets with 1012', async () => {
    await start();
    const ada = await signedInLearner(server, 'ada@example.org');
    const { base } = await listening(server);
    const doc = `u/${ada.id}/notes`;
    const socket = await rawClient(base, doc, { token: ada.accessToken, ack: '1' });
    const local = new Y.Doc();
    local.on('update', (update: Uint8Array) => socket.send(updateMessage(update)));
    for (let i = 0; i < 40; i++) local.getMap(SYNC_ROOTS.notes.name).set(`k${i}`, i);
    await socket.next(SYNC_MESSAGE.ack);
    const closing = server.app.close();
    expect((await socket.closed).code).toBe(SYNC_CLOSE.restart);
    await closing;
    closers.length = 0;
    // Each set is one item of the client: the last ack's state vector counts the items the server confirmed.
    const lastAck = decoding.createDecoder(socket.received.filter((frame) => frame[0] === SYNC_MESSAGE.ack).at(-1)!);
    decoding.readVarUint(lastAck);
    const acked = Y.decodeStateVector(decoding.readVarUint8Array(lastAck)).get(local.clientID) ?? 0;

    const again = await start(server.options.dataDir);
    const { accessToken } = await login(again.app, 'ada@example.org');
    const reader = stock((await listening(again)).base, doc, accessToken);
    await reader.synced;
    // Stored is exactly what was acknowledged: nothing committed went unconfirmed before the close.
    expect(reader.doc.getMap(SYNC_ROOTS.notes.name).size).toBe(acked);
  });
});
