export const TIMEOUT_MS = 10_000;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** The server's answer: its JSON (null for 204), or its refusal with the status and the message it gave. */
export type ServerAnswer = { ok: true; value: unknown } | { ok: false; status: number; said: string };

/** The server could not be reached at all; `reason` says why in words. */
export class ServerUnreachable extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ServerUnreachable';
  }
}

const networkReason = (error: unknown): string => {
  const code = (error as { cause?: { code?: string } }).cause?.code;
  if (code === 'ECONNREFUSED') return 'nothing answers at that address';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'no computer has that name';
  if ((error as Error).name === 'TimeoutError') return `no answer within ${TIMEOUT_MS / 1000} s`;
  return code ?? (error as Error).message;
};

/**
 * One JSON request to the sync (class) server, with an optional bearer token; every client of its HTTP routes
 * (sign-in, classes) goes through here and maps the answer to its own errors. `serverUrl` has no trailing slash.
 */
export async function requestServer(
  serverUrl: string,
  method: HttpMethod,
  path: string,
  { token, body }: { token?: string; body?: unknown } = {},
): Promise<ServerAnswer> {
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
    throw new ServerUnreachable(networkReason(error));
  }
  if (response.status === 204) return { ok: true, value: null };
  const answer = (await response.json().catch(() => null)) as { message?: unknown } | null;
  if (response.ok) return { ok: true, value: answer };
  const said = typeof answer?.message === 'string' ? answer.message : `HTTP ${response.status}`;
  return { ok: false, status: response.status, said };
}
