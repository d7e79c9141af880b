import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, gzipSync } from 'node:zlib';
import { extract, pack } from 'tar-stream';
import { z } from 'zod';
import { say } from '../../common/i18n/message.js';
import type { Said } from '../../common/i18n/message.js';
import { packPathSchema } from './manifest.js';
import { loadPackFromFiles, loadPackSource, MANIFEST_FILE, PackFormatError, referencedFiles } from './pack-source.js';
import type { LoadedPack } from './pack-source.js';
import { parseJsonAs } from './parse-json.js';
import { reasonOf } from './pack-reason.js';
import { PACK_FORMAT_VERSION, readSeal, writeSeal } from './pack-seal.js';
import type { SealStatement } from './pack-seal.js';
import type { PackSignature } from './signing.js';

const CONTENTS = 'contents.json';
const PAYLOAD = 'pack/';
/** The most contents.json may take; it lists paths, sizes and hashes only. */
const CONTENTS_LIMIT = 16 * 1024 ** 2;

/** What a pack holds: its identity and the size and hash of every file in it (sealed with the rest). */
export const contentsSchema = z.strictObject({
  format: z.literal('lionlearn-pack'),
  formatVersion: z.literal(PACK_FORMAT_VERSION),
  packId: z.string(),
  version: z.string(),
  files: z
    .array(
      z.strictObject({
        path: packPathSchema,
        size: z.number().int().nonnegative(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .min(1),
});
export type PackContents = z.infer<typeof contentsSchema>;

export interface ArchiveLimits {
  /** The .lpack file itself. */
  archiveBytes: number;
  /** Any one file in the pack. */
  fileBytes: number;
  /** Everything the pack unpacks to. */
  totalBytes: number;
  files: number;
}

export const DEFAULT_LIMITS: ArchiveLimits = {
  archiveBytes: 1024 ** 3,
  fileBytes: 64 * 1024 ** 2,
  totalBytes: 2 * 1024 ** 3,
  files: 100_000,
};

/**
 * A pack file refused; `said` is the whole sentence as a catalog message, for the core's LearnError, and
 * `reason` its reason alone, for a reader that names the file its own way (the class server).
 */
export class PackArchiveError extends Error {
  readonly said: Said;
  constructor(
    readonly file: string,
    readonly reason: Said,
  ) {
    const said = say('pack-file-refused', { file, reason });
    super(said.text);
    this.said = said;
    this.name = 'PackArchiveError';
  }
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * A size as a message, "67,108,864 bytes (64 MiB)" in English and "67.108.864 Bytes (64 MiB)" in German: a limit
 * as the admin would set it and as the file measures.
 */
export const bytesSaid = (n: number): Said => {
  const mib = n / 1024 ** 2;
  return n >= 1024 ** 2
    ? say('size-bytes-mib', { bytes: n, mib: Number.isInteger(mib) ? mib : Number(mib.toFixed(1)) })
    : say('size-bytes', { bytes: n });
};

// Fixed headers make the archive a function of the content alone: same source, same bytes.
const header = (name: string, size: number) => ({
  name,
  size,
  mode: 0o644,
  mtime: new Date(0),
  uid: 0,
  gid: 0,
  uname: '',
  gname: '',
  type: 'file' as const,
});

/** Builds a signed .lpack from a pack source folder, after checking the source. */
export async function buildPackArchive(sourceDir: string, privateKeyPem: string): Promise<Buffer> {
  const source = await loadPackSource(sourceDir);
  const paths = [MANIFEST_FILE, ...new Set(referencedFiles(source.manifest))];
  const files = new Map(paths.map((path) => [path, source.files.get(path)!]));
  return writeSignedArchive(files, { packId: source.manifest.id, version: source.manifest.version }, privateKeyPem);
}

/** Packs the given files as they are into a gzipped tar (contents.json first); no checks, no seal. */
export async function writeTarGz(
  files: ReadonlyMap<string, Buffer>,
  identity: { packId: string; version: string },
): Promise<{ gzip: Buffer; tarBytes: number }> {
  const paths = [...files.keys()].sort();
  const contents: PackContents = {
    format: 'lionlearn-pack',
    formatVersion: PACK_FORMAT_VERSION,
    ...identity,
    files: paths.map((path) => ({ path, size: files.get(path)!.length, sha256: sha256(files.get(path)!) })),
  };
  const contentsBytes = Buffer.from(JSON.stringify(contents, null, 2));
  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on('data', (chunk) => void chunks.push(chunk as Buffer));
  const done = new Promise<void>((resolve, reject) => tar.on('end', () => resolve()).on('error', reject));
  tar.entry(header(CONTENTS, contentsBytes.length), contentsBytes);
  for (const path of paths) tar.entry(header(PAYLOAD + path, files.get(path)!.length), files.get(path)!);
  tar.finalize();
  await done;
  const tarBytes = Buffer.concat(chunks);
  return { gzip: gzipSync(tarBytes, { level: 9 }), tarBytes: tarBytes.length };
}

/** The gzip stream followed by its seal: the signature covers every byte of the file before it. */
export function sealArchive(
  { gzip, tarBytes }: { gzip: Buffer; tarBytes: number },
  identity: { packId: string; version: string },
  privateKeyPem: string,
): Buffer {
  const statement: SealStatement = {
    format: 'lionlearn-pack',
    formatVersion: PACK_FORMAT_VERSION,
    ...identity,
    gzipBytes: gzip.length,
    gzipSha256: sha256(gzip),
    tarBytes,
  };
  return Buffer.concat([gzip, writeSeal(statement, privateKeyPem)]);
}

/** Signs and packs the given files as they are; buildPackArchive is the checked way in. */
export async function writeSignedArchive(
  files: ReadonlyMap<string, Buffer>,
  identity: { packId: string; version: string },
  privateKeyPem: string,
): Promise<Buffer> {
  return sealArchive(await writeTarGz(files, identity), identity, privateKeyPem);
}

export interface ReadProgress {
  /** Bytes of the file read so far, of `total`. */
  bytes: number;
  total: number;
  /** Bytes decompressed so far (never more than the seal declares). */
  unpacked: number;
}

export interface ReadOptions {
  /** Trusted public keys (PEM) by key id. */
  trusted: ReadonlyMap<string, string>;
  /** A folder that does not exist yet; the verified files are written there. */
  extractTo: string;
  limits?: ArchiveLimits;
  onProgress?: (progress: ReadProgress) => void;
}

export interface VerifiedPack {
  contents: PackContents;
  signature: PackSignature;
  /** The verified files, by path in the pack (also written under extractTo). */
  files: Map<string, Buffer>;
}

async function readEntry(entry: AsyncIterable<unknown>, limit: number, tooLarge: () => Error): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const data of entry) {
    const chunk = data as Buffer;
    size += chunk.length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Counts (and passes on) the bytes of a stream; `over` may refuse a chunk that goes past a bound. */
function counting(count: (chunk: Buffer) => Error | null): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const error = count(chunk);
      callback(error, error ? undefined : chunk);
    },
  });
}

/**
 * Verifies an .lpack. First its seal, from the file's last bytes and before anything is
 * decompressed: signed by a trusted key, the file exactly as long as signed. Then, streaming, the
 * sealed gzip stream's hash, decompressing no more than the tar size the seal declares, and every
 * file's size and hash. Links, unexpected or duplicate entries, and anything over the limits are
 * refused. Verified files land in `extractTo`; on any error the caller discards that folder.
 */
export async function readPackArchive(file: string, options: ReadOptions): Promise<VerifiedPack> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const size = await stat(file).then(
    (s) => s.size,
    () => {
      throw new PackArchiveError(file, say('pack-file-unreadable'));
    },
  );
  if (size > limits.archiveBytes) {
    throw new PackArchiveError(
      file,
      say('pack-file-over-limit', { size: bytesSaid(size), limit: bytesSaid(limits.archiveBytes) }),
    );
  }
  const seal = await readSeal(file, size, options.trusted).catch((error: Error) => {
    throw new PackArchiveError(file, reasonOf(error));
  });
  const { statement } = seal;
  // The limit on what a pack unpacks to, plus room for the tar's own headers (a few blocks per file).
  const tarLimit = limits.totalBytes + (limits.files + 1) * 2048 + CONTENTS_LIMIT;
  if (statement.tarBytes > tarLimit) {
    throw new PackArchiveError(
      file,
      say('pack-seal-declares-over-limit', {
        size: bytesSaid(statement.tarBytes),
        limit: bytesSaid(limits.totalBytes),
      }),
    );
  }

  const hash = createHash('sha256');
  let read = 0;
  let unpacked = 0;
  const report = () => options.onProgress?.({ bytes: read, total: statement.gzipBytes, unpacked });
  const compressed = counting((chunk) => {
    hash.update(chunk);
    read += chunk.length;
    report();
    return null;
  });
  // Unpacking stops at the size the seal declares: nothing after the archive is decompressed.
  const decompressed = counting((chunk) => {
    if (unpacked + chunk.length > statement.tarBytes)
      return new PackArchiveError(file, say('pack-unpacks-past-seal', { size: bytesSaid(statement.tarBytes) }));
    unpacked += chunk.length;
    return null;
  });
  const tar = extract();
  const source = createReadStream(file, { start: 0, end: statement.gzipBytes - 1 });
  const feeding = pipeline(source, compressed, createGunzip(), decompressed, tar);
  // It may fail while the entries are read; reading them or the final await reports it.
  feeding.catch(() => undefined);
  const writes: Promise<void>[] = [];
  try {
    let unpackedPack: UnpackedEntries;
    try {
      unpackedPack = await unpackEntries(tar, file, statement, limits, extractingTo(options.extractTo, writes));
      await feeding;
      await Promise.all(writes);
    } catch (error) {
      tar.destroy();
      await feeding.catch(() => undefined);
      // Let started writes settle, so the caller's cleanup of extractTo finds every file.
      await Promise.allSettled(writes);
      // Say "changed" when the bytes are not the signed ones: hash what was not read (without unpacking it).
      const digest = await hashRange(file, read, statement.gzipBytes, hash).catch(() => undefined);
      if (digest !== statement.gzipSha256) throw new PackArchiveError(file, say('pack-changed-after-signing'));
      if (error instanceof PackArchiveError) throw error;
      throw new PackArchiveError(file, say('pack-archive-corrupt', { detail: (error as Error).message }));
    }
    // Hashed as it was read: the bytes unpacked are the bytes signed, even if the file changed since the seal was read.
    if (read !== statement.gzipBytes || hash.digest('hex') !== statement.gzipSha256)
      throw new PackArchiveError(file, say('pack-changed-after-signing'));
    if (unpacked !== statement.tarBytes) {
      throw new PackArchiveError(file, say('pack-unpacks-other-size', { unpacked, declared: statement.tarBytes }));
    }
    const { contents, files, expected } = unpackedPack;
    const missing = [...expected.keys()].filter((name) => !files.has(name.slice(PAYLOAD.length)));
    if (missing.length > 0)
      throw new PackArchiveError(file, say('pack-missing-listed-files', { count: missing.length, path: missing[0]! }));
    return { contents, signature: seal.signature, files };
  } finally {
    // Reported per chunk read, and once more at the end with the exact bytes unpacked.
    report();
  }
}

