import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { bulkAccountsRequestSchema } from '../../common/contract/classes.js';
import { authenticate, requireRole } from '../http/bearer-auth.js';
import { parseBody } from '../http/parse-body.js';
import type { AccountServices } from './account-services.js';
import { roleSchema } from './roles.js';
import type { TokenVerifier } from './token-verifier.js';

const roleBody = z.object({ role: roleSchema });

/** What only admins do: make teachers (and other admins), create a lab's learner accounts at once. */
export function registerAdminRoutes(
  app: FastifyInstance,
  { services, tokens }: { services: AccountServices; tokens: TokenVerifier },
): void {
  app.put<{ Params: { id: string } }>('/admin/accounts/:id/role', async (request) => {
    const claims = await authenticate(request, tokens);
    requireRole(claims, ['admin']);
    return services.roles.set(request.params.id, parseBody(roleBody, request.body).role);
  });

  app.post('/admin/accounts/bulk', async (request) => {
    const claims = await authenticate(request, tokens);
    requireRole(claims, ['admin']);
    return services.bulkAccounts.create(parseBody(bulkAccountsRequestSchema, request.body));
  });
}
