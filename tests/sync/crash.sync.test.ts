// The built sync server killed with SIGKILL at random (seeded) moments while raw y-protocols clients
// (ack=1) keep writing: nothing it acknowledged is lost, its SQLite file stays sound, and once the
// clients re-send what it never stored, the clients and a cold-started server hold the same state.
// Needs `npm run build` (npm test runs it first).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { syncStep2Message, updateMessage } from '../../sync-server/documents/protocol.js';
import { eventually } from '../../sync-server/testing/sync-clients.js';
import { ROOT } from '../e2e/support/processes.js';
import { AckClient, covers, fetchServerState, stateVectorOf, widen } from './support/ack-client.js';
import type { StateVector } from './support/ack-client.js';
import { startServerProcess } from './support/server-process.js';
import { signUp } from './support/sign-up.js';
import type { ServerProcess } from './support/server-process.js';

const KILLS = Number(process.env.LIONLEARN_CRASH_KILLS ?? 50);
const SEED = Number(process.env.LIONLEARN_CRASH_SEED ?? 7_2026);
/** So low that most commits start or wait for a compaction. */
const COMPACT_AFTER = 3;
const DEVICES = 3;
const DOCS = ['notes', 'inbox', 'progress/2026-2'] as const;
/** The document whose compactions are made slow enough to be killed in: big values, long text. */
const HEAVY = 'notes';
const MODES = ['right after an ack', 'during a burst', 'during compaction'] as const;
type Mode = (typeof MODES)[number];

/** mulberry32: a small seeded generator, so a failing run's choices can be replayed (the timing cannot). */
function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, below: (n: number) => Math.floor(next() * n) };
}

const random = seeded(SEED);
const dataDir = mkdtempSync(join(tmpdir(), 'sync-crash-'));
const dbFile = join(dataDir, 'sync.db');
const flags = ['--compact-after', String(COMPACT_AFTER), '--access-ttl', '3600'];
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(origin: string) {
  const session = await signUp(origin, 'crash@example.org');
  return { token: session.accessToken, accountId: session.account.id };
}

/** What a document shows, to compare replicas beyond their state vectors (deletions included); key order aside. */
const contentOf = (doc: Y.Doc) => ({
  map: doc.getMap('m').toJSON(),
  text: doc.getText('t').toString(),
  sv: [...stateVectorOf(doc)].sort(([a], [b]) => a - b),
});

let edits = 0;
/** One local change: a new map entry and some text, now and then with a deletion in the same transaction. */
function edit(client: AckClient) {
  const n = ++edits;
  const heavy = client.docName.endsWith(HEAVY);
  client.write((doc) => {
    doc.getMap('m').set(`${doc.clientID}:${n}`, heavy ? `${n} `.repeat(40) : n);
    const text = doc.getText('t');
    text.insert(random.below(text.length + 1), heavy ? `<${n} ${'x'.repeat(random.below(30))}>` : `${n % 10}`);
    if (text.length > 20 && random.next() < 0.3) text.delete(random.below(text.length - 4), 3);
  });
}

function sqliteVerdict() {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const perDoc = db.prepare('SELECT count(*) AS n FROM doc_updates GROUP BY doc').pluck().all() as number[];
    const rows = perDoc.reduce((sum, n) => sum + n, 0);
    const snapshots = db.prepare('SELECT doc, upto_id AS upto FROM doc_snapshots ORDER BY doc').all() as {
      doc: string;
      upto: number;
    }[];
    // More rows than the threshold wait only while a compaction is due or running.
    return {
      integrity,
      rows,
      compactionDue: perDoc.some((n) => n > COMPACT_AFTER),
      snapshots: JSON.stringify(snapshots),
    };
  } finally {
    db.close();
  }
}

