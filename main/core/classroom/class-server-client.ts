import { LearnError } from '../../../common/contract/errors.js';
import { say } from '../../../common/i18n/message.js';
import type { ErrorCode } from '../../../common/contract/errors.js';
import { requestServer, ServerUnreachable } from '../sync/server-request.js';
import type { HttpMethod } from '../sync/server-request.js';

export type { HttpMethod };

const codeOfStatus = (status: number): ErrorCode => {
  if (status === 400) return 'invalid-input';
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'too-many-attempts';
  return 'unavailable';
};

/**
 * One call to the class server's routes with an access token. Its refusals become LearnErrors carrying the
 * server's own message (which says what to do); an unreachable server is `unavailable`, saying so.
 * `serverUrl` has no trailing slash.
 */
export async function callClassServer(
  serverUrl: string,
  method: HttpMethod,
  path: string,
  request: { token?: string; body?: unknown } = {},
): Promise<unknown> {
  const answer = await requestServer(serverUrl, method, path, request).catch((error: unknown) => {
    if (!(error instanceof ServerUnreachable)) throw error;
    throw new LearnError('unavailable', say('class-server-unreachable', { url: serverUrl, reason: error.reason }));
  });
  if (answer.ok) return answer.value;
  throw new LearnError(codeOfStatus(answer.status), answer.said);
}
