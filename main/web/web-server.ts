import {
  cutLingeringConnectionsOnClose,
  DEFAULT_CLOSE_GRACE_MS,
  websocketCloseTimeout,
} from '../../infra/http/close-connections.js';
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify from 'fastify';
import { contentSecurityPolicy } from '../../common/security/content-security-policy.js';
import { say } from '../../common/i18n/message.js';
import type { Core } from '../core/create-core.js';
import { registerApiScope } from './api-scope.js';
import { contractErrorHandlers, sendFailure } from './contract-errors.js';
import { isWebSocketHandshake, isWebSocketRoute } from './events-socket.js';
import { accessTokenProblem, isAllowedHostHeader, urlHost } from './web-access.js';
import { exposureRefusal } from './web-exposure.js';

/** The largest JSON call body (the pack upload streams and has its own limit). */
export const API_BODY_LIMIT = 1024 * 1024;

export interface WebServerOptions {
  core: Pick<Core, 'api' | 'onEvent' | 'logger' | 'requireAdmin'>;
  rendererDir: string;
  host: string;
  port: number;
  token: string;
  /** Listening beyond loopback is refused unless this is set (`--allow-lan`). */
  allowLan?: boolean;
  maxUploadBytes?: number;
}

export interface RouteSummary {
  method: string;
  url: string;
}

export interface RunningWebServer {
  /** The address to open, with the access token in the fragment (never sent to a server). */
  url: string;
  port: number;
  /** Every route the server registered, one per method: what a test walks to prove each is guarded. */
  routes: readonly RouteSummary[];
  close(): Promise<void>;
}

/** The browser face: the built renderer plus the API contract over HTTP (calls) and WebSocket (events). */
export async function startWebServer({
  core,
  rendererDir,
  host,
  port,
  token,
  allowLan = false,
  maxUploadBytes,
}: WebServerOptions): Promise<RunningWebServer> {
  const refusal = exposureRefusal(host, allowLan) ?? accessTokenProblem(token);
  if (refusal) throw new Error(refusal.text);
  const errors = contractErrorHandlers(API_BODY_LIMIT, (error) =>
    core.logger.error({ err: error }, 'browser face request failed'),
  );
  const app = Fastify({
    logger: false,
    bodyLimit: API_BODY_LIMIT,
    frameworkErrors: errors.frameworkErrors,
    clientErrorHandler: errors.clientErrorHandler,
  });
  const routes: RouteSummary[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url ?? route.path });
  });
  cutLingeringConnectionsOnClose(app, DEFAULT_CLOSE_GRACE_MS);
  app.setErrorHandler(errors.errorHandler);
  app.setNotFoundHandler(errors.notFoundHandler);
  await app.register(fastifyWebsocket, {
    options: { maxPayload: 64 * 1024, ...websocketCloseTimeout() },
  });
  let boundPort = port;

  app.addHook('onRequest', async (request, reply) => {
    if (!isAllowedHostHeader(request.headers.host, host, boundPort))
      return sendFailure(reply, 421, 'forbidden', say('web-unexpected-host'));
    // The WebSocket plugin completes a handshake on any route (then hangs up): only a WebSocket route takes one.
    if (isWebSocketHandshake(request) && !isWebSocketRoute(request))
      return sendFailure(reply, 404, 'not-found', say('web-no-websocket'));
  });

  app.addHook('onSend', async (_request, reply) => {
    reply.header('Content-Security-Policy', contentSecurityPolicy());
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
  });

  await registerApiScope(app, { core, token, maxUploadBytes });

  if (existsSync(rendererDir)) {
    await app.register(fastifyStatic, { root: rendererDir, index: 'index.html', dotfiles: 'deny' });
  } else {
    app.get('/', async (_request, reply) =>
      reply.code(503).type('text/plain').send(`The app is not built (${rendererDir} is missing). Run: npm run build`),
    );
  }

  await app.listen({ host, port });
  const address = app.server.address();
  boundPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${urlHost(host)}:${boundPort}/#token=${token}`,
    port: boundPort,
    routes,
    close: () => app.close(),
  };
}
