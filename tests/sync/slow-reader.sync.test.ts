// A registered learner attacks the built server's memory: one socket asks for a 1 MB document 1,000 times
// (four-byte sync step 1 messages) and never reads the answers. The server used to queue a whole copy per
// question (RSS from 90 MB to 1.3 GB, held after the socket closed). It now answers one question at a time,
// merges the rest, and everyone else keeps syncing. Needs `npm run build`.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SYNC_CLOSE, SYNC_ROOTS } from '../../common/contract/sync-wire.js';
import type { SyncTokens } from '../../common/contract/sync-wire.js';
import { syncStep1Message, updateMessage } from '../../sync-server/documents/protocol.js';
import { eventually, rawClient } from '../../sync-server/testing/sync-clients.js';
import { AckClient, fetchServerState } from './support/ack-client.js';
import { startServerProcess } from './support/server-process.js';
import type { ServerProcess } from './support/server-process.js';
import { signUp } from './support/sign-up.js';

const MB = 1024 * 1024;
const QUESTIONS = 1_000;

const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function started(flags: string[] = []): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sync-slow-reader-'));
  const server = await startServerProcess(dataDir, 0, flags);
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  cleanups.push(() => server.kill('SIGKILL'));
  return server;
}

/** The server's resident memory now, and at its peak since `resetPeak` (Linux: /proc/<pid>/status). */
const memoryOf = (server: ServerProcess) => {
  const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
};
/** Starts the peak over from the current RSS (writing 5 to clear_refs, Linux 4.0 and later). */
const resetPeak = (server: ServerProcess) => writeFileSync(`/proc/${server.child.pid}/clear_refs`, '5');

const wsOf = (server: ServerProcess) => server.origin.replace(/^http/, 'ws');

/** Two ack=1 devices of one account on one document: a write on one is committed and reaches the other. */
async function syncsBetween(server: ServerProcess, session: SyncTokens, value: string) {
  const doc = `u/${session.account.id}/prefs`;
  const [a, b] = [1, 2].map(() => new AckClient(wsOf(server), doc, session.accessToken));
  await Promise.all([a!.connect(), b!.connect()]);
  try {
    // A key of its own: two fresh devices setting one key concurrently keep whichever Yjs orders last.
    a!.write((d) => d.getMap(SYNC_ROOTS.prefs.name).set(value, true));
    await eventually(() => b!.doc.getMap(SYNC_ROOTS.prefs.name).get(value) === true, 30_000);
  } finally {
    a!.disconnect();
    b!.disconnect();
  }
}

describe('a socket that asks for a large document again and again and never reads', () => {
  let server: ServerProcess;
  let ada: SyncTokens;
  let bo: SyncTokens;
  let doc: string;

  beforeAll(async () => {
    server = await started();
    ada = await signUp(server.origin, 'ada@example.org');
    bo = await signUp(server.origin, 'bo@example.org');
    doc = `u/${ada.account.id}/notes`;
    const writer = new AckClient(wsOf(server), doc, ada.accessToken);
    await writer.connect();
    writer.write((d) => d.getMap(SYNC_ROOTS.notes.name).set('big', randomBytes((3 * MB) / 4).toString('base64')));
    await eventually(() => writer.acks > 0, 30_000);
    writer.disconnect();
  });

  it('keeps the server under 100 MB of extra memory while other clients keep syncing, and frees it when it goes', async () => {
    const observer = new AckClient(wsOf(server), doc, ada.accessToken);
    await observer.connect();
    await eventually(() => observer.synced, 30_000);
    const before = memoryOf(server).rss;
    resetPeak(server);

    const attacker = new WebSocket(`${wsOf(server)}/sync/${doc}?token=${ada.accessToken}`);
    await new Promise((opened) => attacker.once('open', opened));
    // Reads nothing from here on: every byte the server sends for it stays in the kernel or in the server.
    attacker.pause();
    const question = syncStep1Message(Y.encodeStateVector(new Y.Doc()));
    expect(question.length).toBe(4);
    for (let i = 0; i < QUESTIONS; i++) attacker.send(question);
    // A socket's frames are handled in order: once its write reaches the observer, every question was handled.
    const marker = new Y.Doc();
    marker.getMap(SYNC_ROOTS.notes.name).set('asked', QUESTIONS);
    attacker.send(updateMessage(Y.encodeStateAsUpdate(marker)));
    await eventually(() => observer.doc.getMap(SYNC_ROOTS.notes.name).get('asked') === QUESTIONS, 120_000);

    // Other learners sync, and a newcomer gets the whole large document, while the attacker still holds on.
    await syncsBetween(server, bo, 'during');
    const newcomer = await fetchServerState(wsOf(server), doc, ada.accessToken);
    expect((newcomer.getMap(SYNC_ROOTS.notes.name).get('big') as string).length).toBe(MB);

    const during = memoryOf(server);
    const grown = during.peak - before;
    console.log(`server RSS ${(before / MB).toFixed(0)} MB before, peak ${(during.peak / MB).toFixed(0)} MB during`);
    expect(grown).toBeLessThan(100 * MB);

    attacker.terminate();
    observer.disconnect();
    // Memory returned when the socket goes: no socket left open on the server, and nothing grew meanwhile.
    await eventually(
      async () => /^lionlearn_sync_open_sockets 0$/m.test(await (await fetch(`${server.origin}/metrics`)).text()),
      30_000,
    );
    await syncsBetween(server, bo, 'after');
    const after = memoryOf(server);
    console.log(
      `server RSS ${(after.rss / MB).toFixed(0)} MB after the attacker left, peak ${(after.peak / MB).toFixed(0)} MB`,
    );
    expect(after.peak - before).toBeLessThan(100 * MB);
  });
});

describe('sockets per account', () => {
  it('closes the socket past --account-sockets with 4429, frees its place when one closes, and leaves other accounts alone', async () => {
    const server = await started(['--account-sockets', '3']);
    const carl = await signUp(server.origin, 'carl@example.org');
    const dee = await signUp(server.origin, 'dee@example.org');
    const open = (session: SyncTokens, key = 'notes') =>
      rawClient(wsOf(server), `u/${session.account.id}/${key}`, { token: session.accessToken });

    const first = await Promise.all([open(carl), open(carl, 'prefs'), open(carl, 'inbox')]);
    for (const client of first) await client.next(0);
    const extra = await open(carl);
    expect(await extra.closed).toMatchObject({ code: SYNC_CLOSE.tooManySockets });

    const others = await Promise.all([open(dee), open(dee, 'prefs'), open(dee, 'inbox')]);
    for (const client of others) await client.next(0);

    first[0]!.socket.close();
    await first[0]!.closed;
    // The server counts the close when it sees it: the place comes free soon after, not at once.
    await eventually(async () => {
      const again = await open(carl);
      const outcome = await Promise.race([again.next(0).then(() => 'served'), again.closed.then(({ code }) => code)]);
      again.socket.close();
      return outcome === 'served';
    }, 30_000);
    for (const client of [...first.slice(1), ...others]) client.socket.close();
  });
});
