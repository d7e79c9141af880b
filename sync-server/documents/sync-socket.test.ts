import { isDeepStrictEqual } from 'node:util';
import { runInNewContext } from 'node:vm';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import Database from 'better-sqlite3';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SyncServer } from '../server.js';
import type { SqliteStore } from '../storage/sqlite-store.js';
import { documentsApp, listening, rowCount, signedInLearner, storeWith } from '../testing/documents-app.js';
import type { Account } from '../testing/documents-app.js';
import { eventually, rawClient, stockClient } from '../testing/sync-clients.js';
import type { RawClient, StockClient } from '../testing/sync-clients.js';
import { startTestServer } from '../testing/test-server.js';
import { syncStep1Message, syncStep2Message, updateMessage } from './protocol.js';
import { SYNC_CLOSE, SYNC_MESSAGE, SYNC_ROOTS } from '../../common/contract/sync-wire.js';

let server: SyncServer;
const clients: StockClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.app.close();
});

const stock = (base: string, doc: string, token: string) => {
  const client = stockClient(base, doc, token);
  clients.push(client);
  return client;
};

/** A document's state as plain JSON, to compare two replicas. */
const notesOf = (doc: Y.Doc) => ({
  notes: doc.getMap(SYNC_ROOTS.notes.name).toJSON(),
  text: doc.getText('body').toString(),
});

/** The state vector in one of our acks. */
function ackedStateVector(frame: Uint8Array): Map<number, number> {
  const decoder = decoding.createDecoder(frame);
  expect(decoding.readVarUint(decoder)).toBe(SYNC_MESSAGE.ack);
  return Y.decodeStateVector(decoding.readVarUint8Array(decoder));
}

/** Sends one frame on an ack=1 socket and waits for the ack that follows it. */
async function sendAndAck(client: RawClient, frame: Uint8Array) {
  const ack = client.next(SYNC_MESSAGE.ack);
  client.send(frame);
  return ackedStateVector(await ack);
}

async function setup() {
  server = await startTestServer();
  const learner = await signedInLearner(server, 'ada@example.org');
  return { learner, ...(await listening(server)), doc: `u/${learner.id}/notes` };
}

const writer = (base: string, doc: string, learner: Account, ack = true) =>
  rawClient(base, doc, { token: learner.accessToken, ...(ack ? { ack: '1' } : {}) });

