import { progressVisibilitySchema } from '../../../common/contract/privacy.js';
import type { ProgressVisibility } from '../../../common/contract/privacy.js';
import { syncTokensSchema } from '../../../common/contract/sync-wire.js';
import type { SyncTokens } from '../../../common/contract/sync-wire.js';

/** POST /auth/login and /auth/refresh answer with this; the refresh token rotates. */
export type Tokens = SyncTokens;

/** Why a call failed: the server could not be reached, refused the credentials, throttled, or broke. */
export type AuthFailure = 'unreachable' | 'rejected' | 'rate-limited' | 'server';

export class AuthCallError extends Error {
  readonly failure: AuthFailure;

  constructor(failure: AuthFailure, message: string) {
    super(message);
    this.name = 'AuthCallError';
    this.failure = failure;
  }
}

const TIMEOUT_MS = 10_000;

const networkReason = (error: unknown): string => {
  const code = (error as { cause?: { code?: string } }).cause?.code;
  if (code === 'ECONNREFUSED') return 'nothing answers at that address';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'no computer has that name';
  if ((error as Error).name === 'TimeoutError') return `no answer within ${TIMEOUT_MS / 1000} s`;
  return code ?? (error as Error).message;
};

async function call(serverUrl: string, path: string, init: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${serverUrl}${path}`, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new AuthCallError('unreachable', `Cannot reach the sync server at ${serverUrl}: ${networkReason(error)}.`);
  }
  if (response.status === 204) return null;
  const answer = (await response.json().catch(() => null)) as { message?: unknown } | null;
  if (response.ok) return answer;
  const said = typeof answer?.message === 'string' ? answer.message : `HTTP ${response.status}`;
  if (response.status === 401 || response.status === 403) throw new AuthCallError('rejected', said);
  if (response.status === 429) throw new AuthCallError('rate-limited', said);
  throw new AuthCallError('server', `The sync server failed: ${said}`);
}

const post = (serverUrl: string, path: string, body: unknown) =>
  call(serverUrl, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const tokens = (answer: unknown): Tokens => {
  const parsed = syncTokensSchema.safeParse(answer);
  if (!parsed.success)
    throw new AuthCallError('server', 'The sync server gave an answer this app does not understand.');
  return parsed.data;
};

/** The sync server's auth routes this app uses. `serverUrl` has no trailing slash. */
export const authClient = {
  login: async (serverUrl: string, email: string, password: string): Promise<Tokens> =>
    tokens(await post(serverUrl, '/auth/login', { email, password })),
  refresh: async (serverUrl: string, refreshToken: string): Promise<Tokens> =>
    tokens(await post(serverUrl, '/auth/refresh', { refreshToken })),
  logout: async (serverUrl: string, refreshToken: string): Promise<void> => {
    await post(serverUrl, '/auth/logout', { refreshToken });
  },
  /** Who on the server can see this account's progress (its classes' teachers, the admins). */
  visibility: async (serverUrl: string, accessToken: string): Promise<ProgressVisibility> => {
    const parsed = progressVisibilitySchema.safeParse(
      await call(serverUrl, '/me/visibility', { headers: { authorization: `Bearer ${accessToken}` } }),
    );
    if (!parsed.success)
      throw new AuthCallError('server', 'The sync server gave an answer this app does not understand.');
    return parsed.data;
  },
};
export type AuthClient = typeof authClient;
