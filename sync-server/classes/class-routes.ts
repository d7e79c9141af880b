import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authenticate, requireRole } from '../http/bearer-auth.js';
import { parseBody } from '../http/parse-body.js';
import { limitedBy } from '../http/rate-limits.js';
import type { RateLimit } from '../http/rate-limits.js';
import type { AccountServices } from '../accounts/account-services.js';
import { JOIN_CODE_LENGTH, normalizeJoinCode } from './join-codes.js';
import type { TokenVerifier } from '../accounts/token-verifier.js';

const classBody = z.object({ name: z.string().trim().min(1).max(100) });
const joinBody = z.object({
  joinCode: z.string().max(32).transform(normalizeJoinCode).pipe(z.string().length(JOIN_CODE_LENGTH)),
});

/** Classes: teachers create them, anyone signed in joins with a code, the teacher lists the members. */
export function registerClassRoutes(
  app: FastifyInstance,
  { services, tokens, rateLimit }: { services: AccountServices; tokens: TokenVerifier; rateLimit: RateLimit },
): void {
  app.post('/classes', async (request, reply) => {
    const claims = await authenticate(request, tokens);
    requireRole(claims, ['teacher', 'admin']);
    const created = await services.classes.create(claims.accountId, parseBody(classBody, request.body).name);
    return reply.code(201).send(created);
  });

  // Limited like sign-in: a join code is a shared secret that must not be guessable by brute force.
  app.post('/classes/join', limitedBy(rateLimit), async (request) => {
    const claims = await authenticate(request, tokens);
    return services.classes.join(claims.accountId, parseBody(joinBody, request.body).joinCode);
  });

  app.get<{ Params: { id: string } }>('/classes/:id/members', async (request) => {
    const claims = await authenticate(request, tokens);
    return services.classes.members(claims, request.params.id);
  });
}
