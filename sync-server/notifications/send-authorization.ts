import { say } from '../../common/i18n/message.js';
import type { Audience } from '../../common/contract/notifications.js';
import type { AccessClaims } from '../accounts/token-verifier.js';
import { ServerError } from '../http/server-error.js';
import type { SqlRunner } from '../storage/sql-store.js';
import { normalizeJoinCode } from '../../common/contract/classes.js';
import type { Recipients } from './message-store.js';

/**
 * Who may send to whom (the authorization matrix's sending cells): a learner to nobody; a teacher to a class
 * they teach or to a member of one; an admin to any class, any account and everyone. Answers the recipients
 * to write, or throws 'forbidden' / 'not-found'. An unknown class and someone else's class get the same
 * answer for a teacher, so a teacher cannot probe which classes exist.
 */
export async function recipientsFor(claims: AccessClaims, audience: Audience, store: SqlRunner): Promise<Recipients> {
  if (claims.role === 'learner') throw new ServerError('forbidden', say('server-send-learner'));
  const admin = claims.role === 'admin';
  switch (audience.to) {
    case 'everyone':
      if (!admin) throw new ServerError('forbidden', say('server-send-everyone-admin'));
      return { kind: 'everyone' };
    case 'class':
    case 'class-code': {
      const found =
        audience.to === 'class'
          ? await store.get<{ id: string; teacher_id: string }>('SELECT id, teacher_id FROM classes WHERE id = ?', [
              audience.classId,
            ])
          : await store.get<{ id: string; teacher_id: string }>(
              'SELECT id, teacher_id FROM classes WHERE join_code = ?',
              [normalizeJoinCode(audience.joinCode)],
            );
      if (!found || (!admin && found.teacher_id !== claims.accountId)) {
        throw new ServerError('forbidden', say('server-send-own-classes'));
      }
      return { kind: 'class', classId: found.id };
    }
    case 'learner': {
      if (!admin) {
        const member = await store.get<{ found: number }>(
          `SELECT 1 AS found FROM class_members m JOIN classes c ON c.id = m.class_id
           WHERE c.teacher_id = ? AND m.account_id = ? LIMIT 1`,
          [claims.accountId, audience.accountId],
        );
        if (!member) throw new ServerError('forbidden', say('server-send-own-learners'));
      }
      const account = await store.get<{ status: string }>('SELECT status FROM accounts WHERE id = ?', [
        audience.accountId,
      ]);
      if (account?.status !== 'active') throw new ServerError('not-found', say('server-no-account-id'));
      return { kind: 'accounts', accountIds: [audience.accountId] };
    }
  }
}
