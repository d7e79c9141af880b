import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { pino } from 'pino';
import type { SessionTokens } from '../accounts/sessions.js';
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

export async function registerAccount(app: FastifyInstance, email: string, password = PASSWORD): Promise<string> {
  const response = await request(app, 'POST', '/auth/register', {
    body: { email, password, displayName: email.split('@')[0] },
  });
  if (response.statusCode !== 201) throw new Error(`register ${email}: ${response.statusCode} ${response.body}`);
  return (response.json() as { accountId: string }).accountId;
}

export async function login(app: FastifyInstance, email: string, password = PASSWORD): Promise<SessionTokens> {
  const response = await request(app, 'POST', '/auth/login', { body: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login ${email}: ${response.statusCode} ${response.body}`);
  return response.json() as SessionTokens;
}

/** An admin made the way the server CLI makes the first one, signed in. */
export async function signedInAdmin(server: SyncServer, email = 'admin@example.org'): Promise<SessionTokens> {
  await server.services.registration.register({ email, password: PASSWORD, displayName: 'Admin' }, 'admin');
  return login(server.app, email);
}

/** A learner promoted to teacher by an admin, signed in after the change so the token carries the role. */
export async function signedInTeacher(server: SyncServer, admin: SessionTokens, email: string): Promise<SessionTokens> {
  const id = await registerAccount(server.app, email);
  const changed = await request(server.app, 'PUT', `/admin/accounts/${id}/role`, {
    token: admin.accessToken,
    body: { role: 'teacher' },
  });
  if (changed.statusCode !== 200) throw new Error(`make ${email} a teacher: ${changed.statusCode} ${changed.body}`);
  return login(server.app, email);
}
