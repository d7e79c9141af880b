import type { FastifyInstance } from 'fastify';
import { say } from '../../common/i18n/message.js';
import type { Said } from '../../common/i18n/message.js';
import { errorBody, ServerError } from './server-error.js';

/** Fastify's own refusals by its error code, said through the catalog; others keep Fastify's English as the reason. */
function fastifyRefusal(error: { code?: string; message: string }): Said {
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return say('server-body-not-json');
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return say('server-body-too-large');
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return say('server-content-type');
  return say('server-request-unreadable', { reason: error.message });
}

/**
 * Every failure leaves as `{ error, message, messageI18n }` (ServerErrorBody): ours with their code, Fastify's
 * own 4xx as invalid input.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ServerError) return reply.code(error.status).send(error.toBody());
    // Fastify's own refusals (malformed JSON, a body over the limit, an unknown content type) carry a 4xx status.
    const status = (error as { statusCode?: number }).statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      return reply
        .code(status)
        .send(errorBody('invalid-input', fastifyRefusal(error as { code?: string; message: string })));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send(errorBody('internal', say('server-failed')));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody('not-found', say('server-no-route', { method: request.method, url: request.url }))),
  );
}
