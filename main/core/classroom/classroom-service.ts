import { assignmentSchema } from '../../../common/contract/assignments.js';
import type { LearnService } from '../../../common/contract/api.js';
import {
  JOIN_CODE_LENGTH,
  myClassesSchema,
  normalizeJoinCode,
  taughtClassSchema,
} from '../../../common/contract/classes.js';
import { classDetailSchema } from '../../../common/contract/classroom.js';
import type { Classroom } from '../../../common/contract/classroom.js';
import { LearnError } from '../../../common/contract/errors.js';
import { say } from '../../../common/i18n/message.js';
import type { ClassServerAccess } from '../sync/sync-service.js';
import type { AssignmentProgress } from './assignment-progress.js';
import type { CachedClassroom, ClassroomCache } from './classroom-cache.js';
import { callClassServer } from './class-server-client.js';
import type { HttpMethod } from './class-server-client.js';
import { z } from 'zod';

export type ClassroomApi = Pick<
  LearnService,
  | 'getClassroom'
  | 'joinClass'
  | 'leaveClass'
  | 'listTaughtClasses'
  | 'createClass'
  | 'getClassDetail'
  | 'removeClassMember'
  | 'renewJoinCode'
  | 'createAssignment'
  | 'deleteAssignment'
>;

interface Deps {
  learnerOf: (session: string) => string;
  /** The learner's sync link, if any (no network). */
  linkOf: (learnerId: string) => { serverUrl: string; accountId: string } | undefined;
  /** A fresh access token to the learner's class server (may refresh over the network). */
  access: (learnerId: string) => Promise<ClassServerAccess>;
  cache: ClassroomCache;
  progress: AssignmentProgress;
  now: () => Date;
}

const NOT_SIGNED_IN: Classroom = {
  serverUrl: null,
  role: null,
  classes: [],
  assignments: [],
  updatedAt: null,
  offline: null,
};

/** Reads an answer against the contract: a server that answers something else is reported, not trusted. */
const read = <T>(schema: z.ZodType<T>, answer: unknown): T => {
  const parsed = schema.safeParse(answer);
  if (!parsed.success) throw new LearnError('unavailable', say('class-server-unreadable'));
  return parsed.data;
};

/**
 * The classroom as the app sees it: the learner's classes and assignments (fetched from their class server as
 * them, saved for offline, each assignment with the learner's own status from their local progress), and the
 * teacher's class management, which the server authorizes.
 */
export function createClassroomService(deps: Deps): ClassroomApi {
  const { learnerOf, linkOf, access, cache, progress, now } = deps;

  const call = async (learnerId: string, method: HttpMethod, path: string, body?: unknown) => {
    const { serverUrl, token } = await access(learnerId);
    return callClassServer(serverUrl, method, path, { token, ...(body === undefined ? {} : { body }) });
  };

  const view = (learnerId: string, serverUrl: string, entry: CachedClassroom, offline: string | null): Classroom => {
    const names = new Map(entry.mine.classes.map((c) => [c.id, c.name]));
    return {
      serverUrl,
      role: entry.role,
      classes: entry.mine.classes,
      assignments: entry.mine.assignments.map((assignment) => ({
        ...assignment,
        className: names.get(assignment.classId) ?? '',
        status: progress.statusOf(learnerId, assignment),
      })),
      updatedAt: entry.updatedAt,
      offline,
    };
  };

  const classroom = async (learnerId: string): Promise<Classroom> => {
    const link = linkOf(learnerId);
    if (!link) return NOT_SIGNED_IN;
    try {
      const { serverUrl, accountId, token, role } = await access(learnerId);
      const mine = read(myClassesSchema, await callClassServer(serverUrl, 'GET', '/classes/mine', { token }));
      const entry = { role, mine, updatedAt: now().toISOString() };
      cache.save(learnerId, { serverUrl, accountId }, entry);
      return view(learnerId, serverUrl, entry, null);
    } catch (error) {
      // Offline (or the sign-in needs renewing): the saved lists, saying why they may be old.
      if (!(error instanceof LearnError) || !['unavailable', 'forbidden'].includes(error.code)) throw error;
      const saved = cache.load(learnerId, link);
      if (!saved) return { ...NOT_SIGNED_IN, serverUrl: link.serverUrl, offline: error.message };
      return view(learnerId, link.serverUrl, saved, error.message);
    }
  };

  return {
    getClassroom: async ({ session }) => classroom(learnerOf(session)),

    joinClass: async ({ session, joinCode }) => {
      const learnerId = learnerOf(session);
      const code = normalizeJoinCode(joinCode);
      // Checked here too, so a short or long code is told in plain words before the server is asked.
      if (code.length !== JOIN_CODE_LENGTH || !/^[A-Z0-9]+$/.test(code)) {
        throw new LearnError('invalid-input', say('join-code-shape', { length: JOIN_CODE_LENGTH }));
      }
      if (!linkOf(learnerId)) throw new LearnError('forbidden', say('class-sign-in-first'));
      await call(learnerId, 'POST', '/classes/join', { joinCode: code });
      return classroom(learnerId);
    },

    leaveClass: async ({ session, classId }) => {
      const learnerId = learnerOf(session);
      const { accountId } = await access(learnerId);
      await call(learnerId, 'DELETE', `/classes/${classId}/members/${accountId}`);
      return classroom(learnerId);
    },

    listTaughtClasses: async ({ session }) =>
      read(z.object({ classes: z.array(taughtClassSchema) }), await call(learnerOf(session), 'GET', '/classes/taught'))
        .classes,

    createClass: async ({ session, name }) => {
      const learnerId = learnerOf(session);
      const { id } = read(z.object({ id: z.string() }), await call(learnerId, 'POST', '/classes', { name }));
      const taught = read(
        z.object({ classes: z.array(taughtClassSchema) }),
        await call(learnerId, 'GET', '/classes/taught'),
      );
      const created = taught.classes.find((c) => c.id === id);
      if (!created) throw new LearnError('unavailable', say('class-not-listed'));
      return created;
    },

    getClassDetail: async ({ session, classId }) => {
      const learnerId = learnerOf(session);
      const [members, assignments] = await Promise.all([
        call(learnerId, 'GET', `/classes/${classId}/members`),
        call(learnerId, 'GET', `/classes/${classId}/assignments`),
      ]);
      return read(classDetailSchema, { ...(members as object), ...(assignments as object) });
    },

    removeClassMember: async ({ session, classId, accountId }) => {
      await call(learnerOf(session), 'DELETE', `/classes/${classId}/members/${accountId}`);
      return null;
    },

    renewJoinCode: async ({ session, classId }) =>
      read(z.object({ joinCode: z.string() }), await call(learnerOf(session), 'POST', `/classes/${classId}/join-code`)),

    createAssignment: async ({ session, classId, assignment }) =>
      read(assignmentSchema, await call(learnerOf(session), 'POST', `/classes/${classId}/assignments`, assignment)),

    deleteAssignment: async ({ session, classId, assignmentId }) => {
      await call(learnerOf(session), 'DELETE', `/classes/${classId}/assignments/${assignmentId}`);
      return null;
    },
  };
}
