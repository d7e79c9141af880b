import type { FastifyRequest } from 'fastify';
import type { Role } from '../accounts/roles.js';
import type { AccessClaims, TokenVerifier } from '../accounts/token-verifier.js';
import { AuthError, ServerError } from './server-error.js';

/** The claims of the request's `Authorization: Bearer` access token; AuthError (401) without a valid one. */
export async function authenticate(request: FastifyRequest, tokens: TokenVerifier): Promise<AccessClaims> {
  const match = /^Bearer ([^\s]+)$/.exec(request.headers.authorization ?? '');
  if (!match) throw new AuthError('Sign in first: send the access token as `Authorization: Bearer <token>`.');
  return tokens.verify(match[1]!);
}

export function requireRole(claims: AccessClaims, allowed: readonly Role[]): void {
  if (!allowed.includes(claims.role)) {
    throw new ServerError('forbidden', `Only ${allowed.join(' or ')} accounts may do this.`);
  }
}
