import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DISTRIBUTION_PATHS } from '../../common/contract/distribution.js';
import { generateSigningKeys } from '../../content-packs/format/signing.js';
import type { SigningKeys } from '../../content-packs/format/signing.js';
import type { SyncServer } from '../../sync-server/server.js';
import { signedInAdmin, startTestServer } from '../../sync-server/testing/test-server.js';
import { publishAppRelease } from '../../main/cli/commands/admin-publish-app.js';
import { verifyDownloadedUpdate } from '../../main/core/distribution/app-release-signature.js';

// The whole path of a signed app release: `lionlearn admin publish-app` (its function) signs and uploads an
// electron-builder output folder to a real class server; the app's check reads it back over HTTP and judges a
// downloaded file against the keys a machine admin trusts.
const servers: SyncServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.app.close()));
});

const CHANNEL = 'latest-linux.yml';
const INSTALLER = 'Lionagi-Learn-1.2.0.AppImage';

const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64');

/** What electron-builder writes: the installer and a YAML channel file naming it. */
function builderOutput(version: string, installer: Buffer, channels = [CHANNEL]): string {
  const dir = mkdtempSync(join(tmpdir(), 'builder-out-'));
  writeFileSync(join(dir, INSTALLER), installer);
  for (const channel of channels) {
    writeFileSync(
      join(dir, channel),
      [
        `version: ${version}`,
        'files:',
        `  - url: ${INSTALLER}`,
        `    sha512: ${sha512(installer)}`,
        `    size: ${installer.length}`,
        `path: ${INSTALLER}`,
        `sha512: ${sha512(installer)}`,
        `releaseDate: '2026-12-01T10:00:00.000Z'`,
        '',
      ].join('\n'),
    );
  }
  return dir;
}

async function classServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'app-trust-'));
  const server = await startTestServer({ dataDir });
  servers.push(server);
  const origin = await server.app.listen({ port: 0, host: '127.0.0.1' });
  const admin = await signedInAdmin(server);
  const publish = (dir: string, keys: SigningKeys, stagingPercentage = 100) =>
    publishAppRelease(dir, {
      serverUrl: origin,
      accessToken: admin.accessToken,
      privateKey: keys.privateKey,
      stagingPercentage,
    });
  /** The feed's files on the server's disk, as someone with a hand on the server would change them. */
  const onDisk = (name: string) => join(dataDir, 'distribution', 'app', name);
  return { origin, admin, publish, onDisk, feedUrl: `${origin}${DISTRIBUTION_PATHS.appFeed}` };
}

/** The downloaded installer, as electron-updater leaves it in its cache. */
function downloaded(bytes: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'download-')), INSTALLER);
  writeFileSync(file, bytes);
  return file;
}

const trusting = (...keys: SigningKeys[]) => new Map(keys.map((k) => [k.keyId, k.publicKey]));

describe('an app update is installed only when a trusted publisher signed it', { timeout: 30_000 }, () => {
  const publisher = generateSigningKeys();
  const installer = randomBytes(200_000);

  it('accepts the release as published and signed, with the rollout the admin chose', async () => {
    const { publish, feedUrl } = await classServer();
    await publish(builderOutput('1.2.0', installer), publisher, 40);
    const verdict = await verifyDownloadedUpdate(
      { feedUrl, channel: CHANNEL, version: '1.2.0', file: downloaded(installer) },
      trusting(publisher),
    );
    expect(verdict).toEqual({ ok: true, keyId: publisher.keyId });
  });

  it('refuses a release without a signature, or signed by a key this machine does not trust', async () => {
    const { publish, feedUrl, origin, admin } = await classServer();
    const stranger = generateSigningKeys();
    await publish(builderOutput('1.2.0', installer), stranger);
    const update = { feedUrl, channel: CHANNEL, version: '1.2.0', file: downloaded(installer) };
    const untrusted = await verifyDownloadedUpdate(update, trusting(publisher));
    expect(untrusted).toMatchObject({ ok: false });
    expect(!untrusted.ok && untrusted.reason).toContain(`signed by key ${stranger.keyId}, which is not trusted here`);

    // Published again without the signature step (as an older CLI, or a learner's own server, would).
    const republished = await fetch(`${origin}${DISTRIBUTION_PATHS.appRelease}/${CHANNEL}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        info: {
          version: '1.2.0',
          files: [{ url: INSTALLER, sha512: sha512(installer), size: installer.length }],
        },
      }),
    });
    expect(republished.status).toBe(200);
    const unsigned = await verifyDownloadedUpdate(update, trusting(publisher, stranger));
    expect(unsigned).toEqual({
      ok: false,
      reason: `${CHANNEL} is not signed: publish the release with lionlearn admin publish-app --key`,
    });
  });

  it("refuses another channel's signature, and a channel file changed after signing", async () => {
    const { publish, feedUrl, onDisk } = await classServer();
    await publish(builderOutput('1.2.0', installer, [CHANNEL, 'latest.yml']), publisher);
    const update = { feedUrl, channel: CHANNEL, version: '1.2.0', file: downloaded(installer) };
    expect((await verifyDownloadedUpdate(update, trusting(publisher))).ok).toBe(true);

    // latest.yml's valid signature beside latest-linux.yml: both files hold the same bytes here, so only the
    // channel's name in what is signed tells them apart.
    const own = readFileSync(onDisk(`${CHANNEL}.sig`));
    writeFileSync(onDisk(`${CHANNEL}.sig`), readFileSync(onDisk('latest.yml.sig')));
    expect(await verifyDownloadedUpdate(update, trusting(publisher))).toEqual({
      ok: false,
      reason: `${CHANNEL}: its signature does not match its contents`,
    });

    // Its own signature back, but the rollout raised on the server's disk: any change breaks the signature.
    writeFileSync(onDisk(`${CHANNEL}.sig`), own);
    const text = readFileSync(onDisk(CHANNEL), 'utf8');
    writeFileSync(onDisk(CHANNEL), text.replace('"stagingPercentage": 100', '"stagingPercentage": 99'));
    expect(await verifyDownloadedUpdate(update, trusting(publisher))).toEqual({
      ok: false,
      reason: `${CHANNEL}: its signature does not match its contents`,
    });

    // And a signature file that is not one.
    writeFileSync(onDisk(CHANNEL), text);
    writeFileSync(onDisk(`${CHANNEL}.sig`), 'hello');
    expect(await verifyDownloadedUpdate(update, trusting(publisher))).toEqual({
      ok: false,
      reason: `${CHANNEL}.sig is not a signature`,
    });
  });

  it('refuses a download that is not the signed installer, or not of the signed version', async () => {
    const { publish, feedUrl } = await classServer();
    await publish(builderOutput('1.2.0', installer), publisher);
    const swapped = Buffer.from(installer);
    swapped[1000] = swapped[1000]! ^ 0xff;
    expect(
      await verifyDownloadedUpdate(
        { feedUrl, channel: CHANNEL, version: '1.2.0', file: downloaded(swapped) },
        trusting(publisher),
      ),
    ).toEqual({
      ok: false,
      reason: `the downloaded file is not one the signed ${CHANNEL} names (SHA-512 or size differ)`,
    });
    expect(
      await verifyDownloadedUpdate(
        { feedUrl, channel: CHANNEL, version: '1.3.0', file: downloaded(installer) },
        trusting(publisher),
      ),
    ).toEqual({ ok: false, reason: `the signed ${CHANNEL} is of version 1.2.0, the download says 1.3.0` });
  });
});
