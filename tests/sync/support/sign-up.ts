import { syncTokensSchema } from '../../../common/contract/sync-wire.js';
import type { SyncTokens } from '../../../common/contract/sync-wire.js';
import { PASSWORD } from '../../../sync-server/testing/test-server.js';

const post = (origin: string, path: string, body: unknown) =>
  fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** A learner registered and signed in over HTTP on a running server, as a device does it. */
export async function signUp(origin: string, email: string): Promise<SyncTokens> {
  const registered = await post(origin, '/auth/register', {
    email,
    password: PASSWORD,
    displayName: email.split('@')[0],
  });
  if (registered.status !== 201) throw new Error(`register ${email}: ${registered.status} ${await registered.text()}`);
  return syncTokensSchema.parse(await (await post(origin, '/auth/login', { email, password: PASSWORD })).json());
}
