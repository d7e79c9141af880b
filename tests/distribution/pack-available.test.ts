import { describe, expect, it } from 'vitest';
import type { DistributionStatus } from '../../common/contract/distribution.js';
import type { NotificationList } from '../../common/contract/notifications.js';
import { generateSigningKeys } from '../../content-packs/format/signing.js';
import { appMachine, classServer, lpack, SERVER_ADMIN, SERVER_LEARNER } from './support/feed-machines.js';

const publisher = generateSigningKeys();
const otherPublisher = generateSigningKeys();

/** The server (trusting both publishers), its admin's app publishing, and a learner's app with course 1.0.0. */
async function lab() {
  const { origin } = await classServer([publisher, otherPublisher]);
  const head = await appMachine(origin, SERVER_ADMIN);
  const publish = async (file: string) =>
    head.value('publishPack', { session: head.admin, learnerSession: head.session, file });
  // The learner's machine trusts only the first publisher.
  const learner = await appMachine(origin, SERVER_LEARNER, [publisher]);
  await learner.value('installPack', { session: learner.admin, file: await lpack(publisher, 'course', '1.0.0') });
  const titles = async () =>
    (await learner.value<NotificationList>('listNotifications', { session: learner.session })).items.map(
      (item) => item.title,
    );
  const pull = () => learner.value<DistributionStatus>('pullPacksNow');
  return { publish, titles, pull };
}

describe('a pack update on the class server that is not installed yet', { timeout: 30_000 }, () => {
  it('tells the learner once that a new version is available when the pull cannot install it', async () => {
    const { publish, titles, pull } = await lab();
    // Signed by a key the server trusts and this machine does not: it waits for this machine's admin.
    await publish(await lpack(otherPublisher, 'course', '2.0.0'));
    expect((await pull()).outcomes).toMatchObject([{ packId: 'course', version: '2.0.0', status: 'refused' }]);
    await pull();
    await pull();
    const available = (await titles()).filter((t) => t === 'A new version of course is available');
    expect(available).toHaveLength(1);
  });

  it('says nothing of availability for an update the pull installs: the learner hears it was installed', async () => {
    const { publish, titles, pull } = await lab();
    await publish(await lpack(publisher, 'course', '1.1.0'));
    expect((await pull()).outcomes).toMatchObject([{ packId: 'course', version: '1.1.0', status: 'installed' }]);
    const heard = await titles();
    expect(heard).toContain('Course updated: course 1.1.0');
    expect(heard.filter((t) => t.includes('new version'))).toEqual([]);
  });

  it('tells of each newer version once: a second refused version is a second notice', async () => {
    const { publish, titles, pull } = await lab();
    await publish(await lpack(otherPublisher, 'course', '2.0.0'));
    await pull();
    await publish(await lpack(otherPublisher, 'course', '2.1.0'));
    await pull();
    expect((await titles()).filter((t) => t.startsWith('A new version of course'))).toHaveLength(2);
  });
});
