import Fastify from 'fastify';
import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import type { SessionTokens } from '../accounts/sessions.js';
import { registerDocuments } from '../documents/register-documents.js';
import type { DocumentsDeps } from '../documents/register-documents.js';
import { registerErrorHandler } from '../http/error-handler.js';
import type { SyncServer } from '../server.js';
import type { SqlStore } from '../storage/sql-store.js';
import { wsBase } from './sync-clients.js';
import { login, registerAccount } from './test-server.js';

/**
 * The documents endpoint alone, over a test server's accounts and store, with options (idle time,
 * compaction threshold) or a store the test controls. Accounts are still made through `server.app`.
 */
export async function documentsApp(server: SyncServer, overrides: Partial<DocumentsDeps> = {}) {
  const app = Fastify({ loggerInstance: pino({ level: 'silent' }) as FastifyBaseLogger });
  registerErrorHandler(app);
  const manager = await registerDocuments(app, {
    store: server.store,
    tokens: server.tokens,
    memberships: server.memberships,
    revocations: server.revocations,
    ...overrides,
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, manager, base: wsBase(address) };
}

export async function listening(server: SyncServer) {
  const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
  return { base: wsBase(address), port: Number(new URL(address).port) };
}

export interface Account extends SessionTokens {
  id: string;
}

export async function signedInLearner(server: SyncServer, email: string): Promise<Account> {
  const id = await registerAccount(server.app, email);
  return { id, ...(await login(server.app, email)) };
}

export const rowCount = async (server: { store: SyncServer['store'] }, doc?: string) =>
  (
    await server.store.get<{ n: number }>(
      `SELECT count(*) AS n FROM doc_updates${doc ? ' WHERE doc = ?' : ''}`,
      doc ? [doc] : [],
    )
  )?.n ?? 0;

/** The test server's store with some statements changed (slowed down, failing), the rest passed through. */
export function storeWith(
  store: SqlStore,
  changes: Partial<Pick<SqlStore, 'all' | 'get' | 'run' | 'transaction'>>,
): SqlStore {
  return {
    dialect: store.dialect,
    all: (sql, params) => store.all(sql, params),
    get: (sql, params) => store.get(sql, params),
    run: (sql, params) => store.run(sql, params),
    transaction: (work) => store.transaction(work),
    ping: () => store.ping(),
    close: () => store.close(),
    ...changes,
  } as SqlStore;
}
