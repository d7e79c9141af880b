import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { parseUpdateInfo } from 'electron-updater/out/providers/Provider.js';
import { channelSignatureName } from '../../../common/contract/distribution.js';
import { checkSignature, signatureSchema, signBytes } from '../../../content-packs/format/signing.js';
import type { PackSignature } from '../../../content-packs/format/signing.js';

/**
 * The bytes a channel file's signature covers: a prefix, the channel's name, then the file. The name is in so that
 * a signature of latest-mac.yml does not pass for latest-linux.yml; the prefix so that nothing else signed with the
 * same publisher key (a pack) passes for a channel file.
 */
export function signedChannelBytes(channel: string, channelFile: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`lionlearn-app-channel\n${channel}\n`, 'utf8'), channelFile]);
}

/** The publisher's signature of a channel file (`lionlearn admin publish-app --key`), with the pack signing key. */
export function signChannelFile(channel: string, channelFile: string, privateKeyPem: string): PackSignature {
  return signBytes(signedChannelBytes(channel, Buffer.from(channelFile, 'utf8')), privateKeyPem);
}

export interface DownloadedUpdate {
  /** The feed's folder URL (updateFeedUrl), where the channel file and its signature are. */
  feedUrl: string;
  /** The channel file electron-updater read (channelFileFor). */
  channel: string;
  /** The version electron-updater says it downloaded. */
  version: string;
  /** The downloaded installer (electron-updater's `downloadedFile`). */
  file: string;
}

export type UpdateVerdict = { ok: true; keyId: string } | { ok: false; reason: string };

async function fetchBytes(url: string): Promise<Buffer | null> {
  const response = await fetch(url, { headers: { 'cache-control': 'no-cache' } });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

async function sha512AndSize(file: string): Promise<{ sha512: string; size: number }> {
  const hash = createHash('sha512');
  await pipeline(createReadStream(file), hash);
  return { sha512: hash.digest('base64'), size: (await stat(file)).size };
}

/**
 * Whether a download electron-updater finished may be installed. electron-updater checked it only against the
 * channel file from the class server, which anyone who can link a profile, or answer on the LAN, may control; so
 * this fetches the channel file and its signature again, and says yes only when a key this machine's admin
 * trusts signed that channel file, the file is of the version downloaded, and it names the downloaded file's very
 * SHA-512 and size. Any other answer says why, for the log and the machine admin.
 */
export async function verifyDownloadedUpdate(
  update: DownloadedUpdate,
  trusted: ReadonlyMap<string, string>,
): Promise<UpdateVerdict> {
  const base = update.feedUrl.replace(/\/+$/, '');
  const [channelFile, signatureFile] = await Promise.all([
    fetchBytes(`${base}/${update.channel}`),
    fetchBytes(`${base}/${channelSignatureName(update.channel)}`),
  ]);
  if (!channelFile) return { ok: false, reason: `the class server has no ${update.channel} any more` };
  if (!signatureFile) {
    return {
      ok: false,
      reason: `${update.channel} is not signed: publish the release with lionlearn admin publish-app --key`,
    };
  }
  let signature: PackSignature;
  try {
    signature = signatureSchema.parse(JSON.parse(signatureFile.toString('utf8')));
  } catch {
    return { ok: false, reason: `${channelSignatureName(update.channel)} is not a signature` };
  }
  const checked = checkSignature(signedChannelBytes(update.channel, channelFile), signature, trusted);
  if (!checked.ok) return { ok: false, reason: `${update.channel}: ${checked.reason}` };

  // Read as electron-updater reads it, so both see the same release.
  const info = parseUpdateInfo(channelFile.toString('utf8'), update.channel, new URL(`${base}/${update.channel}`));
  if (info.version !== update.version) {
    return {
      ok: false,
      reason: `the signed ${update.channel} is of version ${info.version}, the download says ${update.version}`,
    };
  }
  const downloaded = await sha512AndSize(update.file);
  const named = (info.files ?? []).some((f) => f.sha512 === downloaded.sha512 && f.size === downloaded.size);
  if (!named) {
    return {
      ok: false,
      reason: `the downloaded file is not one the signed ${update.channel} names (SHA-512 or size differ)`,
    };
  }
  return { ok: true, keyId: checked.keyId };
}
