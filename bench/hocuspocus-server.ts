// Hocuspocus with its SQLite extension, as a user would run it (default debounce), for bench/sync: the
// persisted server a user would pick instead of ours. Forked from the bench's own bundle, so it gets the
// same memory probe. It times each document's persistence: from its first change not yet stored to the
// store that covers it, and answers 'persist' over IPC with those times.
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

export async function runHocuspocus(port: number, database: string): Promise<void> {
  const unstoredSince = new Map<string, number>();
  const persistMs: number[] = [];
  const server = new Server({
    port,
    address: '127.0.0.1',
    quiet: true,
    extensions: [new SQLite({ database })],
    onChange: async ({ documentName }) => {
      if (!unstoredSince.has(documentName)) unstoredSince.set(documentName, performance.now());
    },
    afterStoreDocument: async ({ documentName }) => {
      const since = unstoredSince.get(documentName);
      if (since === undefined) return;
      unstoredSince.delete(documentName);
      persistMs.push(performance.now() - since);
    },
  });
  await server.listen();
  process.on('message', (message) => {
    if (message === 'persist') process.send?.({ persistMs: persistMs.splice(0) });
  });
}
