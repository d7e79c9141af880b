/** Error codes every face can show and act on; the message is for people. */
export const errorCodes = [
  'invalid-input',
  'unknown-method',
  'not-found',
  'conflict',
  'forbidden',
  'too-many-attempts',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** For 'too-many-attempts': how long until a try is allowed again, so a face can count down. */
  retryAfterMs?: number;
}

/** What crosses a process boundary: a value or an error, never a thrown exception. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** Thrown by services and re-thrown by clients, so callers can branch on `code`. */
export class LearnError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterMs: number | undefined;

  constructor(code: ErrorCode, message: string, options: { retryAfterMs?: number } = {}) {
    super(message);
    this.name = 'LearnError';
    this.code = code;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** The error as it crosses a process boundary. */
  toBody(): ApiErrorBody {
    const { code, message, retryAfterMs } = this;
    return retryAfterMs === undefined ? { code, message } : { code, message, retryAfterMs };
  }

  static fromBody({ code, message, retryAfterMs }: ApiErrorBody): LearnError {
    return new LearnError(code, message, retryAfterMs === undefined ? {} : { retryAfterMs });
  }
}
