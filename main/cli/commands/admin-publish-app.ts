import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Command } from 'commander';
import { parseUpdateInfo } from 'electron-updater/out/providers/Provider.js';
import {
  appUpdateInfoSchema,
  channelFileSchema,
  channelFileText,
  DISTRIBUTION_PATHS,
  stagingPercentageSchema,
} from '../../../common/contract/distribution.js';
import type { AppUpdateInfo } from '../../../common/contract/distribution.js';
import { signChannelFile } from '../../core/distribution/app-release-signature.js';
import { SERVER_EMAIL_ENV } from '../server-sign-in.js';
import { print } from '../terminal-output.js';
import { formatPercent, saidHere, text } from '../i18n/cli-i18n.js';
import { refusal } from '../../core/distribution/publish-pack.js';
import { withServerAdmin } from './admin-publish.js';
import { sayIssues } from '../../../common/i18n/input-issues.js';

/** The channel files of an electron-builder output folder, read with electron-updater's own parser. */
async function readReleases(dir: string): Promise<{ channel: string; info: AppUpdateInfo }[]> {
  const channels = (await readdir(dir)).filter((f) => channelFileSchema.safeParse(f).success).sort();
  if (channels.length === 0) throw new Error(text('release-no-channels', { dir }));
  return Promise.all(
    channels.map(async (channel) => {
      const raw = parseUpdateInfo(await readFile(join(dir, channel), 'utf8'), channel, new URL(`file:///${channel}`));
      const info = appUpdateInfoSchema.safeParse(raw, { reportInput: true });
      if (!info.success) throw new Error(`${channel}: ${saidHere(sayIssues(info.error))}`);
      return { channel, info: info.data };
    }),
  );
}

async function put(url: string, accessToken: string, init: RequestInit): Promise<void> {
  const response = await fetch(url, {
    ...init,
    method: 'PUT',
    headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${accessToken}` },
  } as RequestInit);
  if (!response.ok) throw await refusal(response);
}

export interface AppPublication {
  serverUrl: string;
  accessToken: string;
  /** The publisher's secret key (pack-signing.key, PKCS#8 PEM): the apps install what a key they trust signed. */
  privateKey: string;
  stagingPercentage: number;
  /** When the release is dated if its channel file is not (the signature covers the date). */
  now?: () => Date;
  log?: (line: string) => void;
}

/**
 * Publishes an electron-builder output folder: the installers, then each channel file, then its signature. The
 * channel file is signed as the server writes it (channelFileText, the same bytes on both sides), so an app can
 * check the very file it reads. Until the signature is up, apps that download the release do not install it.
 */
export async function publishAppRelease(dir: string, publication: AppPublication): Promise<void> {
  const { serverUrl, accessToken, privateKey, stagingPercentage } = publication;
  const log = publication.log ?? (() => {});
  const releases = await readReleases(dir);
  // Checked before anything is uploaded: a wrong key file fails here, not halfway.
  signChannelFile('latest.yml', '', privateKey);
  const names = new Set(releases.flatMap((r) => r.info.files.map((f) => f.url)));
  for (const name of names) {
    const file = join(dir, name);
    await put(`${serverUrl}${DISTRIBUTION_PATHS.appFiles}/${encodeURIComponent(name)}`, accessToken, {
      headers: { 'content-type': 'application/octet-stream', 'content-length': String((await stat(file)).size) },
      body: Readable.toWeb(createReadStream(file)) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    log(text('release-uploaded', { name }));
  }
  for (const { channel, info } of releases) {
    const dated = { ...info, releaseDate: info.releaseDate ?? (publication.now?.() ?? new Date()).toISOString() };
    await put(`${serverUrl}${DISTRIBUTION_PATHS.appRelease}/${channel}`, accessToken, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ info: dated, stagingPercentage }),
    });
    const signature = signChannelFile(
      channel,
      channelFileText(dated, stagingPercentage, dated.releaseDate),
      privateKey,
    );
    await put(`${serverUrl}${DISTRIBUTION_PATHS.appSignatures}/${channel}`, accessToken, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(signature),
    });
    const share = formatPercent(stagingPercentage / 100);
    log(text('release-published', { version: info.version, channel, share, keyId: signature.keyId }));
  }
}

/**
 * `lionlearn admin publish-app DIR --server URL --key FILE [--staging N]`: the installers electron-builder wrote to
 * DIR and the channel files naming them (latest.yml, latest-linux.yml, latest-mac.yml) uploaded to the class
 * server's app-update feed, each channel file signed with the publisher key packs are signed with.
 */
export function registerAdminPublishApp(admin: Command): void {
  admin
    .command('publish-app <dir>')
    .description(text('help-admin-publish-app'))
    .requiredOption('--server <url>', text('help-option-server'))
    .requiredOption('--key <file>', text('help-admin-publish-app-key'))
    .option('--email <email>', text('help-option-admin-email', { env: SERVER_EMAIL_ENV }))
    .option('--staging <percent>', text('help-admin-publish-app-staging'), '100')
    .action(async (dir: string, options: { server: string; key: string; email?: string; staging: string }) => {
      const staging = stagingPercentageSchema.safeParse(Number(options.staging));
      if (!staging.success) throw new Error(text('staging-invalid'));
      const privateKey = await readFile(options.key, 'utf8');
      await withServerAdmin(options.server, options.email, (serverUrl, accessToken) =>
        publishAppRelease(dir, { serverUrl, accessToken, privateKey, stagingPercentage: staging.data, log: print }),
      );
    });
}
