import type { FastifyInstance } from 'fastify';
import { sendMessageSchema } from '../../common/contract/notifications.js';
import type { TokenVerifier } from '../accounts/token-verifier.js';
import { authenticate } from '../http/bearer-auth.js';
import { parseBody } from '../http/parse-body.js';
import type { Notifier } from './notifier.js';

/**
 * POST /notifications: a teacher or admin sends a message (202: stored, being written into the inboxes).
 * Who may send to whom is the notifier's check, the same for the app, the CLI and the hooks.
 */
export function registerNotificationRoutes(
  app: FastifyInstance,
  { tokens, notifier }: { tokens: TokenVerifier; notifier: Notifier },
): void {
  app.post('/notifications', async (request, reply) => {
    const claims = await authenticate(request, tokens);
    const result = await notifier.send(claims, parseBody(sendMessageSchema, request.body));
    return reply.code(202).send(result);
  });
}
