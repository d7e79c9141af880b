import { refOf } from '../../common/i18n/message.js';
import type { MessageRef, Said } from '../../common/i18n/message.js';
import type { ServerErrorBody } from '../../common/contract/server-error-body.js';

/**
 * The codes a client can branch on; each answer is `{ error: code, message, messageI18n }` (ServerErrorBody in
 * common/contract) with the status below.
 */
export type ServerErrorCode =
  | 'invalid-input'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'too-many-attempts'
  | 'unavailable'
  | 'internal';

const statusOf: Record<ServerErrorCode, number> = {
  'invalid-input': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-many-attempts': 429,
  unavailable: 503,
  internal: 500,
};

/**
 * Thrown by the server's services; the error handler turns it into its HTTP answer. The message is for people:
 * a catalog message (`say`), so the app says it in its learner's language; `message` keeps its English.
 */
export class ServerError extends Error {
  readonly status: number;
  readonly messageI18n: MessageRef;

  constructor(
    readonly code: ServerErrorCode,
    message: Said,
  ) {
    super(message.text);
    this.name = 'ServerError';
    this.status = statusOf[code];
    this.messageI18n = refOf(message);
  }

  /** The answer's body, as ServerErrorBody writes it. */
  toBody(): ServerErrorBody {
    return { error: this.code, message: this.message, messageI18n: this.messageI18n };
  }
}

/** A missing, malformed, expired or revoked token or credential: HTTP 401, WebSocket close 4401. */
export class AuthError extends ServerError {
  constructor(message: Said) {
    super('unauthorized', message);
    this.name = 'AuthError';
  }
}

/** An answer's body for a refusal that is not thrown (Fastify's own, the metrics route's). */
export const errorBody = (error: string, said: Said): ServerErrorBody => ({
  error,
  message: said.text,
  messageI18n: refOf(said),
});
