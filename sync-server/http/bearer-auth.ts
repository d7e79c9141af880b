import { say } from '../../common/i18n/message.js';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../accounts/roles.js';
import type { AccessClaims, TokenVerifier } from '../accounts/token-verifier.js';
import { AuthError, ServerError } from './server-error.js';

/** The claims of the request's `Authorization: Bearer` access token; AuthError (401) without a valid one. */
export async function authenticate(request: FastifyRequest, tokens: TokenVerifier): Promise<AccessClaims> {
  const match = /^Bearer ([^\s]+)$/.exec(request.headers.authorization ?? '');
  if (!match) throw new AuthError(say('server-sign-in-first'));
  return tokens.verify(match[1]!);
}

/** The roles' names in the catalog, so "Only admin accounts may do this" is said in the reader's language. */
const ROLE_NAMES = { teacher: 'role-teacher', admin: 'role-admin', learner: 'role-learner' } as const;

export function requireRole(claims: AccessClaims, allowed: readonly Role[]): void {
  if (!allowed.includes(claims.role)) {
    throw new ServerError(
      'forbidden',
      say('server-only-roles', { roles: allowed.map((role) => say(ROLE_NAMES[role])) }),
    );
  }
}
