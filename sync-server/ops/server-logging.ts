import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { Logger } from '../../infra/log/logger.js';

const CENSOR = '[redacted]';

// WebSocket clients cannot set headers, so the access token rides in the query (`/sync/<doc>?token=`).
const SECRET_PARAMS = /([?&](?:token|access_token|refresh_token|refreshToken)=)[^&#]*/gi;

export function redactUrl(url: unknown): unknown {
  return typeof url === 'string' ? url.replace(SECRET_PARAMS, `$1${CENSOR}`) : url;
}

const SECRET_KEYS = ['authorization', 'cookie', 'password', 'currentPassword', 'newPassword'];
const SECRET_VALUES = ['token', 'accessToken', 'refreshToken'];
const REDACT_PATHS = [
  ...[...SECRET_KEYS, ...SECRET_VALUES].flatMap((key) => [key, `*.${key}`]),
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
];

/** An incoming X-Request-Id (from a load balancer) is kept only if it cannot forge log lines. */
function requestId(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
}

/**
 * Fastify options for the server's logs: every request line carries `reqId`, and no token or password
 * reaches a log, whether it sits in a header, a body field, or the URL (Fastify's `req` line and
 * @fastify/websocket's `path`).
 */
export function serverLogOptions(logger: Logger) {
  const req = (request: { method?: string; url?: string; ip?: string }) => ({
    method: request.method,
    url: redactUrl(request.url),
    remoteAddress: request.ip,
  });
  return {
    // Typed as Fastify's own logger so route modules take a plain FastifyInstance.
    loggerInstance: logger.child(
      {},
      { redact: { paths: REDACT_PATHS, censor: CENSOR }, serializers: { req, url: redactUrl, path: redactUrl } },
    ) as FastifyBaseLogger,
    genReqId: requestId,
  };
}
