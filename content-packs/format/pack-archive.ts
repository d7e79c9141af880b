import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, gzipSync } from 'node:zlib';
import { extract, pack } from 'tar-stream';
import { z } from 'zod';
import { packPathSchema } from './manifest.js';
import { loadPackFromFiles, loadPackSource, MANIFEST_FILE, referencedFiles } from './pack-source.js';
import type { LoadedPack } from './pack-source.js';
import { checkSignature, signatureSchema, signBytes } from './signing.js';
import type { PackSignature } from './signing.js';

const CONTENTS = 'contents.json';
const SIGNATURE = 'contents.sig';
const PAYLOAD = 'pack/';

/** The signed part of a pack: what it is and the hash of every file in it. */
export const contentsSchema = z.strictObject({
  format: z.literal('lionlearn-pack'),
  formatVersion: z.literal(1),
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
  archiveBytes: number;
  fileBytes: number;
  totalBytes: number;
  files: number;
}

export const DEFAULT_LIMITS: ArchiveLimits = {
  archiveBytes: 1024 ** 3,
  fileBytes: 64 * 1024 ** 2,
  totalBytes: 2 * 1024 ** 3,
  files: 100_000,
};

export class PackArchiveError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`Cannot use ${file}: ${detail}. Nothing was installed or changed.`);
    this.name = 'PackArchiveError';
  }
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

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

/** Signs and packs the given files as they are; buildPackArchive is the checked way in. */
export async function writeSignedArchive(
  files: ReadonlyMap<string, Buffer>,
  identity: { packId: string; version: string },
  privateKeyPem: string,
): Promise<Buffer> {
  const paths = [...files.keys()].sort();
  const contents: PackContents = {
    format: 'lionlearn-pack',
    formatVersion: 1,
    ...identity,
    files: paths.map((path) => ({ path, size: files.get(path)!.length, sha256: sha256(files.get(path)!) })),
  };
  const contentsBytes = Buffer.from(JSON.stringify(contents, null, 2));
  const signatureBytes = Buffer.from(JSON.stringify(signBytes(contentsBytes, privateKeyPem), null, 2));

  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on('data', (chunk) => void chunks.push(chunk as Buffer));
  const done = new Promise<void>((resolve, reject) => tar.on('end', () => resolve()).on('error', reject));
  tar.entry(header(CONTENTS, contentsBytes.length), contentsBytes);
  tar.entry(header(SIGNATURE, signatureBytes.length), signatureBytes);
  for (const path of paths) tar.entry(header(PAYLOAD + path, files.get(path)!.length), files.get(path)!);
  tar.finalize();
  await done;
  return gzipSync(Buffer.concat(chunks), { level: 9 });
}