describe('the sync server killed with SIGKILL', () => {
  const title = `loses no acknowledged update in ${KILLS} kills, keeps sync.db sound, and converges (seed ${SEED})`;
  it(title, { timeout: 600_000 }, async () => {
    expect(existsSync(join(ROOT, 'dist/sync-server/server.js')), 'run `npm run build` first').toBe(true);
    const started = Date.now();
    server = await startServerProcess(dataDir, 0, flags);
    const { port } = server;
    const { token, accountId } = await signIn(server.origin);
    const base = () => server!.origin.replace(/^http/, 'ws');
    const names = DOCS.map((doc) => `u/${accountId}/${doc}`);
    const devices = Array.from({ length: DEVICES }, () => names.map((name) => new AckClient(base(), name, token)));
    const clients = devices.flat();
    const clientsOf = (name: string) => clients.filter((client) => client.docName === name);
    const pick = <T>(items: readonly T[]) => items[random.below(items.length)]!;
    const stats = { acks: 0, compactedCycles: 0, compactionDue: 0, modes: {} as Record<string, number>, kills: 0 };

    /** Pointwise maximum of the acks on each document: what the server promised to hold. */
    const ackedOf = (name: string) => {
      const acked: StateVector = new Map();
      for (const client of clientsOf(name)) widen(acked, client.acked);
      return acked;
    };
    /**
     * Every device connected, and every change it holds acknowledged (re-sent if the server lost it). A
     * device's acks only follow its own writes; what it got from others the server had committed first.
     */
    const reconnect = async () => {
      await Promise.all(clients.map((client) => client.connect()));
      await eventually(
        () => clients.every((c) => c.synced && covers(ackedOf(c.docName), stateVectorOf(c.doc))),
        20_000,
      ).catch(() => {
        throw new Error(`not every change re-sent and acknowledged:\n${clients.map((c) => c.describe()).join('\n')}`);
      });
    };
    /** The server, read by a new client, holds what every device holds, and the devices hold the same. */
    const expectConverged = async (when: string) => {
      for (const name of names) {
        const held = contentOf(await fetchServerState(base(), name, token));
        await eventually(
          () => clientsOf(name).every((client) => isDeepStrictEqual(contentOf(client.doc), held)),
          10_000,
        ).catch(() => {
          const brief = (c: ReturnType<typeof contentOf>) =>
            `sv ${JSON.stringify(c.sv)}, ${Object.keys(c.map).length} entries, text ${c.text.length}`;
          throw new Error(
            `${when}: the devices and the server differ on ${name}\nserver: ${brief(held)}\n` +
              clientsOf(name)
                .map((client) => `${client.doc.clientID}: ${brief(contentOf(client.doc))}`)
                .join('\n'),
          );
        });
      }
    };

    /** Writes as `mode` says and resolves once the server has been killed and is gone. */
    const writeUntilKilled = async (mode: Mode) => {
      const victim = server!;
      let killed = false;
      const kill = () => {
        if (killed) return;
        killed = true;
        victim.child.kill('SIGKILL');
      };
      let acksSeen = 0;
      const ackTarget = 1 + random.below(mode === 'right after an ack' ? 40 : 12);
      const heavyClients = clientsOf(names[DOCS.indexOf(HEAVY)]!);
      for (const client of clients) {
        client.onAck = () => {
          stats.acks++;
          if (killed) return;
          acksSeen++;
          if (mode === 'right after an ack' && acksSeen >= ackTarget) kill();
          // At this threshold every few commits of the heavy document start a compaction, which runs while
          // the ack travels: a kill 0-3 ms after an ack often lands in one (`compactionDue` in the summary).
          if (mode === 'during compaction' && client.docName.endsWith(HEAVY) && acksSeen >= ackTarget) {
            const delay = random.below(4);
            if (delay === 0) kill();
            else setTimeout(kill, delay);
          }
        };
      }
      const writers = mode === 'during compaction' ? heavyClients : clients;
      const steady =
        mode === 'during a burst'
          ? undefined
          : setInterval(() => {
              for (let i = 0; i < 3; i++) edit(pick(writers));
            }, 2);
      if (mode === 'during a burst') {
        const burst = 20 + random.below(250);
        for (let i = 0; i < burst; i++) edit(pick(clients));
        setTimeout(kill, random.below(25));
      }
      const deadline = setTimeout(kill, 15_000);
      await victim.exited;
      clearInterval(steady);
      clearTimeout(deadline);
      for (const client of clients) client.onAck = () => stats.acks++;
      // Changes made while it is down: only the devices have them.
      for (let i = 0; i < 5; i++) edit(pick(clients));
    };

    let snapshotsBefore = '';
    for (let cycle = 0; cycle < KILLS; cycle++) {
      await reconnect();
      await expectConverged(`before kill ${cycle + 1}`);
      const mode = MODES[cycle % MODES.length]!;
      await writeUntilKilled(mode);
      stats.kills++;
      stats.modes[mode] = (stats.modes[mode] ?? 0) + 1;
      const acked = new Map(names.map((name) => [name, ackedOf(name)]));

      const verdict = sqliteVerdict();
      expect(verdict.integrity, `PRAGMA integrity_check after kill ${cycle + 1} (${mode})`).toBe('ok');
      if (verdict.snapshots !== snapshotsBefore) stats.compactedCycles++;
      if (verdict.compactionDue) stats.compactionDue++;
      snapshotsBefore = verdict.snapshots;

      server = await startServerProcess(dataDir, port, flags);
      for (const name of names) {
        const held = stateVectorOf(await fetchServerState(base(), name, token));
        expect(
          covers(held, acked.get(name)!),
          `kill ${cycle + 1} (${mode}): ${name} lost acknowledged updates: holds ${JSON.stringify([...held])}, acked ${JSON.stringify([...acked.get(name)!])}`,
        ).toBe(true);
      }
    }

    await reconnect();
    await expectConverged('after the last kill');
    // A cold start (graceful stop, new process) serves the same state; replays of everything store nothing.
    await server.kill('SIGTERM');
    expect(sqliteVerdict().integrity).toBe('ok');
    server = await startServerProcess(dataDir, port, flags);
    await reconnect();
    await expectConverged('after a cold start');
    const rowsBefore = sqliteVerdict().rows;
    for (const client of clients) {
      const whole = Y.encodeStateAsUpdate(client.doc);
      const acks = client.acks + 2;
      expect(client.sendRaw(syncStep2Message(whole)) && client.sendRaw(updateMessage(whole))).toBe(true);
      await eventually(() => client.acks >= acks);
    }
    expect(sqliteVerdict().rows).toBe(rowsBefore);
    await expectConverged('after the replays');
    for (const client of clients) client.disconnect();
    await server.kill('SIGTERM');

    console.log(
      `crash test: ${stats.kills} kills (${JSON.stringify(stats.modes)}), ${edits} edits, ${stats.acks} acks, ` +
        `${stats.compactedCycles} cycles with a compaction, ${stats.compactionDue} kills with one due or running, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });
});
