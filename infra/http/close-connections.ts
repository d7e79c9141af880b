import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';

/** How long requests already under way may go on once the server is closing; then every socket is cut. */
export const DEFAULT_CLOSE_GRACE_MS = 3_000;

/**
 * Node closes only the connections idle at the moment `close()` starts, and Fastify then waits for the
 * rest: a client that connected and sent nothing, sent half a request, or never read its answer held the
 * close until it left (and a SIGTERM ended at the shutdown timeout with exit code 1). Requests under way
 * get `graceMs` to finish (a download cut here resumes by Range); then the sockets still open are destroyed.
 *
 * Upgraded sockets are Node's no longer: `closeAllConnections()` skips them, yet `close()` waits for them.
 * They are kept here and cut with the rest. And they keep the HTTP server's half-open default with nobody
 * to end them: an upgrade Fastify refused with 503 while closing (it came after the server began to close,
 * before @fastify/websocket stopped taking upgrades) stayed open after its client left, and held the close
 * for good. So a client's end of input ends the socket, as Node does for the connections it keeps.
 */
export function cutLingeringConnectionsOnClose(app: FastifyInstance, graceMs: number): void {
  const upgraded = new Set<Duplex>();
  app.server.on('upgrade', (_request: unknown, socket: Duplex) => {
    upgraded.add(socket);
    socket.once('close', () => upgraded.delete(socket));
    socket.once('end', () => socket.end());
  });
  let timer: NodeJS.Timeout | undefined;
  app.addHook('preClose', async () => {
    timer = setTimeout(() => {
      app.server.closeAllConnections();
      for (const socket of upgraded) socket.destroy();
    }, graceMs);
    timer.unref();
  });
  app.addHook('onClose', async () => clearTimeout(timer));
}