export interface ReadProgress {
  bytes: number;
  total: number;
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

async function readEntry(entry: AsyncIterable<unknown>, limit: number, file: string, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const data of entry) {
    const chunk = data as Buffer;
    size += chunk.length;
    if (size > limit) throw new PackArchiveError(file, `${name} is larger than allowed`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function parseJson<T>(schema: z.ZodType<T>, bytes: Buffer, file: string, name: string): T {
  try {
    return schema.parse(JSON.parse(bytes.toString('utf8')));
  } catch (error) {
    const detail = error instanceof z.ZodError ? z.prettifyError(error) : (error as Error).message;
    throw new PackArchiveError(file, `its ${name} is malformed (${detail})`);
  }
}

/**
 * Verifies an .lpack while streaming it: the signature over the contents list first, then every
 * file's size and hash. Links, unexpected or duplicate entries, and anything over the limits are
 * refused. Verified files land in `extractTo`; on any error the caller discards that folder.
 */
export async function readPackArchive(file: string, options: ReadOptions): Promise<VerifiedPack> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const total = await stat(file).then(
    (s) => s.size,
    () => {
      throw new PackArchiveError(file, 'the file does not exist or cannot be read');
    },
  );
  if (total > limits.archiveBytes) throw new PackArchiveError(file, `it is ${total} bytes, over the limit`);

  let read = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      read += chunk.length;
      options.onProgress?.({ bytes: read, total });
      callback(null, chunk);
    },
  });
  const tar = extract();
  const feeding = pipeline(createReadStream(file), counter, createGunzip(), tar);
  // It may fail while the loop below awaits a write; the loop or the final await reports it.
  feeding.catch(() => undefined);

  let contents: PackContents | undefined;
  let signature: PackSignature | undefined;
  const expected = new Map<string, { size: number; sha256: string }>();
  const files = new Map<string, Buffer>();
  const folders = new Map<string, Promise<unknown>>();
  const writes: Promise<void>[] = [];
  // Files are written while the stream goes on; each folder is made once.
  const write = (path: string, bytes: Buffer) => {
    const target = join(options.extractTo, path);
    const folder = dirname(target);
    if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
    const done = folders.get(folder)!.then(() => writeFile(target, bytes, { flag: 'wx' }));
    done.catch(() => undefined);
    writes.push(done);
  };
  try {
    for await (const entry of tar) {
      const { name, type, size } = entry.header;
      if (type !== 'file')
        throw new PackArchiveError(file, `it holds a ${type} entry "${name}"; packs hold plain files only`);
      if (!contents) {
        if (name !== CONTENTS) throw new PackArchiveError(file, `it does not start with ${CONTENTS}; it is not a pack`);
        contents = parseJson(contentsSchema, await readEntry(entry, 16 * 1024 ** 2, file, name), file, CONTENTS);
        if (contents.files.length > limits.files) throw new PackArchiveError(file, 'it lists more files than allowed');
        const sum = contents.files.reduce((n, f) => n + f.size, 0);
        if (sum > limits.totalBytes) throw new PackArchiveError(file, `it unpacks to ${sum} bytes, over the limit`);
        for (const f of contents.files) expected.set(PAYLOAD + f.path, f);
        if (expected.size !== contents.files.length) throw new PackArchiveError(file, 'it lists a file twice');
        continue;
      }
      if (!signature) {
        if (name !== SIGNATURE) throw new PackArchiveError(file, 'it is not signed');
        signature = parseJson(signatureSchema, await readEntry(entry, 4096, file, name), file, 'signature');
        const check = checkSignature(Buffer.from(JSON.stringify(contents, null, 2)), signature, options.trusted);
        if (!check.ok) throw new PackArchiveError(file, check.reason);
        continue;
      }
      const want = expected.get(name);
      if (!want) throw new PackArchiveError(file, `it holds "${name}", which its signed contents do not list`);
      const path = name.slice(PAYLOAD.length);
      if (files.has(path)) throw new PackArchiveError(file, `it holds "${name}" twice`);
      if (size !== want.size || size > limits.fileBytes) {
        throw new PackArchiveError(file, `"${name}" does not have the size its signed contents give`);
      }
      const bytes = await readEntry(entry, want.size, file, name);
      if (sha256(bytes) !== want.sha256) throw new PackArchiveError(file, `"${name}" was changed after signing`);
      files.set(path, bytes);
      write(path, bytes);
    }
    await feeding;
    await Promise.all(writes);
  } catch (error) {
    tar.destroy();
    await feeding.catch(() => undefined);
    // Let started writes settle, so the caller's cleanup of extractTo finds every file.
    await Promise.allSettled(writes);
    if (error instanceof PackArchiveError) throw error;
    throw new PackArchiveError(file, `the archive is truncated or corrupt (${(error as Error).message})`);
  }
  if (!contents || !signature) throw new PackArchiveError(file, 'the archive is empty or truncated');
  const missing = [...expected.keys()].filter((name) => !files.has(name.slice(PAYLOAD.length)));
  if (missing.length > 0)
    throw new PackArchiveError(file, `it is missing ${missing.length} listed file(s), e.g. "${missing[0]}"`);
  return { contents, signature, files };
}

/**
 * Verifies an .lpack into `options.extractTo` and loads it as a pack: signature, hashes, then the
 * manifest's own rules (schema, ids, prerequisites, referenced files).
 */
export async function verifyPackFile(file: string, options: ReadOptions): Promise<VerifiedPack & { pack: LoadedPack }> {
  const verified = await readPackArchive(file, options);
  const pack = await loadPackFromFiles(verified.files, file).catch((error: Error) => {
    throw new PackArchiveError(file, error.message.replace(`Pack ${file}: `, ''));
  });
  if (pack.manifest.id !== verified.contents.packId || pack.manifest.version !== verified.contents.version) {
    throw new PackArchiveError(file, 'its manifest does not match its signed contents');
  }
  return { ...verified, pack };
}
