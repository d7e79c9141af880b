import { say } from '../../common/i18n/message.js';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authenticate } from '../http/bearer-auth.js';
import { parseBody } from '../http/parse-body.js';
import { limitedBy } from '../http/rate-limits.js';
import type { RateLimit } from '../http/rate-limits.js';
import { AuthError } from '../http/server-error.js';
import type { AccountServices } from './account-services.js';
import { publicAccount } from './account-store.js';
import { displayNameSchema, emailSchema, givenPasswordSchema, newPasswordSchema } from './credential-schemas.js';
import type { TokenVerifier } from './token-verifier.js';

const registerBody = z.object({ email: emailSchema, password: newPasswordSchema, displayName: displayNameSchema });
const loginBody = z.object({ email: emailSchema, password: givenPasswordSchema });
const refreshBody = z.object({ refreshToken: z.string().min(1).max(200) });
const passwordBody = z.object({ currentPassword: givenPasswordSchema, newPassword: newPasswordSchema });

/** /auth/* and /me: register, sign in, refresh, sign out, change the password. */
export function registerAuthRoutes(
  app: FastifyInstance,
  { services, tokens, rateLimit }: { services: AccountServices; tokens: TokenVerifier; rateLimit: RateLimit },
): void {
  const limited = limitedBy(rateLimit);

  app.post('/auth/register', limited, async (request, reply) => {
    const created = await services.registration.register(parseBody(registerBody, request.body));
    return reply.code(201).send(created);
  });

  app.post('/auth/login', limited, async (request) => services.sessions.login(parseBody(loginBody, request.body)));

  app.post('/auth/refresh', limited, async (request) =>
    services.sessions.refresh(parseBody(refreshBody, request.body).refreshToken),
  );

  app.post('/auth/logout', async (request, reply) => {
    await services.sessions.logout(parseBody(refreshBody, request.body).refreshToken);
    return reply.code(204).send();
  });

  app.post('/auth/password', limited, async (request, reply) => {
    const claims = await authenticate(request, tokens);
    await services.passwordChange.change(claims.accountId, parseBody(passwordBody, request.body));
    return reply.code(204).send();
  });

  app.get('/me', async (request) => {
    const claims = await authenticate(request, tokens);
    const account = await services.accounts.find(claims.accountId);
    if (!account) throw new AuthError(say('server-account-gone'));
    return publicAccount(account);
  });
}
