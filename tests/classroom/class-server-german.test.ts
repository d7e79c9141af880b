// What a German learner (and teacher) reads of the class server: its refusals, the notices it writes into inboxes,
// and the app's own sign-in and send messages, through the renderer's pipeline (the contract's bridge with every
// reference said by the core catalog in German, renderer/src/learn.ts), against the real server on loopback.
import { describe, expect, it } from 'vitest';
import { createApiClient, localizedBridge } from '../../common/contract/bridge.js';
import type { LearnApi } from '../../common/contract/api.js';
import { coreTranslate, createCoreI18n } from '../../common/i18n/translator.js';
import { localBridge } from '../../main/core/local-bridge.js';
import type { Core } from '../../main/core/create-core.js';
import { registerAccount } from '../../sync-server/testing/test-accounts.js';
import { eventually } from '../../sync-server/testing/sync-clients.js';
import { PASSWORD, request } from '../../sync-server/testing/test-server.js';
import { classServer, device } from './classroom-fixture.js';

const realClock = () => new Date();

/** The app as the renderer calls it, its sentences in German. */
const inGerman = (core: Core): LearnApi =>
  createApiClient(localizedBridge(localBridge(core), coreTranslate(createCoreI18n('de'), 'Europe/Berlin')));

/** The titles and bodies in a learner's inbox, once `count` items have synced in. */
async function inbox(api: LearnApi, session: string, count: number) {
  let items: { title: string; body: string }[] = [];
  await eventually(async () => {
    items = (await api.listNotifications({ session })).items.map(({ title, body }) => ({ title, body }));
    return items.length >= count;
  }, 15_000);
  return items;
}

describe('the class server in German', { timeout: 60_000 }, () => {
  it("says its refusals, its notices and the app's own sign-in messages in German", async () => {
    const { server, url, teacher, stop } = await classServer(realClock);
    const ada = await device(realClock);
    const api = inGerman(ada.core);
    const { session } = ada;

    // Validation details of the contract (zod's issues), per field.
    await expect(api.joinClass({ session, joinCode: '' })).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'joinClass: joinCode: darf nicht leer sein',
    });
    await expect(
      api.linkSyncAccount({ session, serverUrl: 'ftp://x', email: 'ada@example.org', password: PASSWORD }),
    ).rejects.toMatchObject({ message: 'linkSyncAccount: serverUrl: eine Serveradresse wie http://192.168.1.10:4781' });

    // The server's own refusal of a sign-in, and its welcome and a teacher's message in the inbox.
    await registerAccount(server.app, 'ada@example.org');
    await expect(
      api.linkSyncAccount({ session, serverUrl: url, email: 'ada@example.org', password: 'wrong-password' }),
    ).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/^Diese E-Mail-Adresse/) });
    await api.linkSyncAccount({ session, serverUrl: url, email: 'ada@example.org', password: PASSWORD });
    await expect(api.joinClass({ session, joinCode: 'ZZZZ-ZZZZ' })).rejects.toMatchObject({
      code: 'not-found',
      message: 'Keine Klasse hat diesen Beitrittscode; prüfe ihn mit deiner Lehrkraft.',
    });
    const { id: classId, joinCode } = (
      await request(server.app, 'POST', '/classes', { token: teacher.accessToken, body: { name: 'Python 1' } })
    ).json();
    await api.joinClass({ session, joinCode });
    await request(server.app, 'POST', `/classes/${classId}/assignments`, {
      token: teacher.accessToken,
      body: { kind: 'lesson', packId: 'demo', itemId: 'demo/hello', title: 'Hallo lesen', dueAt: null },
    });
    await request(server.app, 'POST', '/notifications', {
      token: teacher.accessToken,
      body: { audience: { to: 'class', classId }, text: 'Bis Freitag.' },
    });
    expect(await inbox(api, session, 3)).toEqual(
      expect.arrayContaining([
        {
          title: 'Willkommen, ada',
          body: 'Dein Fortschritt, deine Notizen und Einstellungen werden jetzt über diesen Server zwischen deinen Geräten synchronisiert.',
        },
        { title: 'Neue Aufgabe: Hallo lesen', body: 'Kein Fälligkeitsdatum.' },
        { title: 'Nachricht von teacher', body: 'Bis Freitag.' },
      ]),
    );

    // A learner's send is refused by the app; a teacher's send to a class not theirs by the server.
    const teacherApp = await device(realClock);
    const tApi = inGerman(teacherApp.core);
    await tApi.linkSyncAccount({
      session: teacherApp.session,
      serverUrl: url,
      email: 'teacher@example.org',
      password: PASSWORD,
    });
    await expect(
      tApi.sendNotification({
        session: teacherApp.session,
        message: { audience: { to: 'class', classId: 'not-a-class' }, text: 'Hallo' },
      }),
    ).rejects.toMatchObject({
      code: 'forbidden',
      message: 'Du kannst nur an die Klassen senden, die du unterrichtest.',
    });

    // The server gone: the linked learner's sync status and a new sign-in say so in German, with the reason.
    await stop();
    let status = await api.getSyncStatus({ session });
    await eventually(async () => {
      status = await api.getSyncStatus({ session });
      return status.state === 'offline';
    }, 15_000);
    expect(status.message).toMatch(/^Offline: .+\. Es wird von selbst erneut versucht\.$/);
    const other = await device(realClock);
    await expect(
      inGerman(other.core).linkSyncAccount({
        session: other.session,
        serverUrl: url,
        email: 'ada@example.org',
        password: PASSWORD,
      }),
    ).rejects.toMatchObject({
      code: 'unavailable',
      message: `Der Klassenserver unter ${url} ist nicht erreichbar: unter dieser Adresse antwortet nichts.`,
    });
  });
});
