import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface DownloadTarget {
  url: string;
  accessToken: string;
  sha256: string;
  bytes: number;
  /** Where the finished, checked file goes; `${file}.part` holds what has arrived so far. */
  file: string;
  onProgress?: (bytes: number, total: number) => void;
  signal?: AbortSignal;
}

/** The server answered, but not with the file the feed promised: the partial copy is dropped. */
export class DownloadRefused extends Error {
  override name = 'DownloadRefused';
}

const sizeOf = (file: string) =>
  stat(file).then(
    (s) => s.size,
    () => 0,
  );

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/**
 * Downloads one published file, resuming what an earlier, cut attempt left in `${file}.part` (HTTP Range, with
 * If-Range naming the exact bytes by their SHA-256, so a part of other bytes is never continued). The whole file
 * is then hashed: only a file of the feed's size and SHA-256 is renamed to `file`. A network failure keeps the
 * part for the next attempt; wrong bytes drop it (DownloadRefused).
 */
export async function downloadResumable(target: DownloadTarget): Promise<string> {
  const part = `${target.file}.part`;
  let have = await sizeOf(part);
  if (have > target.bytes) {
    await rm(part, { force: true });
    have = 0;
  }
  if (have < target.bytes) have = await fetchRest(target, part, have);
  target.onProgress?.(have, target.bytes);
  const sha256 = await sha256Of(part);
  if (have !== target.bytes || sha256 !== target.sha256) {
    await rm(part, { force: true });
    throw new DownloadRefused(
      `the file the server sent does not match its feed (SHA-256 ${sha256.slice(0, 12)}…, ${have} bytes; ` +
        `the feed says ${target.sha256.slice(0, 12)}…, ${target.bytes} bytes)`,
    );
  }
  await rename(part, target.file);
  return target.file;
}

/** Appends the rest of the file to `part`; returns the part's size after. */
async function fetchRest(target: DownloadTarget, part: string, have: number): Promise<number> {
  const headers: Record<string, string> = { authorization: `Bearer ${target.accessToken}` };
  if (have > 0) Object.assign(headers, { range: `bytes=${have}-`, 'if-range': `"${target.sha256}"` });
  const response = await fetch(target.url, { headers, ...(target.signal ? { signal: target.signal } : {}) });
  let offset: number;
  if (response.status === 206) {
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(response.headers.get('content-range') ?? '');
    if (!range || Number(range[1]) !== have || Number(range[3]) !== target.bytes) {
      await response.body?.cancel();
      await rm(part, { force: true });
      throw new DownloadRefused('the server answered the resume with another part of the file');
    }
    offset = have;
  } else if (response.status === 200) {
    offset = 0;
  } else if (response.status === 416) {
    // The part is no prefix of this file; start again next time.
    await rm(part, { force: true });
    throw new DownloadRefused('the server refused the resume (416); the download starts again');
  } else {
    await response.body?.cancel();
    throw new Error(`the server answered ${response.status} for ${target.url}`);
  }
  if (!response.body) throw new Error('the server sent no body');
  let written = offset;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      written += chunk.length;
      if (written > target.bytes) {
        callback(new DownloadRefused(`the server sent more than the ${target.bytes} bytes its feed promised`));
        return;
      }
      target.onProgress?.(written, target.bytes);
      callback(null, chunk);
    },
  });
  const body = Readable.fromWeb(response.body as Parameters<typeof Readable.fromWeb>[0]);
  try {
    await pipeline(body, counted, createWriteStream(part, { flags: offset === 0 ? 'w' : 'a' }));
  } catch (error) {
    if (error instanceof DownloadRefused) await rm(part, { force: true });
    throw error;
  }
  return written;
}
