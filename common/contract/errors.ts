import type { MessageRef, Said } from '../i18n/message.js';
import { refOf } from '../i18n/message.js';

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
  /** The message as a catalog reference, so each face says it in its learner's language (`message` stays English). */
  messageI18n?: MessageRef;
}

/** What crosses a process boundary: a value or an error, never a thrown exception. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** Thrown by services and re-thrown by clients, so callers can branch on `code`. */
export class LearnError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterMs: number | undefined;
  /** Set when the message comes from the catalog (`say(...)`); plain strings are for admins and logs. */
  readonly messageI18n: MessageRef | undefined;

  constructor(
    code: ErrorCode,
    message: string | Said,
    options: { retryAfterMs?: number; messageI18n?: MessageRef } = {},
  ) {
    super(typeof message === 'string' ? message : message.text);
    this.name = 'LearnError';
    this.code = code;
    this.retryAfterMs = options.retryAfterMs;
    this.messageI18n = typeof message === 'string' ? options.messageI18n : refOf(message);
  }

  /** The error as it crosses a process boundary. */
  toBody(): ApiErrorBody {
    const { code, message, retryAfterMs, messageI18n } = this;
    return {
      code,
      message,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      ...(messageI18n ? { messageI18n } : {}),
    };
  }

  static fromBody({ code, message, retryAfterMs, messageI18n }: ApiErrorBody): LearnError {
    return new LearnError(code, message, {
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      ...(messageI18n ? { messageI18n } : {}),
    });
  }
}
