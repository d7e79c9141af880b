import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify from 'fastify';
import type { FastifyReply } from 'fastify';
import { dispatch } from '../../common/contract/bridge.js';
import type { ErrorCode } from '../../common/contract/errors.js';
import { contentSecurityPolicy } from '../../common/security/content-security-policy.js';
import type { Core } from '../core/create-core.js';
import { registerPackUpload } from './pack-upload.js';
import { bearerToken, isAllowedHostHeader, tokenMatches, urlHost } from './web-access.js';

export interface WebServerOptions {
  core: Pick<Core, 'api' | 'onEvent' | 'logger'>;
  rendererDir: string;
  host: string;
  port: number;
  token: string;
}

export interface RunningWebServer {
  /** The address to open, with the access token in the fragment (never sent to a server). */
  url: string;
  port: number;
  close(): Promise<void>;
}

const statusOf: Record<ErrorCode, number> = {
  'invalid-input': 400,
  'unknown-method': 404,
  'not-found': 404,
  conflict: 409,
  forbidden: 403,
  'too-many-attempts': 429,
  unavailable: 503,
  internal: 500,
};

const deny = (reply: FastifyReply, status: number, message: string) =>
  reply.code(status).send({ ok: false, error: { code: 'forbidden', message } });

/** The browser face: the built renderer plus the API contract over HTTP (calls) and WebSocket (events). */
export async function startWebServer({
  core,
  rendererDir,
  host,
  port,
  token,
}: WebServerOptions): Promise<RunningWebServer> {
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  let boundPort = port;

  app.addHook('onRequest', async (request, reply) => {
    if (!isAllowedHostHeader(request.headers.host, host, boundPort)) return deny(reply, 421, 'Unexpected Host header.');
    if (!request.url.startsWith('/api/')) return;
    const presented = bearerToken(request.headers.authorization) ?? (request.query as { token?: string }).token;
    if (!tokenMatches(presented, token)) return deny(reply, 401, 'Open the link printed by `lionlearn serve`.');
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('Content-Security-Policy', contentSecurityPolicy());
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
  });

  app.post<{ Params: { method: string } }>('/api/call/:method', async (request, reply) => {
    const result = await dispatch(core.api, request.params.method, request.body, (error) =>
      core.logger.error({ err: error, method: request.params.method }, 'API call failed'),
    );
    return reply.code(result.ok ? 200 : statusOf[result.error.code]).send(result);
  });

  registerPackUpload(app, core);

  app.get('/api/events', { websocket: true }, (socket) => {
    const unsubscribe = core.onEvent((event) => socket.send(JSON.stringify(event)));
    socket.on('close', unsubscribe);
    // The channel is one-way; anything a client sends is a protocol error.
    socket.on('message', () => socket.close(1003, 'this channel only sends'));
  });

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
    close: () => app.close(),
  };
}
