import { serverErrorBodySchema } from '../../../common/contract/server-error-body.js';
import { say } from '../../../common/i18n/message.js';
import type { Said } from '../../../common/i18n/message.js';

export const TIMEOUT_MS = 10_000;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * The server's answer: its JSON (null for 204), or its refusal with the status and the message it gave, as a
 * catalog message (the server's reference; an older server's English as it is), so the app says it in its
 * learner's language.
 */
export type ServerAnswer = { ok: true; value: unknown } | { ok: false; status: number; said: Said };

/** The server could not be reached at all; `reason` says why in words. */
export class ServerUnreachable extends Error {
  constructor(readonly reason: Said) {
    super(reason.text);
    this.name = 'ServerUnreachable';
  }
}

const networkReason = (error: unknown): Said => {
  const code = (error as { cause?: { code?: string } }).cause?.code;
  if (code === 'ECONNREFUSED') return say('net-refused');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return say('net-unknown-host');
  if ((error as Error).name === 'TimeoutError') return say('net-timeout', { seconds: TIMEOUT_MS / 1000 });
  return say('server-said', { text: code ?? (error as Error).message });
};

/** A refusal's message: the server's catalog reference with its English, or the English alone (an older server). */
export function serverRefusal(status: number, answer: unknown): Said {
  const body = serverErrorBodySchema.safeParse(answer);
  if (!body.success) return say('net-http-status', { status });
  const { message, messageI18n } = body.data;
  return messageI18n ? { ...messageI18n, text: message } : say('server-said', { text: message });
}

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
  const answer: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, value: answer };
  return { ok: false, status: response.status, said: serverRefusal(response.status, answer) };
}
