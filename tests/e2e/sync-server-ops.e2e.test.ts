// The built server process as an operator runs it: graceful shutdown on SIGTERM, /metrics, and logs that
// never hold a token or a password.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateMessage } from '../../sync-server/documents/protocol.js';
import { rawClient, stockClient, wsBase } from '../../sync-server/testing/sync-clients.js';
import { startProcess, tempDir } from './support/processes.js';
import type { Started } from './support/processes.js';
import { SYNC_CLOSE, SYNC_MESSAGE, SYNC_ROOTS } from '../../common/contract/sync-wire.js';
import type { SyncTokens } from '../../common/contract/sync-wire.js';

const PASSWORD = 'operator test passphrase';
const running: Started[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.stop();
});

async function startServer(dataDir: string) {
  const server = await startProcess(
    ['dist/sync-server/server.js', '--port', '0', '--data-dir', dataDir],
    /Server listening at (http:\/\/127\.0\.0\.1:\d+)/,
  );
  running.push(server);
  let logs = '';
  server.child.stderr!.on('data', (chunk: Buffer) => (logs += chunk.toString()));
  return { ...server, origin: server.match[1]!, logs: () => logs };
}

async function post(origin: string, path: string, body: unknown) {
  const response = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
  return response.json() as Promise<SyncTokens>;
}

async function signedIn(origin: string, email: string) {
  await post(origin, '/auth/register', { email, password: PASSWORD, displayName: 'Ada' });
  return post(origin, '/auth/login', { email, password: PASSWORD });
}

const exited = (server: Started) =>
  new Promise<number | null>((resolve) =>
    server.child.exitCode !== null ? resolve(server.child.exitCode) : server.child.once('exit', resolve),
  );

describe('the sync server in operation', () => {
  it('on SIGTERM closes every socket with 1012 and exits 0, and what was acknowledged is there after a restart', async () => {
    const dataDir = tempDir('server-ops-');
    const server = await startServer(dataDir);
    const login = await signedIn(server.origin, 'ada@example.org');
    const doc = `u/${login.account.id}/prefs`;
    const writer = await rawClient(wsBase(server.origin), doc, { token: login.accessToken, ack: '1' });
    const watcher = await rawClient(wsBase(server.origin), doc, { token: login.accessToken });
    await writer.next(SYNC_MESSAGE.sync);
    const change = new Y.Doc();
    change.getMap(SYNC_ROOTS.prefs.name).set('theme', 'dark');
    writer.send(updateMessage(Y.encodeStateAsUpdate(change)));
    await writer.next(SYNC_MESSAGE.ack);

    server.child.kill('SIGTERM');
    expect((await writer.closed).code).toBe(SYNC_CLOSE.restart);
    expect((await watcher.closed).code).toBe(SYNC_CLOSE.restart);
    expect(await exited(server)).toBe(0);
    expect(server.logs()).toMatch(/shut down/);

    const again = await startServer(dataDir);
    const fresh = await post(again.origin, '/auth/login', { email: 'ada@example.org', password: PASSWORD });
    const reader = stockClient(wsBase(again.origin), doc, fresh.accessToken);
    try {
      await reader.synced;
      expect(reader.doc.getMap(SYNC_ROOTS.prefs.name).get('theme')).toBe('dark');
    } finally {
      reader.destroy();
    }
  });

  it('serves /metrics to loopback with the sockets, documents and commits it saw, and logs no secret', async () => {
    const server = await startServer(tempDir('server-ops-'));
    const login = await signedIn(server.origin, 'grace@example.org');
    const writer = await rawClient(wsBase(server.origin), `u/${login.account.id}/notes`, {
      token: login.accessToken,
      ack: '1',
    });
    await writer.next(SYNC_MESSAGE.sync);
    const change = new Y.Doc();
    change.getMap(SYNC_ROOTS.notes.name).set('n1', 'hello');
    writer.send(updateMessage(Y.encodeStateAsUpdate(change)));
    await writer.next(SYNC_MESSAGE.ack);

    const response = await fetch(`${server.origin}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^lionlearn_sync_open_sockets 1$/m);
    expect(text).toMatch(/^lionlearn_sync_loaded_docs 1$/m);
    expect(text).toMatch(/^lionlearn_sync_committed_updates_total 1$/m);
    expect(text).toMatch(/^lionlearn_sync_ack_latency_seconds_count 1$/m);
    writer.socket.close();

    const logs = server.logs();
    // The upgrade request was logged, with its token censored.
    expect(logs).toMatch(/\/sync\/u\/[0-9a-f-]+\/notes\?token=\[redacted\]&ack=1/);
    expect(logs).not.toContain(login.accessToken);
    expect(logs).not.toContain(PASSWORD);
  });
});
