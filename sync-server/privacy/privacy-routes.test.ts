import { afterEach, describe, expect, it } from 'vitest';
import { SYNC_ROOTS } from '../../common/contract/sync-wire.js';
import type { SyncServer } from '../server.js';
import { classWithLearners, progressEvent, syncProgress, testCatalog } from '../testing/dashboard-class.js';
import { listening } from '../testing/documents-app.js';
import { eventually, stockClient } from '../testing/sync-clients.js';
import { request, startTestServer } from '../testing/test-server.js';

let server: SyncServer;
afterEach(() => server.app.close());

describe('privacy', { timeout: 30_000 }, () => {
  it('tells a learner who can see their progress: their classes’ teachers and how many admins', async () => {
    server = await startTestServer({ dashboard: { catalog: testCatalog } });
    const { learners } = await classWithLearners(server, ['Ada']);
    const response = await request(server.app, 'GET', '/me/visibility', { token: learners[0]!.accessToken });
    expect(response.json()).toEqual({
      teachers: [{ classId: expect.any(String), className: 'Python 1', teacherName: 'teacher' }],
      admins: 1,
    });
    expect((await request(server.app, 'GET', '/me/visibility')).statusCode).toBe(401);
  });

  it('exports what the server holds about the caller, documents decoded, and nothing of anyone else', async () => {
    server = await startTestServer({ dashboard: { catalog: testCatalog } });
    const { base } = await listening(server);
    const { learners, teacher } = await classWithLearners(server, ['Ada', 'Bo']);
    const [ada, bo] = learners as [(typeof learners)[0], (typeof learners)[0]];
    const opened = progressEvent('LessonOpened', { lessonId: 'py/hello' }, new Date().toISOString());
    await syncProgress(server, base, ada, [opened]);
    await syncProgress(server, base, bo, [
      progressEvent('LessonOpened', { lessonId: 'py/names' }, new Date().toISOString()),
    ]);
    const notes = stockClient(base, `u/${ada.id}/notes`, ada.accessToken);
    await notes.synced;
    notes.doc.getMap(SYNC_ROOTS.notes.name).set('py/hello', 'my note');
    await eventually(
      async () =>
        (await server.store.get(`SELECT 1 AS x FROM doc_updates WHERE doc = ?`, [`u/${ada.id}/notes`])) !== undefined,
    );
    notes.destroy();

    const response = await request(server.app, 'GET', '/me/export', { token: ada.accessToken });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const exported = response.json();
    expect(exported.account).toMatchObject({
      id: ada.id,
      email: 'learner0@example.org',
      displayName: 'Ada',
      role: 'learner',
    });
    expect(exported.memberships).toEqual([
      { classId: expect.any(String), className: 'Python 1', teacherName: 'teacher', joinedAt: expect.any(String) },
    ]);
    expect(exported.signIns).toHaveLength(1);
    const byName = Object.fromEntries(
      exported.documents.map((d: { name: string; content: unknown }) => [d.name, d.content]),
    );
    expect(byName[`u/${ada.id}/notes`]).toEqual({ 'py/hello': 'my note' });
    const progress = Object.entries(byName).find(([name]) => name.includes('/progress/'))![1] as Record<
      string,
      unknown
    >;
    expect(Object.keys(progress)).toEqual([opened.eventId]);
    expect(exported.dashboardProjection.seen).toEqual([opened.eventId]);
    // Nothing of Bo, of the teacher, and no secret of Ada's own.
    expect(response.body).not.toContain(bo.id);
    expect(response.body).not.toContain('py/names');
    expect(response.body).not.toMatch(/password_hash|scrypt|\$s0\$/);

    const teacherExport = (await request(server.app, 'GET', '/me/export', { token: teacher.accessToken })).json();
    expect(teacherExport.classesTaught).toEqual([
      { id: expect.any(String), name: 'Python 1', joinCode: expect.any(String), createdAt: expect.any(String) },
    ]);
    expect(JSON.stringify(teacherExport)).not.toContain(ada.id);
  });
});
