import { say } from '../../common/i18n/message.js';
import { errorBody } from '../http/server-error.js';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { SyncMetrics } from './metrics.js';

/** The socket's own peer address: X-Forwarded-For is the client's word and proves nothing. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Compares digests, so neither the length nor the content of the token leaks through timing. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer (.+)$/i.exec(header ?? '');
  return match !== null && timingSafeEqual(digest(match[1] as string), digest(token));
}

/**
 * GET /metrics in the Prometheus text format. Counters reveal traffic, so it answers only a scraper on
 * loopback or one presenting the metrics token (a Prometheus `authorization` credential) when one is set.
 */
export function registerMetricsRoute(app: FastifyInstance, metrics: SyncMetrics, token: string | undefined): void {
  app.get('/metrics', async (request, reply) => {
    if (!isLoopback(request.socket.remoteAddress) && !(token && bearerMatches(request.headers.authorization, token))) {
      const said = say('server-metrics-only');
      return token
        ? reply.code(401).send(errorBody('unauthorized', said))
        : reply.code(403).send(errorBody('forbidden', said));
    }
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
