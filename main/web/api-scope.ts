import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { dispatch } from '../../common/contract/bridge.js';
import type { Core } from '../core/create-core.js';
import { say } from '../../common/i18n/message.js';
import { sendFailure, statusOf } from './contract-errors.js';
import { isWebSocketHandshake, isWebSocketRoute, registerEventsSocket } from './events-socket.js';
import { registerPackUpload } from './pack-upload.js';
import { serverPathRefusal } from './server-paths.js';
import { bearerToken, isOwnOrigin, tokenMatches } from './web-access.js';

export const API_PREFIX = '/api';

export interface ApiScopeOptions {
  core: Pick<Core, 'api' | 'onEvent' | 'logger' | 'requireAdmin'>;
  token: string;
  maxUploadBytes?: number;
}

/**
 * Runs on the route the router matched, after it decoded the path, so no spelling of a path
 * (`/%61pi/...`, `/x/../api/...`) reaches an API route without it. The token comes in the
 * Authorization header; only a WebSocket handshake, which a browser cannot give headers, may carry
 * it in the query string. A page of another origin is refused even with the token.
 */
function authorizer(token: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const queryAllowed = isWebSocketRoute(request) && isWebSocketHandshake(request);
    const fromQuery = queryAllowed ? (request.query as { token?: unknown }).token : undefined;
    if (!tokenMatches(bearerToken(request.headers.authorization) ?? fromQuery, token))
      return sendFailure(reply, 401, 'forbidden', say('web-open-served-link', { command: 'lionlearn serve' }));
    if (!isOwnOrigin(request.headers.origin, request.headers.host))
      return sendFailure(reply, 403, 'forbidden', say('web-own-pages-only'));
  };
}

/**
 * Everything under /api as one Fastify scope. Its onRequest hook covers every route registered in
 * it, now and later, and the catch-all answers any other path under /api after the same hook (so
 * the static files route never sees an /api path).
 */
export function registerApiScope(app: FastifyInstance, { core, token, maxUploadBytes }: ApiScopeOptions) {
  return app.register(
    async (api) => {
      api.addHook('onRequest', authorizer(token));
      api.addHook('onSend', async (_request, reply) => {
        reply.header('Cache-Control', 'no-store');
      });
      // Calls are JSON; a text/plain body is what a cross-site form can send without asking.
      api.removeContentTypeParser('text/plain');

      api.post<{ Params: { method: string } }>('/call/:method', async (request, reply) => {
        const refusal = serverPathRefusal(request.params.method, request.body);
        if (refusal) return sendFailure(reply, 403, 'forbidden', refusal);
        const result = await dispatch(core.api, request.params.method, request.body, (error) =>
          core.logger.error({ err: error, method: request.params.method }, 'API call failed'),
        );
        return reply.code(result.ok ? 200 : statusOf[result.error.code]).send(result);
      });
      registerPackUpload(api, core, maxUploadBytes);
      registerEventsSocket(api, core);

      const nothingHere = (_request: FastifyRequest, reply: FastifyReply) =>
        sendFailure(reply, 404, 'not-found', say('web-no-api-route'));
      api.all('/', nothingHere);
      api.all('/*', nothingHere);
    },
    { prefix: API_PREFIX },
  );
}
