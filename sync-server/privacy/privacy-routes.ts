import { say } from '../../common/i18n/message.js';
import type { FastifyInstance } from 'fastify';
import * as Y from 'yjs';
import type { ProgressVisibility } from '../../common/contract/privacy.js';
import { syncRootOf } from '../../common/contract/sync-wire.js';
import { projectionToJson } from '../../common/progress-rules/learner-projection.js';
import type { TokenVerifier } from '../accounts/token-verifier.js';
import type { ProjectionStore } from '../dashboard/projection-store.js';
import { parseDocName } from '../documents/doc-names.js';
import { DocStore } from '../documents/doc-store.js';
import { authenticate } from '../http/bearer-auth.js';
import { AuthError } from '../http/server-error.js';
import type { SqlStore } from '../storage/sql-store.js';

const iso = (ms: number | string | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/** A stored document's content as JSON: its one root, by the document's kind. */
function documentContent(name: string, updates: readonly Uint8Array[]): unknown {
  const doc = new Y.Doc();
  try {
    for (const update of updates) Y.applyUpdate(doc, update);
    const key = name.split('/').slice(2).join('/');
    const root = syncRootOf(key);
    return (root.type === 'array' ? doc.getArray(root.name) : doc.getMap(root.name)).toJSON();
  } finally {
    doc.destroy();
  }
}

/**
 * What the server holds about the caller (`GET /me/export`) and who can see their progress
 * (`GET /me/visibility`). Each answers for the signed-in account only: there is no id in the path to change.
 */
export function registerPrivacyRoutes(
  app: FastifyInstance,
  { store, tokens, projections }: { store: SqlStore; tokens: TokenVerifier; projections: ProjectionStore },
): void {
  const docs = new DocStore(store);

  app.get('/me/visibility', async (request, reply): Promise<ProgressVisibility> => {
    const claims = await authenticate(request, tokens);
    const teachers = await store.all<{ class_id: string; class_name: string; teacher_name: string }>(
      `SELECT c.id AS class_id, c.name AS class_name, t.display_name AS teacher_name
       FROM class_members m JOIN classes c ON c.id = m.class_id JOIN accounts t ON t.id = c.teacher_id
       WHERE m.account_id = ? ORDER BY c.name, c.id`,
      [claims.accountId],
    );
    const admins = await store.get<{ n: number }>("SELECT count(*) AS n FROM accounts WHERE role = 'admin'");
    reply.header('cache-control', 'no-store');
    return {
      teachers: teachers.map((t) => ({ classId: t.class_id, className: t.class_name, teacherName: t.teacher_name })),
      admins: Number(admins?.n ?? 0),
    };
  });

  app.get('/me/export', async (request, reply) => {
    const claims = await authenticate(request, tokens);
    const id = claims.accountId;
    const account = await store.get<Record<string, number | string>>(
      `SELECT id, email, display_name, role, status, created_at, password_changed_at FROM accounts WHERE id = ?`,
      [id],
    );
    if (!account) throw new AuthError(say('server-account-gone'));
    const signIns = await store.all<{
      id: string;
      created_at: number;
      revoked_at: number | null;
      revoked_reason: string | null;
    }>(
      'SELECT id, created_at, revoked_at, revoked_reason FROM refresh_families WHERE account_id = ? ORDER BY created_at',
      [id],
    );
    const memberships = await store.all<{ class_id: string; name: string; teacher_name: string; joined_at: number }>(
      `SELECT c.id AS class_id, c.name, t.display_name AS teacher_name, m.joined_at
       FROM class_members m JOIN classes c ON c.id = m.class_id JOIN accounts t ON t.id = c.teacher_id
       WHERE m.account_id = ? ORDER BY m.joined_at`,
      [id],
    );
    const taught = await store.all<{ id: string; name: string; join_code: string; created_at: number }>(
      'SELECT id, name, join_code, created_at FROM classes WHERE teacher_id = ? ORDER BY created_at',
      [id],
    );
    // The id comes from the verified token (a UUID): nothing in it can widen the LIKE.
    const names = await store.all<{ doc: string }>(
      'SELECT doc FROM doc_snapshots WHERE doc LIKE ? UNION SELECT doc FROM doc_updates WHERE doc LIKE ? ORDER BY doc',
      [`u/${id}/%`, `u/${id}/%`],
    );
    const documents = [];
    for (const { doc } of names) {
      if (parseDocName(doc)?.owner !== id) continue;
      documents.push({ name: doc, content: documentContent(doc, (await docs.load(doc)).updates) });
    }
    const { projection, version } = await projections.load(id);
    reply.header('cache-control', 'no-store').header('content-disposition', 'attachment; filename="my-data.json"');
    return {
      exportedAt: new Date().toISOString(),
      account: {
        id: account.id,
        email: account.email,
        displayName: account.display_name,
        role: account.role,
        status: account.status,
        createdAt: iso(account.created_at!),
        passwordChangedAt: iso(account.password_changed_at!),
      },
      signIns: signIns.map((s) => ({
        id: s.id,
        createdAt: iso(s.created_at),
        revokedAt: iso(s.revoked_at),
        revokedReason: s.revoked_reason,
      })),
      memberships: memberships.map((m) => ({
        classId: m.class_id,
        className: m.name,
        teacherName: m.teacher_name,
        joinedAt: iso(m.joined_at),
      })),
      classesTaught: taught.map((c) => ({
        id: c.id,
        name: c.name,
        joinCode: c.join_code,
        createdAt: iso(c.created_at),
      })),
      documents,
      /** What the class dashboard derived from the progress documents. */
      dashboardProjection: version === 0 ? null : projectionToJson(projection),
    };
  });
}