describe('the /sync endpoint with stock y-websocket clients', () => {
  it('syncs a Y.Map and a Y.Text between two stock clients through the server', async () => {
    const { base, doc, learner } = await setup();
    const a = stock(base, doc, learner.accessToken);
    const b = stock(base, doc, learner.accessToken);
    await Promise.all([a.synced, b.synced]);

    a.doc.getMap(SYNC_ROOTS.notes.name).set('n1', 'first note');
    b.doc.getText('body').insert(0, 'hello');
    a.doc.getText('body').insert(0, 'why ');
    b.doc.getMap(SYNC_ROOTS.notes.name).set('n2', { tags: ['x'] });

    await eventually(() => isDeepStrictEqual(notesOf(a.doc), notesOf(b.doc)));
    expect(notesOf(a.doc).notes).toEqual({ n1: 'first note', n2: { tags: ['x'] } });
    expect(notesOf(a.doc).text).toHaveLength('why hello'.length);
    // Stored: a third client arriving later gets everything from the server alone.
    const c = stock(base, doc, learner.accessToken);
    await c.synced;
    await eventually(() => isDeepStrictEqual(notesOf(c.doc), notesOf(a.doc)));
    expect(await rowCount(server, doc)).toBeGreaterThanOrEqual(4);
  });

  it('relays presence (awareness) between clients, to late joiners too, without storing it', async () => {
    const { base, doc, learner } = await setup();
    const a = stock(base, doc, learner.accessToken);
    const b = stock(base, doc, learner.accessToken);
    await Promise.all([a.synced, b.synced]);
    const rows = await rowCount(server);
    a.provider.awareness.setLocalStateField('user', { name: 'Ada', cursor: 3 });
    await eventually(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Ada');

    const late = stock(base, doc, learner.accessToken);
    await late.synced;
    await eventually(() => late.provider.awareness.getStates().has(a.doc.clientID));
    expect(await rowCount(server)).toBe(rows);

    a.provider.disconnect();
    await eventually(() => !b.provider.awareness.getStates().has(a.doc.clientID));
  });

  it('sends our ack (type 100) only to ack=1 sockets, and only once the row is in doc_updates', async () => {
    const { doc, learner } = await setup();
    // Commits made slow, so an ack sent before its commit would arrive while the row is still missing.
    const slow = storeWith(server.store, {
      get: async <T>(sql: string, params?: readonly unknown[]) => {
        if (sql.startsWith('INSERT INTO doc_updates')) await new Promise((resolve) => setTimeout(resolve, 150));
        return server.store.get<T>(sql, params);
      },
    });
    const documents = await documentsApp(server, { store: slow });
    const file = (server.store as SqliteStore).db.name;
    const onDisk = new Database(file, { readonly: true });
    const rowsOnDisk = () =>
      (onDisk.prepare('SELECT count(*) AS n FROM doc_updates WHERE doc = ?').get(doc) as { n: number }).n;
    try {
      const acked = await writer(documents.base, doc, learner);
      const stockLike = await writer(documents.base, doc, learner, false);
      const local = new Y.Doc();
      local.getMap(SYNC_ROOTS.notes.name).set('k', 'v');

      const before = rowsOnDisk();
      const ack = acked.next(SYNC_MESSAGE.ack);
      acked.send(updateMessage(Y.encodeStateAsUpdate(local)));
      const frame = await ack;
      // Read synchronously, on another connection, in the same turn the ack arrived in.
      expect(rowsOnDisk()).toBe(before + 1);
      expect(ackedStateVector(frame).get(local.clientID)).toBe(1);

      // The other socket got the update as a y-protocols update, and never an ack.
      await eventually(() => stockLike.received.some((f) => f[0] === SYNC_MESSAGE.sync && f[1] === 2));
      expect(stockLike.received.some((f) => f[0] === SYNC_MESSAGE.ack)).toBe(false);
    } finally {
      onDisk.close();
      await documents.app.close();
    }
  });

  it('stores nothing new and changes nothing for duplicated, replayed and reordered updates', async () => {
    const { base, doc, learner } = await setup();
    const client = await writer(base, doc, learner);
    const local = new Y.Doc();
    const steps: Uint8Array[] = [];
    local.on('update', (update: Uint8Array) => steps.push(update));
    local.getMap(SYNC_ROOTS.notes.name).set('a', 1);
    local.getText('body').insert(0, 'abc');
    local.getText('body').delete(1, 1);
    const [first, second, third] = steps as [Uint8Array, Uint8Array, Uint8Array];

    // Reordered: the later updates wait for their dependency and are stored with it, once.
    const base0 = await rowCount(server, doc);
    expect((await sendAndAck(client, updateMessage(third))).get(local.clientID)).toBeUndefined();
    expect((await sendAndAck(client, updateMessage(second))).get(local.clientID)).toBeUndefined();
    expect(await rowCount(server, doc)).toBe(base0);
    expect((await sendAndAck(client, updateMessage(first))).get(local.clientID)).toBe(4);
    const stored = await rowCount(server, doc);
    expect(stored).toBe(base0 + 1);

    // Duplicates and replays, as update and as sync step 2, in any order.
    const whole = Y.encodeStateAsUpdate(local);
    for (const frame of [
      updateMessage(first),
      updateMessage(third),
      syncStep2Message(whole),
      updateMessage(second),
      syncStep2Message(first),
      updateMessage(whole),
    ]) {
      expect((await sendAndAck(client, frame)).get(local.clientID)).toBe(4);
    }
    expect(await rowCount(server, doc)).toBe(stored);

    const reader = stock(base, doc, learner.accessToken);
    await reader.synced;
    expect(notesOf(reader.doc)).toEqual({ notes: { a: 1 }, text: 'ac' });
    client.socket.close();
  });

  it('answers a sync step 1 with the difference only', async () => {
    const { base, doc, learner } = await setup();
    const a = stock(base, doc, learner.accessToken);
    await a.synced;
    a.doc.getMap(SYNC_ROOTS.notes.name).set('x', 'y');
    await eventually(async () => (await rowCount(server, doc)) > 0);

    const client = await writer(base, doc, learner);
    const answer = client.next(SYNC_MESSAGE.sync);
    // Our step 1 carries the state we already have: the server's step 2 must be empty of it.
    client.send(syncStep1Message(Y.encodeStateVector(a.doc)));
    let frame = await answer;
    while (frame[1] !== 1) frame = await client.next(SYNC_MESSAGE.sync);
    const decoder = decoding.createDecoder(frame);
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    expect(Y.decodeUpdate(decoding.readVarUint8Array(decoder)).structs).toEqual([]);
    client.socket.close();
  });
});

function frame(write: (encoder: encoding.Encoder) => void) {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function awarenessFrame(clientId: number, state: unknown) {
  return frame((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(
      e,
      frame((inner) => {
        encoding.writeVarUint(inner, 1);
        encoding.writeVarUint(inner, clientId);
        encoding.writeVarUint(inner, 1);
        encoding.writeVarString(inner, JSON.stringify(state));
      }),
    );
  });
}

const malformed: [string, Uint8Array | string, number][] = [
  ['an unknown message type', Uint8Array.of(7, 0, 0), SYNC_CLOSE.badFrame],
  ['a truncated varint', Uint8Array.of(0x80), SYNC_CLOSE.badFrame],
  ['a sync message cut short', Uint8Array.of(0, 2), SYNC_CLOSE.badFrame],
  ['an absurd length prefix', Uint8Array.of(0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3), SYNC_CLOSE.badFrame],
  [
    'a length past 2^53',
    Uint8Array.of(0, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f),
    SYNC_CLOSE.badFrame,
  ],
  ['an unknown sync step', Uint8Array.of(0, 9, 0), SYNC_CLOSE.badFrame],
  ['trailing bytes', Uint8Array.of(0, 2, 2, 0, 0, 42), SYNC_CLOSE.badFrame],
  ['update bytes Yjs cannot read', Uint8Array.of(0, 2, 5, 1, 1, 0xff, 0xff, 0xff), SYNC_CLOSE.badFrame],
  ['a state vector Yjs cannot read', Uint8Array.of(0, 0, 2, 5, 1), SYNC_CLOSE.badFrame],
  ['awareness that is not JSON', Uint8Array.of(1, 5, 1, 1, 1, 1, 0x7b), SYNC_CLOSE.badFrame],
  ['a text frame', 'hello', SYNC_CLOSE.badFrame],
  ['an awareness state over 64 KiB', awarenessFrame(42, { name: 'x'.repeat(64 * 1024) }), SYNC_CLOSE.stateTooLarge],
  ['a 9 MiB frame', new Uint8Array(9 * 1024 * 1024), SYNC_CLOSE.tooLarge],
];

describe('malformed frames', () => {
  it.each(malformed)('closes only the socket that sent %s (%#), storing nothing', async (_name, bad, code) => {
    const { base, doc, learner } = await setup();
    const a = stock(base, doc, learner.accessToken);
    const b = stock(base, doc, learner.accessToken);
    await Promise.all([a.synced, b.synced]);
    const rows = await rowCount(server);

    const offender = await writer(base, doc, learner);
    offender.socket.send(bad);
    expect((await offender.closed).code).toBe(code);

    expect(await rowCount(server)).toBe(rows);
    a.doc.getMap(SYNC_ROOTS.notes.name).set('after', code);
    await eventually(() => b.doc.getMap(SYNC_ROOTS.notes.name).get('after') === code);
  });

  it('refuses (4413) a writer whose updates pile up waiting for dependencies that never come', async () => {
    const { base, doc, learner } = await setup();
    const rows = await rowCount(server);
    const client = await writer(base, doc, learner);
    const orphan = () => {
      // The second edit of a client whose first edit is never sent.
      const local = new Y.Doc();
      local.getText('body').insert(0, 'first');
      const before = Y.encodeStateVector(local);
      local.getText('body').insert(5, 'x'.repeat(1024 * 1024));
      return Y.encodeStateAsUpdate(local, before);
    };
    for (let i = 0; i < 8; i++) {
      const ack = await sendAndAck(client, updateMessage(orphan()));
      expect(ack.size).toBe(0);
    }
    client.send(updateMessage(orphan()));
    expect((await client.closed).code).toBe(SYNC_CLOSE.stateTooLarge);
    expect(await rowCount(server)).toBe(rows);

    const again = await writer(base, doc, learner);
    const local = new Y.Doc();
    local.getMap(SYNC_ROOTS.notes.name).set('fine', true);
    expect((await sendAndAck(again, updateMessage(Y.encodeStateAsUpdate(local)))).get(local.clientID)).toBe(1);
    again.socket.close();
  });

  it('keeps neither the upgrade request nor its response once a socket is served', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const { base, doc, learner } = await setup();
    const upgrades: WeakRef<object>[] = [];
    server.app.server.on('upgrade', (request: object) => upgrades.push(new WeakRef(request)));
    const a = stock(base, doc, learner.accessToken);
    await a.synced;
    expect(upgrades).toHaveLength(1);
    // A WeakRef holds its target until the task that made it or read it ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    expect(upgrades[0]!.deref()).toBeUndefined();
    // The socket still works, errors and all: the listener that held the request has a successor.
    a.doc.getMap(SYNC_ROOTS.notes.name).set('after', 'the request went');
    await eventually(async () => (await rowCount(server, doc)) === 1);
  });

  it('keeps memory bounded under a stream of large bad frames', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const { base, doc, learner } = await setup();
    const a = stock(base, doc, learner.accessToken);
    await a.synced;
    const rows = await rowCount(server);
    // A well-formed sync update whose 7 MiB payload Yjs starts to read and then refuses (a client id past 2^53).
    const payload = new Uint8Array(7 * 1024 * 1024).fill(0xff);
    payload.set([1, 1]);
    const bad = frame((e) => {
      encoding.writeVarUint(e, SYNC_MESSAGE.sync);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, payload);
    });

    gc();
    const before = getHeapStatistics().used_heap_size;
    for (let round = 0; round < 4; round++) {
      const offenders = await Promise.all(Array.from({ length: 5 }, () => writer(base, doc, learner)));
      for (const offender of offenders) offender.socket.send(bad);
      const closes = await Promise.all(offenders.map((offender) => offender.closed));
      expect(closes.map((c) => c.code)).toEqual([
        SYNC_CLOSE.badFrame,
        SYNC_CLOSE.badFrame,
        SYNC_CLOSE.badFrame,
        SYNC_CLOSE.badFrame,
        SYNC_CLOSE.badFrame,
      ]);
    }
    gc();
    const grown = getHeapStatistics().used_heap_size - before;
    // 140 MiB went through; what stays is the server's bookkeeping, not the frames.
    expect(grown).toBeLessThan(24 * 1024 * 1024);
    expect(await rowCount(server)).toBe(rows);
    a.doc.getMap(SYNC_ROOTS.notes.name).set('still', 'syncing');
    await eventually(async () => (await rowCount(server)) === rows + 1);
    // 140 MiB through the parser: seconds on a loaded machine, so more than the default five.
  }, 60_000);
});
