import type { FastifyInstance } from 'fastify';

/** How long requests already under way may go on once the server is closing; then every socket is cut. */
export const DEFAULT_CLOSE_GRACE_MS = 3_000;

/**
 * Node closes only the connections idle at the moment `close()` starts, and Fastify then waits for the
 * rest: a client that connected and sent nothing, sent half a request, or never read its answer held the
 * close until it left (and a SIGTERM ended at the shutdown timeout with exit code 1). Requests under way
 * get `graceMs` to finish (a download cut here resumes by Range); then the sockets still open are destroyed.
 */
export function cutLingeringConnectionsOnClose(app: FastifyInstance, graceMs: number): void {
  let timer: NodeJS.Timeout | undefined;
  app.addHook('preClose', async () => {
    timer = setTimeout(() => app.server.closeAllConnections(), graceMs);
    timer.unref();
  });
  app.addHook('onClose', async () => clearTimeout(timer));
}
