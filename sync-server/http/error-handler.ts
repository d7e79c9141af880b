import type { FastifyInstance } from 'fastify';
import { ServerError } from './server-error.js';

/** Every failure leaves as `{ error, message }`: ours with their code, Fastify's own 4xx as invalid input. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ServerError)
      return reply.code(error.status).send({ error: error.code, message: error.message });
    // Fastify's own refusals (malformed JSON, a body over the limit, an unknown content type) carry a 4xx status.
    const status = (error as { statusCode?: number }).statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      return reply.code(status).send({ error: 'invalid-input', message: (error as Error).message });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: 'internal', message: 'The server failed; its log says why.' });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: 'not-found', message: `No route ${request.method} ${request.url}.` }),
  );
}