/** Writes verified files under `root` while the stream goes on, making each folder once. */
function extractingTo(root: string, writes: Promise<void>[]): (path: string, bytes: Buffer) => void {
  const folders = new Map<string, Promise<unknown>>();
  return (path, bytes) => {
    const target = join(root, path);
    const folder = dirname(target);
    if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
    const done = folders.get(folder)!.then(() => writeFile(target, bytes, { flag: 'wx' }));
    done.catch(() => undefined);
    writes.push(done);
  };
}

interface UnpackedEntries {
  contents: PackContents;
  files: Map<string, Buffer>;
  expected: Map<string, { size: number; sha256: string }>;
}

/** Reads the tar's entries: contents.json first, then only the files it lists, each of its size and hash. */
async function unpackEntries(
  tar: ReturnType<typeof extract>,
  file: string,
  statement: SealStatement,
  limits: ArchiveLimits,
  write: (path: string, bytes: Buffer) => void,
): Promise<UnpackedEntries> {
  let contents: PackContents | undefined;
  const expected = new Map<string, { size: number; sha256: string }>();
  const files = new Map<string, Buffer>();
  for await (const entry of tar) {
    const { name, type, size } = entry.header;
    if (type !== 'file') throw new PackArchiveError(file, say('pack-entry-not-file', { type: String(type), name }));
    if (!contents) {
      if (name !== CONTENTS) throw new PackArchiveError(file, say('pack-no-contents-first', { file: CONTENTS }));
      const bytes = await readEntry(
        entry,
        CONTENTS_LIMIT,
        () =>
          new PackArchiveError(
            file,
            say('pack-contents-over-limit', { file: CONTENTS, limit: bytesSaid(CONTENTS_LIMIT) }),
          ),
      );
      try {
        contents = parseJsonAs(contentsSchema, bytes.toString('utf8'), CONTENTS);
      } catch (error) {
        throw new PackArchiveError(file, reasonOf(error));
      }
      checkContents(file, contents, statement, limits);
      for (const f of contents.files) expected.set(PAYLOAD + f.path, f);
      if (expected.size !== contents.files.length) throw new PackArchiveError(file, say('pack-lists-file-twice'));
      continue;
    }
    const want = expected.get(name);
    if (!want) throw new PackArchiveError(file, say('pack-entry-unlisted', { name }));
    const path = name.slice(PAYLOAD.length);
    if (files.has(path)) throw new PackArchiveError(file, say('pack-entry-twice', { name }));
    if (size !== want.size) throw new PackArchiveError(file, say('pack-entry-other-size', { name }));
    const bytes = await readEntry(
      entry,
      want.size,
      () => new PackArchiveError(file, say('pack-entry-too-large', { name })),
    );
    if (sha256(bytes) !== want.sha256) throw new PackArchiveError(file, say('pack-entry-changed', { name }));
    files.set(path, bytes);
    write(path, bytes);
  }
  if (!contents) throw new PackArchiveError(file, say('pack-archive-empty'));
  return { contents, files, expected };
}

