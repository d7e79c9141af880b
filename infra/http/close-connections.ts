import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';

/** How long requests already under way may go on once the server is closing; then every socket is cut. */
export const DEFAULT_CLOSE_GRACE_MS = 3_000;

/**
 * For ws's `closeTimeout`: how long a WebSocket the server closes waits for its peer's close frame before it is
 * cut. ws waits 30 s by default, longer than a server's shutdown timeout: one peer that no longer reads held the
 * close until then. It costs nothing per socket, where tracking every upgraded socket here cost 0.6 KB of heap.
 */
export const WEBSOCKET_CLOSE_TIMEOUT_MS = DEFAULT_CLOSE_GRACE_MS;

/** ws's server option for it (ws 8.18 and later), which @types/ws does not declare yet: spread into `options`. */
export const websocketCloseTimeout = (ms = WEBSOCKET_CLOSE_TIMEOUT_MS): object => ({ closeTimeout: ms });

/**
 * Node closes only the connections idle at the moment `close()` starts, and Fastify then waits for the
 * rest: a client that connected and sent nothing, sent half a request, or never read its answer held the
 * close until it left (and a SIGTERM ended at the shutdown timeout with exit code 1). Requests under way
 * get `graceMs` to finish (a download cut here resumes by Range); then the sockets still open are destroyed.
 *
 * An upgrade that arrives while the server closes is answered 503 by Fastify on a socket Node has already
 * handed over: `closeAllConnections()` skips it, yet `close()` waits for it, and it keeps the HTTP server's
 * half-open default with nobody to end it. So it stayed open after its client left and held the close for good
 * (the convergence test's hang at a server restart). Those sockets are ended when their client's input ends,
 * and cut with the rest at the end of the grace. Upgrades taken before are WebSockets, whose servers are given
 * WEBSOCKET_CLOSE_TIMEOUT_MS.
 */
export function cutLingeringConnectionsOnClose(app: FastifyInstance, graceMs: number): void {
  let closing = false;
  const refused = new Set<Duplex>();
  app.server.on('upgrade', (_request: unknown, socket: Duplex) => {
    if (!closing) return;
    refused.add(socket);
    socket.once('close', () => refused.delete(socket));
    socket.once('end', () => socket.end());
  });
  let timer: NodeJS.Timeout | undefined;
  app.addHook('preClose', async () => {
    // Fastify refuses from the moment close() is called; this first preClose hook runs before any I/O after it.
    closing = true;
    timer = setTimeout(() => {
      app.server.closeAllConnections();
      for (const socket of refused) socket.destroy();
    }, graceMs);
    timer.unref();
  });
  app.addHook('onClose', async () => clearTimeout(timer));
}
