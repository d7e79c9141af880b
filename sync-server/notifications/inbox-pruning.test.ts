import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboxItem, InboxMark } from '../../common/contract/notifications.js';
import { SYNC_ROOTS } from '../../common/contract/sync-wire.js';
import { DocStore } from '../documents/doc-store.js';
import type { SyncServer } from '../server.js';
import { listening, signedInLearner } from '../testing/documents-app.js';
import { eventually, stockClient } from '../testing/sync-clients.js';
import type { StockClient } from '../testing/sync-clients.js';
import { login, startTestServer } from '../testing/test-server.js';
import { inboxEntriesToPrune } from './inbox-pruning.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-05T12:00:00Z');
const item = (id: string, daysAgo: number): InboxItem => ({
  id,
  kind: 'announcement',
  title: id,
  body: '',
  at: new Date(NOW - daysAgo * DAY).toISOString(),
});
const mark = (itemId: string, kind: InboxMark['mark'] = 'read'): InboxMark => ({ mark: kind, itemId, at: '' });
/** The ids and marks left once the deletions are applied. */
const kept = (entries: readonly unknown[], limits?: { keepDays: number; maxItems: number }) => {
  const doomed = new Set(inboxEntriesToPrune(entries, NOW, limits));
  return entries
    .filter((_entry, index) => !doomed.has(index))
    .map((entry) =>
      'someday' in (entry as object)
        ? 'unknown'
        : 'mark' in (entry as object)
          ? `${(entry as InboxMark).mark}:${(entry as InboxMark).itemId}`
          : (entry as InboxItem).id,
    );
};

describe('what an inbox keeps', () => {
  it('drops items dealt with more than 90 days ago, with their marks; keeps old unread ones and recent ones', () => {
    const entries = [
      item('old-read', 120),
      item('old-dismissed', 91),
      item('old-unread', 200),
      item('recent-read', 10),
      mark('old-read'),
      mark('old-dismissed', 'dismissed'),
      mark('recent-read'),
      { someday: 'a newer server entry' },
    ];
    expect(kept(entries)).toEqual(['old-unread', 'recent-read', 'read:recent-read', 'unknown']);
  });

  it('keeps the newest items up to the cap, but never an unread item younger than 90 days', () => {
    const entries = [
      item('a-old-unread', 100),
      item('b-read', 3),
      item('c', 2),
      item('d', 1),
      item('e', 0),
      mark('b-read'),
    ];
    // Cap 2: the newest two stay; c is over it but unread and young; b was read, a is old: both go.
    expect(kept(entries, { keepDays: 90, maxItems: 2 })).toEqual(['c', 'd', 'e']);
    // Two items at the same moment: the one appended later is the newer.
    expect(
      kept([item('first', 0), item('second', 0), mark('first'), mark('second')], { keepDays: 90, maxItems: 1 }),
    ).toEqual(['second', 'read:second']);
  });

  it('drops marks of items no longer there (an offline device marked what was pruned meanwhile)', () => {
    expect(kept([item('x', 1), mark('gone'), mark('x')])).toEqual(['x', 'read:x']);
  });

  it('never drops an unread item younger than 90 days, and otherwise honours the cap (random inboxes)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 200; round++) {
      const items = Array.from({ length: Math.floor(random() * 40) }, (_, i) =>
        item(`i${i}`, Math.floor(random() * 200)),
      );
      const marks = items.filter(() => random() < 0.5).map((i) => mark(i.id, random() < 0.5 ? 'read' : 'dismissed'));
      const entries = [...items, ...marks].sort(() => random() - 0.5);
      const limits = { keepDays: 90, maxItems: 1 + Math.floor(random() * 20) };
      const left = new Set(kept(entries, limits));
      const handled = new Set(marks.map((m) => m.itemId));
      const protectedIds = items
        .filter((i) => !handled.has(i.id) && Date.parse(i.at) >= NOW - 90 * DAY)
        .map((i) => i.id);
      for (const id of protectedIds) expect(left.has(id)).toBe(true);
      const leftItems = items.filter((i) => left.has(i.id));
      // Beyond the unread young ones, no more than the cap.
      expect(leftItems.filter((i) => !protectedIds.includes(i.id)).length).toBeLessThanOrEqual(limits.maxItems);
      for (const i of leftItems) {
        if (handled.has(i.id)) expect(Date.parse(i.at)).toBeGreaterThanOrEqual(NOW - 90 * DAY);
      }
    }
  });
});

