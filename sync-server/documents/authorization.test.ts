import { describe, expect, it } from 'vitest';
import type { AccessClaims } from '../accounts/token-verifier.js';
import { accessTo } from './authorization.js';
import { parseDocName } from './doc-names.js';

const learner = '11111111-1111-4111-8111-111111111111';
const member = '22222222-2222-4222-8222-222222222222';
const outsider = '33333333-3333-4333-8333-333333333333';
const teacher = '44444444-4444-4444-8444-444444444444';
const admin = '55555555-5555-4555-8555-555555555555';

const claims = (accountId: string, role: AccessClaims['role']): AccessClaims => ({
  accountId,
  role,
  family: 'f',
  expiresAt: Date.now() + 60_000,
});
/** The class: the teacher teaches `member` only. */
const memberships = { teacherOf: async (t: string, l: string) => t === teacher && l === member };
const doc = (owner: string, kind: string) => parseDocName(`u/${owner}/${kind}`)!;

describe('accessTo', () => {
  it.each([
    ['learner', learner, 'learner', learner, 'notes', 'write'],
    ['learner', learner, 'learner', learner, 'progress/2024-1', 'write'],
    ['learner', learner, 'learner', member, 'notes', 'none'],
    ['learner', learner, 'learner', member, 'progress/2024-1', 'none'],
    ['teacher', teacher, 'teacher', member, 'progress/2024-2', 'read'],
    ['teacher', teacher, 'teacher', member, 'notes', 'none'],
    ['teacher', teacher, 'teacher', member, 'inbox', 'none'],
    ['teacher', teacher, 'teacher', member, 'prefs', 'none'],
    ['teacher', teacher, 'teacher', outsider, 'progress/2024-2', 'none'],
    ['teacher', teacher, 'teacher', teacher, 'notes', 'write'],
    ['admin', admin, 'admin', learner, 'notes', 'read'],
    ['admin', admin, 'admin', learner, 'progress/2030-1', 'read'],
    ['admin', admin, 'admin', learner, 'prefs', 'read'],
    ['admin', admin, 'admin', learner, 'inbox', 'write'],
    ['admin', admin, 'admin', admin, 'notes', 'write'],
    ['a learner on the admin', learner, 'learner', admin, 'inbox', 'none'],
    ['a learner on a teacher', member, 'learner', teacher, 'progress/2024-1', 'none'],
  ] as const)('%s %s (%s) on %s/%s: %s', async (_who, id, role, owner, kind, expected) => {
    expect(await accessTo(claims(id, role), doc(owner, kind), memberships)).toBe(expected);
  });
});
