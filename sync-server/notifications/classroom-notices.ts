import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Assignment } from '../../common/contract/assignments.js';
import type { StruggleSignal } from '../../common/progress-rules/struggle.js';
import { asField, say } from '../../common/i18n/message.js';
import type { Said } from '../../common/i18n/message.js';
import type { SqlStore } from '../storage/sql-store.js';
import type { Notifier, ServerNotice } from './notifier.js';

/**
 * The notices other rooms raise, wired by the composition root (server.ts): a new assignment to its class,
 * and a learner who begins to struggle to the teachers of their classes. Each carries a key, so a retried
 * hook is one item; a failed notice is logged, never the caller's failure.
 */
export function classroomNotices(store: SqlStore, notifier: Notifier, log: FastifyBaseLogger) {
  const quietly = (work: Promise<unknown>, what: string) =>
    void work.catch((error: unknown) => log.warn({ err: error }, `could not notify ${what}`));

  return {
    assigned: (assignment: Assignment) =>
      quietly(notifier.notifyClass(assignment.classId, assignmentNotice(assignment)), 'a class of its assignment'),

    struggling: (learnerId: string, signals: readonly StruggleSignal[]) =>
      quietly(
        (async () => {
          const learner = await store.get<{ display_name: string }>('SELECT display_name FROM accounts WHERE id = ?', [
            learnerId,
          ]);
          const classes = await store.all<{ class_id: string }>(
            'SELECT class_id FROM class_members WHERE account_id = ?',
            [learnerId],
          );
          for (const signal of signals) {
            const notice = struggleNotice(learnerId, learner?.display_name ?? say('server-a-learner'), signal);
            // The key is a message id, one per class: a learner in two classes is news to both teachers. Hashed,
            // as an inbox item's id is at most 200 characters and a long exercise id with two UUIDs passes that.
            for (const { class_id } of classes) {
              const key = `struggle:${createHash('sha256').update(`${notice.key}\n${class_id}`).digest('base64url')}`;
              await notifier.notifyTeacher(class_id, { ...notice, key });
            }
          }
        })(),
        'teachers of a struggling learner',
      ),
  };
}

/**
 * Home lists a learner's assignments first: the link takes them there. The due time travels as an instant
 * (`dueAt`), so each learner's app writes it as their locale writes dates.
 */
export const assignmentNotice = (a: Assignment): ServerNotice => ({
  kind: 'new-assignment',
  ...asField('title', say('server-new-assignment', { title: a.title })),
  ...asField('body', a.dueAt === null ? say('server-no-due-date') : dueOn(new Date(a.dueAt).toISOString())),
  link: '#/',
  key: `assignment:${a.id}`,
});

/** "Due …": the app says the instant the learner's way; an older app shows the English with the day alone. */
const dueOn = (dueAt: string): Said => ({
  ...say('notice-assignment-due-body', { dueAt }),
  text: `Due ${dueAt.slice(0, 10)}.`,
});

/** What the teacher reads of a signal: the learner and what they did, in the teacher's language. */
function struggled(name: string | Said, signal: StruggleSignal): Said {
  if (signal.kind === 'repeated-failures')
    return say('server-stuck-failures', { name, exercise: signal.exerciseId, count: signal.failed });
  if (signal.kind === 'heavy-hints')
    return say('server-stuck-hints', { name, exercise: signal.exerciseId, count: signal.hints });
  return signal.days === null
    ? say('server-stuck-inactive-long', { name })
    : say('server-stuck-inactive', { name, count: signal.days });
}

/** A learner without a display name is "a learner" in the teacher's language. */
export function struggleNotice(learnerId: string, name: string | Said, signal: StruggleSignal): ServerNotice {
  const on = 'exerciseId' in signal ? signal.exerciseId : '';
  return {
    kind: 'struggling-learner',
    ...asField('title', say('server-may-be-stuck', { name })),
    ...asField('body', struggled(name, signal)),
    link: '#/classes',
    key: `struggle:${learnerId}:${signal.kind}:${on}`,
  };
}
