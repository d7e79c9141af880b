import { say } from '../../common/i18n/message.js';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { ServerError } from './server-error.js';

/** Requests per client IP per window, counted per route. */
export interface RateLimit {
  max: number;
  windowMs: number;
}

/** Enough for a person who mistypes; far too few for guessing passwords or join codes. */
export const DEFAULT_AUTH_RATE_LIMIT: RateLimit = { max: 10, windowMs: 60_000 };

/** Only routes that ask for it (with `limitedBy`) are limited; the answer is the usual JSON error with 429. */
export async function registerRateLimits(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new ServerError(
        'too-many-attempts',
        say('server-too-many-attempts', { count: Math.max(1, Math.ceil(context.ttl / 1000)) }),
      ),
  });
}

export const limitedBy = ({ max, windowMs }: RateLimit) => ({ config: { rateLimit: { max, timeWindow: windowMs } } });