/** Feeds bytes [start, end) of a file into a running hash and returns its digest. */
async function hashRange(file: string, start: number, end: number, hash: Hash): Promise<string> {
  if (start < end)
    for await (const chunk of createReadStream(file, { start, end: end - 1 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The list inside must agree with the seal and stay within every limit, each named when hit. */
function checkContents(file: string, contents: PackContents, statement: SealStatement, limits: ArchiveLimits): void {
  if (contents.packId !== statement.packId || contents.version !== statement.version)
    throw new PackArchiveError(file, say('pack-contents-other-pack', { file: CONTENTS }));
  if (contents.files.length > limits.files) {
    throw new PackArchiveError(
      file,
      say('pack-too-many-files', {
        count: contents.files.length,
        limit: limits.files,
      }),
    );
  }
  const biggest = contents.files.reduce((a, b) => (b.size > a.size ? b : a));
  if (biggest.size > limits.fileBytes) {
    throw new PackArchiveError(
      file,
      say('pack-one-file-over-limit', {
        path: biggest.path,
        size: bytesSaid(biggest.size),
        limit: bytesSaid(limits.fileBytes),
      }),
    );
  }
  // Case-insensitive and normalizing file systems (macOS, Windows) would write two such paths to one file.
  const folded = new Map<string, string>();
  for (const { path } of contents.files) {
    const key = path.normalize('NFC').toLowerCase();
    const other = folded.get(key);
    if (other !== undefined && other !== path)
      throw new PackArchiveError(file, say('pack-paths-collide', { first: other, second: path }));
    folded.set(key, path);
  }
  const folders = new Set(
    contents.files.flatMap(({ path }) =>
      path
        .split('/')
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
    ),
  );
  const clash = contents.files.find(({ path }) => folders.has(path));
  if (clash) throw new PackArchiveError(file, say('pack-file-and-folder', { path: clash.path }));
  const sum = contents.files.reduce((n, f) => n + f.size, 0);
  if (sum > limits.totalBytes) {
    throw new PackArchiveError(
      file,
      say('pack-total-over-limit', { size: bytesSaid(sum), limit: bytesSaid(limits.totalBytes) }),
    );
  }
}

/**
 * Verifies an .lpack into `options.extractTo` and loads it as a pack: signature, hashes, then the
 * manifest's own rules (schema, ids, prerequisites, referenced files).
 */
export async function verifyPackFile(file: string, options: ReadOptions): Promise<VerifiedPack & { pack: LoadedPack }> {
  const verified = await readPackArchive(file, options);
  // The source's reason as the archive's: "Cannot use FILE: REASON", not "Pack FILE:" inside it.
  const pack = await loadPackFromFiles(verified.files, file).catch((error: unknown) => {
    throw new PackArchiveError(file, error instanceof PackFormatError ? error.reason : reasonOf(error));
  });
  if (pack.manifest.id !== verified.contents.packId || pack.manifest.version !== verified.contents.version) {
    throw new PackArchiveError(file, say('pack-manifest-not-contents'));
  }
  return { ...verified, pack };
}
