import type { Memberships } from '../classes/memberships.js';
import type { AccessClaims } from '../accounts/token-verifier.js';
import type { DocName } from './doc-names.js';

export type Access = 'write' | 'read' | 'none';

/**
 * Who may open a document, and how: the owner reads and writes their own documents; a teacher reads the
 * progress documents of the members of their classes (never writes them); an admin reads every document
 * and writes inboxes (notifications). Everything else is refused.
 */
export async function accessTo(
  claims: AccessClaims,
  doc: DocName,
  memberships: Pick<Memberships, 'teacherOf'>,
): Promise<Access> {
  if (claims.accountId === doc.owner) return 'write';
  if (claims.role === 'admin') return doc.kind === 'inbox' ? 'write' : 'read';
  if (claims.role === 'teacher' && doc.kind === 'progress') {
    return (await memberships.teacherOf(claims.accountId, doc.owner)) ? 'read' : 'none';
  }
  return 'none';
}
