import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { pino } from 'pino';
import { afterEach } from 'vitest';
import { createSyncServer } from '../server.js';
import type { SyncServer, SyncServerOptions } from '../server.js';

export const PASSWORD = 'correct horse battery staple';

/** A server over a fresh SQLite folder (or the given database), silent, with limits no ordinary test reaches. */
export function startTestServer(overrides: Partial<SyncServerOptions> = {}): Promise<SyncServer> {
  return createSyncServer({
    dataDir: mkdtempSync(join(tmpdir(), 'sync-server-')),
    logger: pino({ level: 'silent' }),
    authRateLimit: { max: 10_000, windowMs: 60_000 },
    ...overrides,
  });
}

/** Starts servers as `startTestServer` does and closes every one after each test of the file. */
export function serverPerTest(): (overrides?: Partial<SyncServerOptions>) => Promise<SyncServer> {
  const open: SyncServer[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((server) => server.app.close()));
  });
  return async (overrides) => {
    const server = await startTestServer(overrides);
    open.push(server);
    return server;
  };
}

/** One HTTP request through `app.inject`, JSON in and out, with an optional bearer token. */
export function request(
  app: FastifyInstance,
  method: InjectOptions['method'],
  url: string,
  { body, token }: { body?: unknown; token?: string } = {},
) {
  return app.inject({
    method,
    url,
    ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

export { login, registerAccount, signedInAdmin, signedInTeacher } from './test-accounts.js';
