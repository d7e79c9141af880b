import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openServerStore } from '../storage/open-server-store.js';
import type { SqlStore } from '../storage/sql-store.js';
import { storeWith } from '../testing/documents-app.js';
import { DocStore } from './doc-store.js';
import { docA, docB, noteEdits as edits } from '../testing/note-edits.js';

const rows = async (store: SqlStore) => (await store.get<{ n: number }>('SELECT count(*) AS n FROM doc_updates'))!.n;

let store: SqlStore | undefined;
afterEach(() => store?.close());

async function counted() {
  ({ store } = await openServerStore({ dataDir: mkdtempSync(join(tmpdir(), 'group-commit-')) }));
  const inner = store;
  const counts = { transactions: 0 };
  const wrapped = storeWith(inner, {
    transaction: (work) => {
      counts.transactions++;
      return inner.transaction(work);
    },
  });
  return { inner, wrapped, counts };
}

describe('DocStore group commit', () => {
  it('commits the appends of one turn in one transaction, in call order, each with its own row', async () => {
    const { inner, wrapped, counts } = await counted();
    const docs = new DocStore(wrapped);
    const a = edits(20);
    const b = edits(20);
    const ids = await Promise.all(a.flatMap((update, i) => [docs.append(docA, update), docs.append(docB, b[i]!)]));

    expect(counts.transactions).toBe(1);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(ids).size).toBe(40);
    expect(await rows(inner)).toBe(40);
    const loaded = await docs.load(docA);
    expect(loaded.updates.map((u) => Buffer.from(u).toString('hex'))).toEqual(
      a.map((u) => Buffer.from(u).toString('hex')),
    );
  });

  it('rejects every append of a failed group commit and stores none of them', async () => {
    const { inner, wrapped } = await counted();
    const failing = storeWith(wrapped, {
      transaction: (work) =>
        inner.transaction(async (tx) => {
          await work(tx);
          throw new Error('disk full');
        }),
    });
    const docs = new DocStore(failing);
    const results = await Promise.allSettled(edits(3).map((update) => docs.append(docA, update)));

    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await rows(inner)).toBe(0);
    // The next turn is a new group: it commits.
    await new DocStore(inner).append(docA, edits(1)[0]!);
    expect(await rows(inner)).toBe(1);
  });
});
