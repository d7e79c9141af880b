import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiResult, ErrorCode } from '../../common/contract/errors.js';
import { refOf, say } from '../../common/i18n/message.js';
import type { MessageRef, Said } from '../../common/i18n/message.js';

/** The HTTP status of each contract error code. */
export const statusOf: Record<ErrorCode, number> = {
  'invalid-input': 400,
  'unknown-method': 404,
  'not-found': 404,
  conflict: 409,
  forbidden: 403,
  'too-many-attempts': 429,
  unavailable: 503,
  internal: 500,
};

/**
 * A refusal as the core's errors carry it: the English text and its catalog reference, so the renderer says it
 * in the learner's language like any error of the core.
 */
const envelope = (code: ErrorCode, said: Said | { text: string; ref: MessageRef | undefined }): ApiResult<never> => {
  const messageI18n = 'ref' in said ? said.ref : refOf(said);
  return { ok: false, error: { code, message: said.text, ...(messageI18n ? { messageI18n } : {}) } };
};

/** Every refusal the browser face sends is a contract envelope, which the renderer's transport reads. */
export const sendFailure = (reply: FastifyReply, status: number, code: ErrorCode, said: Said) =>
  reply.code(status).type('application/json; charset=utf-8').send(envelope(code, said));

/** A refusal the core raised (a LearnError) passed on as it is, its catalog reference included. */
export const sendCoreFailure = (
  reply: FastifyReply,
  status: number,
  { code, message, messageI18n }: { code: ErrorCode; message: string; messageI18n: MessageRef | undefined },
) =>
  reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send(envelope(code, { text: message, ref: messageI18n }));

/** Whole megabytes: the limits are set in them. */
export const megabytes = (bytes: number): number => Math.round(bytes / 1024 ** 2);

interface Failure {
  status: number;
  code: ErrorCode;
  message: Said;
}

/**
 * What Fastify raises while reading a request (too large, not JSON, a content type the route does
 * not take), as the contract's error: its own bodies carry no `ok` and no contract code.
 */
export function failureOf(error: FastifyError, bodyLimit: number): Failure {
  const status = error.statusCode ?? 500;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status,
        code: 'invalid-input',
        message: say('web-request-too-large', { megabytes: megabytes(bodyLimit) }),
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status, code: 'invalid-input', message: say('web-content-type-refused') };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: 'invalid-input', message: say('web-body-not-json') };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status, code: 'invalid-input', message: say('web-body-length-mismatch') };
  }
  if (error instanceof SyntaxError) return { status: 400, code: 'invalid-input', message: say('web-body-not-json') };
  if (status === 401 || status === 403) return { status, code: 'forbidden', message: say('web-not-allowed') };
  if (status === 404) return { status, code: 'not-found', message: say('web-nothing-here') };
  if (status >= 400 && status < 500) return { status, code: 'invalid-input', message: say('web-request-unreadable') };
  return { status: 500, code: 'internal', message: say('internal-error') };
}

/** The handlers that put Fastify's own answers in the contract's format. */
export function contractErrorHandlers(bodyLimit: number, logError: (error: unknown) => void) {
  return {
    errorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
      const failure = failureOf(error, bodyLimit);
      if (failure.code === 'internal') logError(error);
      return sendFailure(reply, failure.status, failure.code, failure.message);
    },
    notFoundHandler(_request: FastifyRequest, reply: FastifyReply) {
      return sendFailure(reply, 404, 'not-found', say('web-nothing-here'));
    },
    /** A path whose percent-encoding does not decode, answered before any route or hook runs. */
    frameworkErrors(_error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
      return sendFailure(reply, 400, 'invalid-input', say('web-address-invalid'));
    },
    /** A request Node could not parse at all (bad request line, headers too large): answered on the raw socket. */
    clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket) {
      if (error.code === 'ECONNRESET' || socket.destroyed) return;
      const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
      const body = JSON.stringify(envelope('invalid-input', say('web-not-http')));
      if (socket.writable)
        socket.write(
          `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
            `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
        );
      socket.destroy(error);
    },
  };
}
