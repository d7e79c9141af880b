import { LearnError } from '../../../common/contract/errors.js';
import type { ErrorCode } from '../../../common/contract/errors.js';
import { networkReason, TIMEOUT_MS } from '../sync/auth-client.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

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
  { token, body }: { token?: string; body?: unknown } = {},
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${serverUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new LearnError('unavailable', `Cannot reach the class server at ${serverUrl}: ${networkReason(error)}.`);
  }
  if (response.status === 204) return null;
  const answer = (await response.json().catch(() => null)) as { message?: unknown } | null;
  if (response.ok) return answer;
  const said = typeof answer?.message === 'string' ? answer.message : `HTTP ${response.status}`;
  throw new LearnError(codeOfStatus(response.status), said);
}
