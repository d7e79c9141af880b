import { z } from 'zod';
import { messageRefSchema, say } from '../i18n/message.js';
import { errorCodes, LearnError } from './errors.js';
import type { ApiResult, ErrorCode } from './errors.js';

const resultEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string(),
      retryAfterMs: z.number().int().nonnegative().optional(),
      messageI18n: messageRefSchema.optional(),
    }),
  }),
]);

/** The contract code nearest an HTTP status, for an answer that is not an envelope. */
function codeOfStatus(status: number): ErrorCode {
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'too-many-attempts';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  if (status >= 400 && status < 500) return 'invalid-input';
  return 'internal';
}

/**
 * An HTTP answer's body as the contract's result. Whatever answered (the app, a proxy, an error
 * page), the caller gets an envelope with a real code and message, never `undefined` ones.
 */
export function readResultEnvelope(status: number, text: string): ApiResult<unknown> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const parsed = resultEnvelopeSchema.safeParse(body);
  if (parsed.success) return parsed.data as ApiResult<unknown>;
  return {
    ok: false,
    error: new LearnError(codeOfStatus(status), say('no-readable-result', { status })).toBody(),
  };
}
