import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { posix } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';
import { z } from 'zod';
import { parseJsonAs } from '../../../content-packs/format/parse-json.js';

/** The files `docker load` takes image names from: the classic manifest, the legacy one, the OCI index. */
const NAMING_FILES = ['manifest.json', 'repositories', 'index.json'] as const;
type NamingFile = (typeof NAMING_FILES)[number];
const NAMING_FILE_LIMIT = 1024 ** 2;

const manifestSchema = z
  .array(z.looseObject({ RepoTags: z.array(z.string()).nullish() }))
  .length(1, 'it must hold exactly one image');
const repositoriesSchema = z.record(z.string(), z.record(z.string(), z.string()));
const indexSchema = z.looseObject({
  manifests: z
    .array(z.looseObject({ annotations: z.record(z.string(), z.string()).nullish() }))
    .max(1, 'it must hold exactly one image'),
});

export class ImageArchiveError extends Error {
  constructor(file: string, detail: string) {
    super(`The image archive ${file} was not loaded: ${detail}.`);
    this.name = 'ImageArchiveError';
  }
}

async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(2);
    await handle.read(head, 0, 2, 0);
    return head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** Reads the naming files out of a `docker save` archive (.tar or .tar.gz); a second copy of one is refused. */
async function namingFiles(file: string): Promise<Map<NamingFile, string>> {
  const found = new Map<NamingFile, string>();
  const tar = extract();
  const source: Readable = createReadStream(file);
  const feeding = pipeline(source, (await isGzip(file)) ? createGunzip() : new PassThrough(), tar);
  feeding.catch(() => undefined);
  try {
    for await (const entry of tar) {
      // docker load unpacks the archive and reads these from its root, however the entry was spelled.
      const name = posix.normalize(entry.header.name).replace(/^(\.?\/)+/, '') as NamingFile;
      if (!NAMING_FILES.includes(name)) {
        entry.resume();
        continue;
      }
      if (found.has(name)) throw new ImageArchiveError(file, `it holds ${name} twice`);
      if (entry.header.type !== 'file') throw new ImageArchiveError(file, `its ${name} is not a plain file`);
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of entry) {
        size += (chunk as Buffer).length;
        if (size > NAMING_FILE_LIMIT) throw new ImageArchiveError(file, `its ${name} is over 1 MiB`);
        chunks.push(chunk as Buffer);
      }
      found.set(name, Buffer.concat(chunks).toString('utf8'));
    }
    await feeding;
  } catch (error) {
    tar.destroy();
    await feeding.catch(() => undefined);
    if (error instanceof ImageArchiveError) throw error;
    throw new ImageArchiveError(file, `it is not a readable tar archive (${(error as Error).message})`);
  }
  return found;
}

function parse<T>(file: string, name: NamingFile, schema: z.ZodType<T>, text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  try {
    return parseJsonAs(schema, text, name);
  } catch (error) {
    throw new ImageArchiveError(file, (error as Error).message);
  }
}

/**
 * `docker load` applies the names an archive carries to the whole engine, so an archive could
 * retag any image on the host. Before loading, this checks that the archive holds one image named
 * `expected` (repository:tag) or nothing at all, in every file docker load takes names from.
 */
export async function checkImageArchive(file: string, expected: string): Promise<void> {
  const files = await namingFiles(file);
  if (!files.has('manifest.json') && !files.has('index.json'))
    throw new ImageArchiveError(file, 'it has no manifest.json; it was not written by docker save');
  const [repository, tag] = [
    expected.slice(0, expected.lastIndexOf(':')),
    expected.slice(expected.lastIndexOf(':') + 1),
  ];
  const wrong = (name: string, where: string) =>
    new ImageArchiveError(file, `its ${where} names the image "${name}", and only "${expected}" may be loaded`);

  const manifest = parse(file, 'manifest.json', manifestSchema, files.get('manifest.json'));
  for (const name of manifest?.[0]?.RepoTags ?? []) if (name !== expected) throw wrong(name, 'manifest.json');

  const repositories = parse(file, 'repositories', repositoriesSchema, files.get('repositories')) ?? {};
  for (const [repo, tags] of Object.entries(repositories)) {
    for (const t of Object.keys(tags))
      if (repo !== repository || t !== tag) throw wrong(`${repo}:${t}`, 'repositories file');
  }

  const index = parse(file, 'index.json', indexSchema, files.get('index.json'));
  for (const { annotations } of index?.manifests ?? []) {
    const name = annotations?.['io.containerd.image.name'];
    if (name !== undefined && name !== expected && name !== `docker.io/${expected}`) throw wrong(name, 'index.json');
    const ref = annotations?.['org.opencontainers.image.ref.name'];
    if (ref !== undefined && ref !== tag && ref !== expected) throw wrong(ref, 'index.json');
  }
}
