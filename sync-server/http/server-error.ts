/** The codes a client can branch on; each answer is `{ error: code, message }` with the status below. */
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

/** Thrown by the server's services; the error handler turns it into its HTTP answer. The message is for people. */
export class ServerError extends Error {
  readonly status: number;

  constructor(
    readonly code: ServerErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ServerError';
    this.status = statusOf[code];
  }
}

/** A missing, malformed, expired or revoked token or credential: HTTP 401, WebSocket close 4401. */
export class AuthError extends ServerError {
  constructor(message: string) {
    super('unauthorized', message);
    this.name = 'AuthError';
  }
}
