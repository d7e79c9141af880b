import type { FastifyInstance } from 'fastify';
import type { SessionTokens } from '../accounts/sessions.js';
import type { SyncServer } from '../server.js';
import { PASSWORD, request } from './test-server.js';

// The accounts a route test begins with: a learner registered and signed in, the first admin, a teacher.

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
