import { say } from '../../common/i18n/message.js';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { channelFileText, channelSignatureName } from '../../common/contract/distribution.js';
import type { AppUpdateInfo } from '../../common/contract/distribution.js';
import { ServerError } from '../http/server-error.js';
import { makePrivateDir } from '../storage/private-files.js';

/** An installer of a few hundred MB fits; anything beyond is no installer. */
export const MAX_INSTALLER_BYTES = 2 * 1024 ** 3;

async function sha512Of(file: string): Promise<string> {
  const hash = createHash('sha512');
  await pipeline(createReadStream(file), hash);
  return hash.digest('base64');
}

/**
 * The app-update feed of the class server: the installers an admin uploads and the electron-updater channel files
 * (latest.yml, latest-linux.yml, latest-mac.yml) that name them. A channel file is written only once every file it
 * names is here with the very size and SHA-512 it states, so an app never follows it to a missing or other file.
 * It is written as JSON, which is YAML too: electron-updater reads it with its own parser.
 */
export class AppShelf {
  readonly #files: string;
  readonly #incoming: string;

  constructor(dir: string) {
    this.#files = join(dir, 'app');
    this.#incoming = join(dir, 'incoming');
    makePrivateDir(this.#files);
    makePrivateDir(this.#incoming);
  }

  pathOf(name: string): string {
    return join(this.#files, name);
  }

  async sizeAndTime(name: string): Promise<{ size: number; mtimeMs: number } | undefined> {
    return stat(this.pathOf(name)).then(
      (s) => (s.isFile() ? { size: s.size, mtimeMs: s.mtimeMs } : undefined),
      () => undefined,
    );
  }

  async putInstaller(
    name: string,
    body: NodeJS.ReadableStream,
  ): Promise<{ name: string; size: number; sha512: string }> {
    const work = await mkdtemp(join(this.#incoming, 'installer-'));
    try {
      const upload = join(work, 'upload');
      let size = 0;
      const counted = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          if (size > MAX_INSTALLER_BYTES) {
            callback(new ServerError('invalid-input', say('server-installer-too-large', { size: '2 GiB' })));
            return;
          }
          callback(null, chunk);
        },
      });
      await pipeline(body, counted, createWriteStream(upload, { mode: 0o600 }));
      if (size === 0) throw new ServerError('invalid-input', say('server-installer-body-missing'));
      const sha512 = await sha512Of(upload);
      await rename(upload, this.pathOf(name));
      return { name, size, sha512 };
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  async putRelease(channel: string, info: AppUpdateInfo, stagingPercentage: number): Promise<void> {
    for (const file of info.files) {
      const found = await this.sizeAndTime(file.url);
      if (!found) throw new ServerError('conflict', say('server-release-file-missing', { file: file.url }));
      if (found.size !== file.size || (await sha512Of(this.pathOf(file.url))) !== file.sha512) {
        throw new ServerError('conflict', say('server-release-file-differs', { file: file.url }));
      }
    }
    // The signature of the release before covers other bytes: gone first, so the new release reads as unsigned
    // until its publisher signs it (apps download it then but do not install it).
    await rm(this.pathOf(channelSignatureName(channel)), { force: true });
    const text = channelFileText(info, stagingPercentage, info.releaseDate ?? new Date().toISOString());
    await this.#replace(channel, text);
  }

  /**
   * The publisher's signature of a channel file (JSON, checked against the contract by the route). The server
   * holds no publisher key and does not judge it: each app checks it against the keys its machine admin trusts.
   */
  async putSignature(channel: string, signature: string): Promise<void> {
    if (!(await this.sizeAndTime(channel))) {
      throw new ServerError('conflict', say('server-release-unsigned-first', { channel }));
    }
    await this.#replace(channelSignatureName(channel), signature);
  }

  /** Writes a feed file whole or not at all (an app never reads half of it). */
  async #replace(name: string, text: string): Promise<void> {
    const temp = join(this.#incoming, `${name}.${process.pid}.${Date.now()}`);
    await writeFile(temp, text, { mode: 0o600 });
    await rename(temp, this.pathOf(name));
  }
}
