import { LearnError } from '../../../common/contract/errors.js';
import type { ErrorCode } from '../../../common/contract/errors.js';
import { say } from '../../../common/i18n/message.js';
import type { Said } from '../../../common/i18n/message.js';
import { progressVisibilitySchema } from '../../../common/contract/privacy.js';
import type { ProgressVisibility } from '../../../common/contract/privacy.js';
import { syncTokensSchema } from '../../../common/contract/sync-wire.js';
import type { SyncTokens } from '../../../common/contract/sync-wire.js';
import { requestServer, ServerUnreachable } from './server-request.js';
import type { HttpMethod } from './server-request.js';

/** POST /auth/login and /auth/refresh answer with this; the refresh token rotates. */
export type Tokens = SyncTokens;

/** Why a call failed: the server could not be reached, refused the credentials, throttled, or broke. */
export type AuthFailure = 'unreachable' | 'rejected' | 'rate-limited' | 'server';

export class AuthCallError extends Error {
  readonly failure: AuthFailure;
  /** Why the server could not be reached (ECONNREFUSED, a time-out...), for a caller that words it itself. */
  readonly reason: Said | undefined;
  /** The message as the catalog says it (in the learner's language); `message` is its English. */
  readonly said: Said;

  constructor(failure: AuthFailure, said: Said, reason?: Said) {
    super(said.text);
    this.name = 'AuthCallError';
    this.failure = failure;
    this.said = said;
    this.reason = reason;
  }

  /** The failure as the contract's error, said in the learner's language. */
  toLearnError(code: ErrorCode): LearnError {
    return new LearnError(code, this.said);
  }
}

/** One request to the sync server, its refusals as AuthCallErrors; `token` for routes of a signed-in account. */
async function call(
  serverUrl: string,
  method: HttpMethod,
  path: string,
  request: { body?: unknown; token?: string } = {},
): Promise<unknown> {
  const answer = await requestServer(serverUrl, method, path, request).catch((error: unknown) => {
    if (!(error instanceof ServerUnreachable)) throw error;
    throw new AuthCallError(
      'unreachable',
      say('class-server-unreachable', { url: serverUrl, reason: error.reason }),
      error.reason,
    );
  });
  if (answer.ok) return answer.value;
  if (answer.status === 401 || answer.status === 403) throw new AuthCallError('rejected', answer.said);
  if (answer.status === 429) throw new AuthCallError('rate-limited', answer.said);
  throw new AuthCallError('server', say('class-server-failed', { reason: answer.said }));
}

/** A JSON POST to the sync server, with the access token when the route needs a signed-in account. */
export const post = (serverUrl: string, path: string, body: unknown, accessToken?: string): Promise<unknown> =>
  call(serverUrl, 'POST', path, { body, ...(accessToken ? { token: accessToken } : {}) });

const tokens = (answer: unknown): Tokens => {
  const parsed = syncTokensSchema.safeParse(answer);
  if (!parsed.success) throw new AuthCallError('server', say('class-server-unreadable'));
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
      await call(serverUrl, 'GET', '/me/visibility', { token: accessToken }),
    );
    if (!parsed.success) throw new AuthCallError('server', say('class-server-unreadable'));
    return parsed.data;
  },
};
export type AuthClient = typeof authClient;
