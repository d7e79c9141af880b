import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SYNC_CLOSE, SYNC_MESSAGE, SYNC_ROOTS } from '../../common/contract/sync-wire.js';
import type { SyncServer } from '../server.js';
import { documentsApp, signedInLearner } from '../testing/documents-app.js';
import { eventually, rawClient } from '../testing/sync-clients.js';
import { startTestServer } from '../testing/test-server.js';
import { updateMessage } from './protocol.js';

const KB = 1024;
const UPDATES = 40;

let server: SyncServer;
afterEach(() => server.app.close());

describe('a socket that does not read what the server sends', () => {
  // 20 MB through the server: seconds on a loaded machine, so not vitest's 5 s default.
  it(
    'is closed with slowReader once more than the outbound limit waits for it, and the writer goes on',
    { timeout: 60_000 },
    async () => {
      server = await startTestServer();
      const ada = await signedInLearner(server, 'ada@example.org');
      const { app, base } = await documentsApp(server, { options: { maxBufferedBytes: 256 * KB } });
      try {
        const doc = `u/${ada.id}/notes`;
        const idle = await rawClient(base, doc, { token: ada.accessToken });
        await idle.next(SYNC_MESSAGE.sync);
        idle.socket.pause();
        const writer = await rawClient(base, doc, { token: ada.accessToken, ack: '1' });
        const local = new Y.Doc();
        // 20 MB relayed to a socket that takes none of it: more than the kernel's buffers hold on loopback.
        for (let i = 0; i < UPDATES; i++) {
          const before = Y.encodeStateVector(local);
          local.getMap(SYNC_ROOTS.notes.name).set(`note ${i}`, randomBytes(384 * KB).toString('base64'));
          writer.send(updateMessage(Y.encodeStateAsUpdate(local, before)));
          await writer.next(SYNC_MESSAGE.ack);
        }

        idle.socket.resume();
        const relayed = () => idle.received.filter((frame) => frame[0] === SYNC_MESSAGE.sync && frame[1] === 2).length;
        const outcome = await Promise.race([
          idle.closed.then(({ code }) => code),
          eventually(() => relayed() === UPDATES, 30_000).then(() => 'everything relayed'),
        ]);
        expect(outcome).toBe(SYNC_CLOSE.slowReader);
        expect(relayed()).toBeLessThan(UPDATES);

        const before = Y.encodeStateVector(local);
        local.getMap(SYNC_ROOTS.notes.name).set('after', true);
        writer.send(updateMessage(Y.encodeStateAsUpdate(local, before)));
        await writer.next(SYNC_MESSAGE.ack);
        writer.socket.close();
      } finally {
        await app.close();
      }
    },
  );
});
