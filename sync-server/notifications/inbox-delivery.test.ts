import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncServer } from '../server.js';
import { startTestServer } from '../testing/test-server.js';
import { InboxDelivery } from './inbox-delivery.js';

let server: SyncServer;
afterEach(() => server.app.close());

/** Accounts as rows (no scrypt): what delivery reads is the accounts table and the deliveries. */
async function accounts(n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => randomUUID());
  for (const [i, id] of ids.entries()) {
    await server.store.run(
      `INSERT INTO accounts (id, email, display_name, password_hash, role, status, created_at, password_changed_at)
       VALUES (?, ?, ?, 'none', 'learner', 'active', 0, 0)`,
      [id, `l${i}@example.org`, `L${i}`],
    );
  }
  return ids;
}

const message = () => {
  const id = randomUUID();
  return {
    id,
    senderId: null,
    item: { id, kind: 'announcement', title: 't', body: 'b', at: new Date().toISOString() },
    update: new Uint8Array([0, 0]),
    important: false,
  };
};

describe('inbox delivery', () => {
  it('writes the inboxes open on a device first, then the rest, each once', async () => {
    server = await startTestServer();
    const ids = await accounts(30);
    const online = ids[17]!;
    // The server's own delivery stopped: this one, over a stand-in document layer, does the work.
    await server.notifications.delivery.stop();
    await server.notifications.messages.add(message(), { kind: 'everyone' }, Date.now());
    const written: string[] = [];
    // A stand-in for the DocManager: records the order of the inbox writes.
    const docs = {
      loadedNames: () => [`u/${online}/notes`, `u/${online}/inbox`],
      writeFromServer: async (name: string) => void written.push(name),
    };
    await new InboxDelivery(server.notifications.messages, docs, pino({ level: 'silent' })).kick();
    expect(written[0]).toBe(`u/${online}/inbox`);
    expect(written.sort()).toEqual(ids.map((id) => `u/${id}/inbox`).sort());
    expect(await server.notifications.messages.pending(100)).toEqual([]);
  });

  it('leaves a delivery pending when its write fails, and writes it at the next round', async () => {
    server = await startTestServer();
    const ids = await accounts(3);
    await server.notifications.delivery.stop();
    await server.notifications.messages.add(message(), { kind: 'accounts', accountIds: ids }, Date.now());
    let failing = true;
    // A stand-in for the DocManager whose storage fails until told otherwise.
    const docs = {
      loadedNames: () => [],
      writeFromServer: async () => {
        if (failing) throw new Error('storage unavailable');
      },
    };
    const delivery = new InboxDelivery(server.notifications.messages, docs, pino({ level: 'silent' }));
    await delivery.kick();
    expect(await server.notifications.messages.pending(100)).toHaveLength(3);
    failing = false;
    await delivery.kick();
    expect(await server.notifications.messages.pending(100)).toEqual([]);
    await delivery.stop();
  });
});
