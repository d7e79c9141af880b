import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Command } from 'commander';
import { parseUpdateInfo } from 'electron-updater/out/providers/Provider.js';
import {
  appUpdateInfoSchema,
  channelFileSchema,
  DISTRIBUTION_PATHS,
  stagingPercentageSchema,
} from '../../../common/contract/distribution.js';
import { print } from '../terminal-output.js';
import { refusal, withServerAdmin } from './admin-publish.js';

/**
 * `lionlearn admin publish-app DIR --server URL [--staging N]`: the installers electron-builder wrote to DIR and the
 * channel files naming them (latest.yml, latest-linux.yml, latest-mac.yml), read with electron-updater's own parser,
 * uploaded to the class server's app-update feed; the channel files last, so no app sees a release before its files.
 */
export function registerAdminPublishApp(admin: Command): void {
  admin
    .command('publish-app <dir>')
    .description('publish an app release (electron-builder output: latest*.yml and installers) on the class server')
    .requiredOption('--server <url>', 'the class server, e.g. http://192.168.1.10:4781')
    .option('--email <email>', 'the server admin account (or LIONLEARN_SERVER_EMAIL)')
    .option('--staging <percent>', 'staged rollout: the share of apps (0-100) offered this release', '100')
    .action(async (dir: string, options: { server: string; email?: string; staging: string }) => {
      const staging = stagingPercentageSchema.safeParse(Number(options.staging));
      if (!staging.success) throw new Error('--staging is a whole number from 0 to 100');
      const channels = (await readdir(dir)).filter((f) => channelFileSchema.safeParse(f).success).sort();
      if (channels.length === 0)
        throw new Error(`${dir} has no latest*.yml: build the app with electron-builder first`);
      const releases = await Promise.all(
        channels.map(async (channel) => {
          const raw = parseUpdateInfo(
            await readFile(join(dir, channel), 'utf8'),
            channel,
            new URL(`file:///${channel}`),
          );
          const info = appUpdateInfoSchema.safeParse(raw);
          if (!info.success) throw new Error(`${channel}: ${info.error.issues.map((i) => i.message).join('; ')}`);
          return { channel, info: info.data };
        }),
      );
      await withServerAdmin(options.server, options.email, async (serverUrl, accessToken) => {
        const auth = { authorization: `Bearer ${accessToken}` };
        const names = new Set(releases.flatMap((r) => r.info.files.map((f) => f.url)));
        for (const name of names) {
          const file = join(dir, name);
          const response = await fetch(`${serverUrl}${DISTRIBUTION_PATHS.appFiles}/${encodeURIComponent(name)}`, {
            method: 'PUT',
            headers: {
              ...auth,
              'content-type': 'application/octet-stream',
              'content-length': String((await stat(file)).size),
            },
            body: Readable.toWeb(createReadStream(file)) as ReadableStream,
            duplex: 'half',
          } as RequestInit);
          if (!response.ok) throw await refusal(response);
          print(`Uploaded ${name}`);
        }
        for (const { channel, info } of releases) {
          const response = await fetch(`${serverUrl}${DISTRIBUTION_PATHS.appRelease}/${channel}`, {
            method: 'PUT',
            headers: { ...auth, 'content-type': 'application/json' },
            body: JSON.stringify({ info, stagingPercentage: staging.data }),
          });
          if (!response.ok) throw await refusal(response);
          print(`Published ${info.version} in ${channel} to ${staging.data}% of the apps`);
        }
      });
    });
}
