import { describe, expect, it } from 'vitest';
import { coreTranslate, createCoreI18n } from '../../common/i18n/translator.js';
import { generateSigningKeys } from '../../content-packs/format/signing.js';
import { appMachine, classServer, lpack, SERVER_ADMIN, SERVER_LEARNER } from './support/feed-machines.js';

const publisher = generateSigningKeys();
const stranger = generateSigningKeys();

/** The machine's admin publishes through the profile linked as `email`. */
async function publisherApp(origin: string, email: string) {
  const app = await appMachine(origin, email);
  const publish = (file: string) => app.call('publishPack', { session: app.admin, learnerSession: app.session, file });
  return { ...app, publish };
}

describe('publishing a pack on the class server from the app', { timeout: 30_000 }, () => {
  it('publishes as the linked admin account: the feed then lists it, and progress went out', async () => {
    const { origin, feed } = await classServer([publisher]);
    const app = await publisherApp(origin, SERVER_ADMIN);
    const result = await app.publish(await lpack(publisher, 'course', '1.0.0'));
    expect(result).toMatchObject({ ok: true, value: { packId: 'course', version: '1.0.0', status: 'published' } });
    expect(await feed()).toMatchObject([{ packId: 'course', version: '1.0.0' }]);
    const progress = app.events.flatMap((e) => (e.type === 'pack-publish-progress' ? [e] : []));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)!.bytes).toBe(progress.at(-1)!.total);
  });

  it('refuses in the core, before any upload, when the linked account is not a server admin', async () => {
    const { origin, feed } = await classServer([publisher]);
    const app = await publisherApp(origin, SERVER_LEARNER);
    const result = await app.publish(await lpack(publisher, 'course', '1.0.0'));
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!result.ok) {
      expect(result.error.message).toMatch(/Only a class server admin account publishes packs.*as a learner/);
    }
    expect(app.events.filter((e) => e.type === 'pack-publish-progress')).toEqual([]);
    expect(await feed()).toEqual([]);
  });

  it("passes on the server's refusal of a key its trust store lacks, in the server's words", async () => {
    const { origin, feed } = await classServer([publisher]);
    const app = await publisherApp(origin, SERVER_ADMIN);
    const result = await app.publish(await lpack(stranger, 'course', '1.0.0'));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!result.ok) {
      expect(result.error.message).toMatch(
        /did not publish it: .*not trusted here; the class server's admin must copy/,
      );
      // The server's reason nested as its catalog message: a German admin reads all of it in German.
      const german = coreTranslate(createCoreI18n('de'))(result.error.messageI18n!, result.error.message);
      expect(german).toMatch(
        /hat es nicht veröffentlicht: Der Klassenserver hat die Paketdatei abgelehnt: sie ist mit Schlüssel [0-9a-f]{16} signiert, dem hier nicht vertraut wird; der Admin des Klassenservers muss/,
      );
    }
    expect(await feed()).toEqual([]);
  });
});
