import type { FastifyInstance } from 'fastify';
import type { Assignment } from '../../common/contract/assignments.js';
import { z } from 'zod';
import { classNameSchema, JOIN_CODE_LENGTH, normalizeJoinCode } from '../../common/contract/classes.js';
import type { MyClasses } from '../../common/contract/classes.js';
import { authenticate, requireRole } from '../http/bearer-auth.js';
import { parseBody } from '../http/parse-body.js';
import { limitedBy } from '../http/rate-limits.js';
import type { RateLimit } from '../http/rate-limits.js';
import type { AccountServices } from '../accounts/account-services.js';
import type { TokenVerifier } from '../accounts/token-verifier.js';

const classBody = z.object({ name: classNameSchema });
const joinBody = z.object({
  joinCode: z.string().max(32).transform(normalizeJoinCode).pipe(z.string().length(JOIN_CODE_LENGTH)),
});

type ClassParams = { Params: { id: string } };
type MemberParams = { Params: { id: string; accountId: string } };
type AssignmentParams = { Params: { id: string; assignmentId: string } };

/**
 * Classes: teachers create them and their assignments, anyone signed in joins with a code, the teacher lists
 * and removes members. Each route authenticates, then the class service checks the requester against the one
 * class the route names (teacher of it, member of it, or admin).
 */
export function registerClassRoutes(
  app: FastifyInstance,
  {
    services,
    tokens,
    rateLimit,
    onAssigned,
  }: {
    services: AccountServices;
    tokens: TokenVerifier;
    rateLimit: RateLimit;
    /** A new assignment was stored (its class is told, by the notifications room). */
    onAssigned?: (assignment: Assignment) => void;
  },
): void {
  const { classes, assignments } = services;

  app.post('/classes', async (request, reply) => {
    const claims = await authenticate(request, tokens);
    requireRole(claims, ['teacher', 'admin']);
    const created = await classes.create(claims.accountId, parseBody(classBody, request.body).name);
    return reply.code(201).send(created);
  });

  app.get('/classes/taught', async (request) => {
    const claims = await authenticate(request, tokens);
    requireRole(claims, ['teacher', 'admin']);
    return { classes: await classes.taught(claims) };
  });

  app.get('/classes/mine', async (request): Promise<MyClasses> => {
    const claims = await authenticate(request, tokens);
    const [joined, assigned] = await Promise.all([
      classes.joined(claims.accountId),
      assignments.listForMember(claims.accountId),
    ]);
    return { classes: joined, assignments: assigned };
  });

  // Limited like sign-in: a join code is a shared secret that must not be guessable by brute force.
  app.post('/classes/join', limitedBy(rateLimit), async (request) => {
    const claims = await authenticate(request, tokens);
    return classes.join(claims.accountId, parseBody(joinBody, request.body).joinCode);
  });

  app.delete<ClassParams>('/classes/:id', async (request, reply) => {
    const claims = await authenticate(request, tokens);
    await classes.remove(claims, request.params.id);
    return reply.code(204).send();
  });

  app.get<ClassParams>('/classes/:id/members', async (request) => {
    const claims = await authenticate(request, tokens);
    return classes.members(claims, request.params.id);
  });

  // The teacher removes a member; a member removes themself (leaves the class).
  app.delete<MemberParams>('/classes/:id/members/:accountId', async (request, reply) => {
    const claims = await authenticate(request, tokens);
    await classes.removeMember(claims, request.params.id, request.params.accountId);
    return reply.code(204).send();
  });

  app.post<ClassParams>('/classes/:id/join-code', async (request) => {
    const claims = await authenticate(request, tokens);
    return classes.renewJoinCode(claims, request.params.id);
  });

  app.get<ClassParams>('/classes/:id/assignments', async (request) => {
    const claims = await authenticate(request, tokens);
    await classes.requireMemberOrTeaching(claims, request.params.id);
    return { assignments: await assignments.listForClass(request.params.id) };
  });

  app.post<ClassParams>('/classes/:id/assignments', async (request, reply) => {
    const claims = await authenticate(request, tokens);
    await classes.requireTeaching(claims, request.params.id);
    const created = await assignments.create(request.params.id, claims.accountId, request.body);
    onAssigned?.(created);
    return reply.code(201).send(created);
  });

  app.put<AssignmentParams>('/classes/:id/assignments/:assignmentId', async (request) => {
    const claims = await authenticate(request, tokens);
    await classes.requireTeaching(claims, request.params.id);
    return assignments.update(request.params.id, request.params.assignmentId, request.body);
  });

  app.delete<AssignmentParams>('/classes/:id/assignments/:assignmentId', async (request, reply) => {
    const claims = await authenticate(request, tokens);
    await classes.requireTeaching(claims, request.params.id);
    await assignments.delete(request.params.id, request.params.assignmentId);
    return reply.code(204).send();
  });
}
