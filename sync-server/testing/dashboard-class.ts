import { v7 as uuidv7 } from 'uuid';
import type { ProgressEvent } from '../../common/contract/progress.js';
import { termOf, wireName } from '../../common/contract/sync-docs.js';
import { SYNC_ROOTS } from '../../common/contract/sync-wire.js';
import type { ProgressCatalog } from '../../common/progress-rules/catalog.js';
import type { SessionTokens } from '../accounts/sessions.js';
import type { SyncServer } from '../server.js';
import { eventually, stockClient } from './sync-clients.js';
import { login, PASSWORD, request, signedInAdmin, signedInTeacher } from './test-server.js';

/** A small course: one module of two lessons, two exercises and a quiz of two items. */
export const testCatalog: ProgressCatalog = {
  packs: [{ packId: 'py', title: 'Python' }],
  modules: [
    {
      moduleId: 'py/basics',
      packId: 'py',
      title: 'Basics',
      lessons: ['py/hello', 'py/names'],
      exercises: ['py/greet', 'py/sum'],
      quizItems: ['py/q1', 'py/q2'],
    },
  ],
  skillTitles: new Map([
    ['py/printing', 'Printing'],
    ['py/loops', 'Loops'],
  ]),
  itemTitles: new Map([
    ['py/basics', 'Basics'],
    ['py/greet', 'Greet someone'],
    ['py/sum', 'Add them up'],
  ]),
};

export interface Member extends SessionTokens {
  id: string;
}

export interface TestClass {
  admin: SessionTokens;
  teacher: SessionTokens;
  otherTeacher: SessionTokens;
  classId: string;
  otherClassId: string;
  learners: Member[];
}

/** An admin, a teacher with a class of the named learners, and another teacher with a class of their own. */
export async function classWithLearners(server: SyncServer, displayNames: readonly string[]): Promise<TestClass> {
  const admin = await signedInAdmin(server);
  const teacher = await signedInTeacher(server, admin, 'teacher@example.org');
  const otherTeacher = await signedInTeacher(server, admin, 'other@example.org');
  const create = async (token: string, name: string) =>
    (await request(server.app, 'POST', '/classes', { token, body: { name } })).json() as {
      id: string;
      joinCode: string;
    };
  const mine = await create(teacher.accessToken, 'Python 1');
  const theirs = await create(otherTeacher.accessToken, 'Python 2');
  const learners: Member[] = [];
  for (const [i, displayName] of displayNames.entries()) {
    const email = `learner${i}@example.org`;
    const { accountId } = await server.services.registration.register({ email, password: PASSWORD, displayName });
    const session = await login(server.app, email);
    await request(server.app, 'POST', '/classes/join', {
      token: session.accessToken,
      body: { joinCode: mine.joinCode },
    });
    learners.push({ id: accountId, ...session });
  }
  return { admin, teacher, otherTeacher, classId: mine.id, otherClassId: theirs.id, learners };
}

type EventOf<T extends ProgressEvent['type']> = Extract<ProgressEvent, { type: T }>;

/** A progress event as the app records it (the core fills in the same fields). */
export function progressEvent<T extends ProgressEvent['type']>(
  type: T,
  data: EventOf<T>['data'],
  timestamp: string,
): ProgressEvent {
  const values = Object.values(data);
  return {
    eventId: uuidv7(),
    type,
    aggregateId: String(values[0]),
    userId: '00000000-0000-7000-8000-000000000000',
    timestamp,
    data,
    version: 1,
  } as ProgressEvent;
}

/**
 * A learner's device syncing events the way the app does (into their term's progress document, over a real
 * socket); resolves once the dashboard has projected every one of them.
 */
export async function syncProgress(
  server: SyncServer,
  base: string,
  learner: Member,
  events: readonly ProgressEvent[],
) {
  const terms = new Map<string, ProgressEvent[]>();
  for (const e of events) terms.set(termOf(e.timestamp), [...(terms.get(termOf(e.timestamp)) ?? []), e]);
  for (const [term, ofTerm] of terms) {
    const client = stockClient(base, wireName(learner.id, term as never), learner.accessToken);
    await client.synced;
    const map = client.doc.getMap(SYNC_ROOTS.progress.name);
    client.doc.transact(() => {
      for (const e of ofTerm) map.set(e.eventId, { ...e, userId: learner.id });
    });
    await eventually(async () => {
      await server.dashboard.projector.idle();
      const { projection } = await server.dashboard.projections.load(learner.id);
      return ofTerm.every((e) => projection.seen.has(e.eventId));
    });
    client.destroy();
  }
}
