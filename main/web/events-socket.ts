import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Core } from '../core/create-core.js';

/** The route config that marks a WebSocket endpoint: the one kind of route a handshake may reach. */
interface WebSocketRouteConfig {
  webSocket?: boolean;
}

/** Set by the WebSocket plugin when Node handed the request over as an upgrade, not from a header alone. */
export const isWebSocketHandshake = (request: FastifyRequest): boolean => request.ws;

export const isWebSocketRoute = (request: FastifyRequest): boolean =>
  (request.routeOptions.config as WebSocketRouteConfig).webSocket === true;

/** GET <api>/events: the core's events, one JSON message each, to an authorized page. */
export function registerEventsSocket(api: FastifyInstance, core: Pick<Core, 'onEvent'>): void {
  const config: WebSocketRouteConfig = { webSocket: true };
  api.get('/events', { websocket: true, config }, (socket) => {
    const unsubscribe = core.onEvent((event) => socket.send(JSON.stringify(event)));
    socket.on('close', unsubscribe);
    // The channel is one-way; anything a client sends is a protocol error.
    socket.on('message', () => socket.close(1003, 'this channel only sends'));
  });
}