let server: SyncServer | undefined;
const clients: StockClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((client) => client.destroy());
  await server?.app.close();
  server = undefined;
});

const entriesOf = (doc: Y.Doc) => doc.getArray(SYNC_ROOTS.inbox.name).toJSON();

// The real server and two stock Yjs clients (a learner's laptop and phone) on the inbox document.
describe('pruning an inbox on the server', () => {
  it('converges on two devices, one offline while it happens, and keeps every unread item younger than 90 days', async () => {
    let clock = Date.now();
    server = await startTestServer({ now: () => new Date(clock), inboxes: { limits: { keepDays: 90, maxItems: 4 } } });
    const { base } = await listening(server);
    const ada = await signedInLearner(server, 'ada@example.org');
    const name = `u/${ada.id}/inbox`;
    const laptop = stockClient(base, name, ada.accessToken);
    const phone = stockClient(base, name, ada.accessToken);
    clients.push(laptop, phone);
    await Promise.all([laptop.synced, phone.synced]);
    const { notifications } = server;
    const send = async (...titles: string[]) => {
      const ids: string[] = [];
      for (const title of titles) {
        // Each a second after the last: the array's order is not the order of sending (each delivery is its
        // own insert, placed among concurrent ones by Yjs), the items' times are.
        clock += 1000;
        ids.push((await notifications.notifyAccounts([ada.id], { kind: 'announcement', title, body: '' })).messageId);
      }
      await notifications.delivery.idle();
      return ids;
    };
    const idsOf = (doc: Y.Doc) =>
      entriesOf(doc).flatMap((e) =>
        'title' in e ? [(e as InboxItem).title] : [`${(e as InboxMark).mark}:${(e as InboxMark).itemId}`],
      );
    const push = (client: StockClient, entry: InboxMark) => client.doc.getArray(SYNC_ROOTS.inbox.name).push([entry]);
    const stored = async () => {
      const doc = new Y.Doc();
      for (const update of (await new DocStore(server!.store).load(name)).updates) Y.applyUpdate(doc, update);
      return JSON.stringify(entriesOf(doc));
    };
    const converged = () =>
      eventually(async () => {
        const state = await stored();
        return JSON.stringify(entriesOf(laptop.doc)) === state && JSON.stringify(entriesOf(phone.doc)) === state;
      });

    const [oldRead, oldDismissed] = await send('old read', 'old dismissed', 'old unread');
    push(laptop, mark(oldRead!));
    push(phone, mark(oldDismissed!, 'dismissed'));
    clock += 100 * DAY;
    const [youngRead1] = await send('young read 1', 'u1', 'u2', 'u3', 'u4', 'u5');
    const [youngRead2] = await send('young read 2');
    push(laptop, mark(youngRead1!));
    push(phone, mark(youngRead2!));
    await converged();

    // The phone goes offline and marks an item the server is about to prune.
    phone.provider.disconnect();
    push(phone, mark(oldDismissed!));
    expect(await notifications.pruner.prune(ada.id)).toBe(8);
    await eventually(() => idsOf(laptop.doc).length === 7);
    // Back online with a token of the server's (moved) clock.
    phone.provider.params = { token: (await login(server.app, 'ada@example.org')).accessToken };
    phone.provider.connect();
    await converged();
    // Old and dealt with: gone; beyond the newest 4: gone unless unread and young (u1, u2 stay).
    expect(idsOf(laptop.doc).sort()).toEqual(
      ['u1', 'u2', 'u3', 'u4', 'u5', 'young read 2', `read:${youngRead2}`, `read:${oldDismissed}`].sort(),
    );
    // The phone's late mark is an orphan now: the next pass takes it, and every copy agrees again.
    expect(await notifications.pruner.prune(ada.id)).toBe(1);
    await converged();
    expect(idsOf(phone.doc).sort()).toEqual(
      ['u1', 'u2', 'u3', 'u4', 'u5', 'young read 2', `read:${youngRead2}`].sort(),
    );
    expect(await notifications.pruner.prune(ada.id)).toBe(0);
  });
});
