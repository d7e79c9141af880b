import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { extract, pack } from 'tar-stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { say } from '../../common/i18n/message.js';
import { coreTranslate, createCoreI18n } from '../../common/i18n/translator.js';
import { writePackFixture } from './pack-fixture.js';
import {
  buildPackArchive,
  DEFAULT_LIMITS,
  bytesSaid,
  PackArchiveError,
  readPackArchive,
  sealArchive,
  writeSignedArchive,
} from './pack-archive.js';
import type { ReadProgress } from './pack-archive.js';
import { SEAL_BYTES } from './pack-seal.js';
import { loadPackSource } from './pack-source.js';
import { generateSigningKeys } from './signing.js';
import type { SigningKeys } from './signing.js';

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
let keys: SigningKeys;
let trusted: Map<string, string>;
let good: Buffer;

beforeAll(async () => {
  keys = generateSigningKeys();
  trusted = new Map([[keys.keyId, keys.publicKey]]);
  good = await buildPackArchive(writePackFixture(), keys.privateKey);
});

function save(bytes: Buffer): string {
  const file = join(temp('lpack-'), 'pack.lpack');
  writeFileSync(file, bytes);
  return file;
}

const read = (bytes: Buffer, options: Partial<Parameters<typeof readPackArchive>[1]> = {}) =>
  readPackArchive(save(bytes), { trusted, extractTo: join(temp('extract-'), 'out'), ...options });

interface Entry {
  name: string;
  body?: Buffer;
  type?: 'file' | 'symlink' | 'link' | 'directory';
  linkname?: string;
}

const gzipOf = (archive: Buffer) => archive.subarray(0, archive.length - SEAL_BYTES);

async function entriesOf(archive: Buffer): Promise<Entry[]> {
  const tar = extract();
  const entries: Entry[] = [];
  const done = (async () => {
    for await (const entry of tar) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      entries.push({ name: entry.header.name, body: Buffer.concat(chunks) });
    }
  })();
  tar.end(gunzipSync(gzipOf(archive)));
  await done;
  return entries;
}

async function tarOf(entries: Entry[]): Promise<Buffer> {
  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on('data', (c) => void chunks.push(c as Buffer));
  const done = new Promise<void>((resolve) => tar.on('end', () => resolve()));
  for (const e of entries) {
    if (e.type && e.type !== 'file') tar.entry({ name: e.name, type: e.type, linkname: e.linkname });
    else tar.entry({ name: e.name }, e.body ?? Buffer.alloc(0));
  }
  tar.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** Packs and seals entries with the trusted key, so a test reaches the checks behind the seal. */
async function craft(entries: Entry[], identity = { packId: 'demo', version: '1.0.0' }): Promise<Buffer> {
  const tar = await tarOf(entries);
  return sealArchive({ gzip: gzipSync(tar), tarBytes: tar.length }, identity, keys.privateKey);
}

describe('pack archives', () => {
  it('build deterministically: same source, same bytes', async () => {
    const source = writePackFixture();
    expect(
      (await buildPackArchive(source, keys.privateKey)).equals(await buildPackArchive(source, keys.privateKey)),
    ).toBe(true);
  });

  it('round-trip: the extracted folder is the same pack', async () => {
    const out = join(temp('extract-'), 'out');
    const progress: number[] = [];
    const verified = await readPackArchive(save(good), {
      trusted,
      extractTo: out,
      onProgress: (p) => progress.push(p.bytes / p.total),
    });
    expect(verified.signature.keyId).toBe(keys.keyId);
    expect(verified.contents).toMatchObject({ packId: 'demo', version: '1.0.0' });
    expect((await loadPackSource(out)).manifest).toEqual((await loadPackSource(writePackFixture())).manifest);
    expect(progress.at(-1)).toBe(1);
  });

  it('refuses a pack signed by a key that is not trusted', async () => {
    const stranger = generateSigningKeys();
    const foreign = await buildPackArchive(writePackFixture(), stranger.privateKey);
    await expect(read(foreign)).rejects.toThrow(new RegExp(`signed by key ${stranger.keyId}, which is not trusted`));
  });

  it('refuses a pack with no seal, as format 1 packs were', async () => {
    await expect(read(gzipOf(good))).rejects.toThrow(/does not end with a pack seal[\s\S]*format 1/);
  });

  it('refuses a seal whose signature does not match its statement', async () => {
    const forged = Buffer.from(good);
    const at = forged.indexOf('"version\\":\\"1.0.0', good.length - SEAL_BYTES);
    expect(at).toBeGreaterThan(0);
    forged.write('"version\\":\\"9.9.9', at);
    await expect(read(forged)).rejects.toThrow(/signature does not match/);
  });

  it('refuses a file changed by one byte after signing (sealed again by the trusted key to reach the hash check)', async () => {
    const entries = await entriesOf(good);
    const lesson = entries.find((e) => e.name.endsWith('hello.md'))!;
    const tampered = Buffer.from(lesson.body!);
    tampered.writeUInt8(tampered.readUInt8(0) ^ 1, 0);
    lesson.body = tampered;
    await expect(read(await craft(entries))).rejects.toThrow(/"pack\/lessons\/hello.md" was changed after signing/);
  });

  it('refuses a flipped byte anywhere in the compressed stream, unpacking no more than the seal declares', async () => {
    const tarBytes = (await tarOf(await entriesOf(good))).length;
    for (const at of [10, Math.floor(good.length / 2), good.length - SEAL_BYTES - 9]) {
      const corrupt = Buffer.from(good);
      corrupt.writeUInt8(corrupt.readUInt8(at) ^ 0xff, at);
      const progress: ReadProgress[] = [];
      await expect(read(corrupt, { onProgress: (p) => progress.push(p) })).rejects.toThrow(
        /it was changed after signing/,
      );
      expect(Math.max(0, ...progress.map((p) => p.unpacked))).toBeLessThanOrEqual(tarBytes);
    }
  });

  it('refuses an archive over the size limit before reading it, naming that limit', async () => {
    await expect(read(good, { limits: { ...DEFAULT_LIMITS, archiveBytes: 100 } })).rejects.toThrow(
      /over the limit for a pack file of 100 bytes/,
    );
  });

  it('refuses contents that unpack to more than allowed, naming that limit', async () => {
    const limits = { ...DEFAULT_LIMITS, totalBytes: 10 };
    await expect(read(good, { limits })).rejects.toThrow(
      /unpacks to [\d,]+ bytes, over the limit for a whole pack of 10 bytes/,
    );
  });

  it('refuses a file over the per-file limit, naming that limit rather than a size mismatch', async () => {
    const limits = { ...DEFAULT_LIMITS, fileBytes: 100 };
    await expect(read(good, { limits })).rejects.toThrow(
      /"[^"]+" is [\d,]+ bytes, over the limit for one file of 100 bytes/,
    );
  });

  it('refuses more files than allowed, naming that limit', async () => {
    const limits = { ...DEFAULT_LIMITS, files: 3 };
    await expect(read(good, { limits })).rejects.toThrow(/lists \d+ files, over the limit of 3 files in a pack/);
  });

  it('names large limits in MiB as well as bytes', () => {
    expect(bytesSaid(64 * 1024 ** 2).text).toBe('67,108,864 bytes (64 MiB)');
    expect(bytesSaid(1.5 * 1024 ** 2).text).toBe('1,572,864 bytes (1.5 MiB)');
    expect(bytesSaid(100).text).toBe('100 bytes');
  });

  it('says sizes and counts in a refusal as German writes numbers, in a German face', async () => {
    const german = coreTranslate(createCoreI18n('de'));
    const sized = bytesSaid(1.5 * 1024 ** 2);
    expect(german(sized, sized.text)).toBe('1.572.864 Bytes (1,5 MiB)');
    const tooBig = await read(good, { limits: { ...DEFAULT_LIMITS, fileBytes: 100 } }).catch((e: unknown) => e);
    if (!(tooBig instanceof PackArchiveError)) throw new Error('expected a refusal');
    expect(german(tooBig.said, tooBig.said.text)).toMatch(
      /„[^“]+“ ist [\d.]+ Bytes groß, über der Grenze für eine Datei von 100 Bytes\. Nichts wurde installiert/,
    );
    const files = 1234;
    const many = say('pack-too-many-files', { count: files, limit: 1000 });
    expect(many.text).toBe('it lists 1,234 files, over the limit of 1,000 files in a pack');
    expect(german(many, many.text)).toBe(
      'sie führt 1.234 Dateien auf, über der Grenze von 1.000 Dateien in einem Paket',
    );
  });

  it.each([
    ['a symlink', { name: 'pack/lessons/link.md', type: 'symlink', linkname: '/etc/passwd' }, /symlink entry/],
    ['a hard link', { name: 'pack/lessons/hard.md', type: 'link', linkname: '/etc/passwd' }, /link entry/],
    ['a path escaping the pack', { name: 'pack/../../escape.md', body: Buffer.from('x') }, /do not list/],
    ['an absolute path', { name: '/etc/cron.d/evil', body: Buffer.from('x') }, /do not list/],
    ['an unlisted file', { name: 'pack/extra.md', body: Buffer.from('x') }, /do not list/],
  ] as const)('refuses %s', async (_what, evil, message) => {
    const extractTo = join(temp('extract-'), 'out');
    const entries = await entriesOf(good);
    await expect(
      read(await craft([...entries.slice(0, 1), evil as Entry, ...entries.slice(1)]), { extractTo }),
    ).rejects.toThrow(message);
    expect(existsSync(join(extractTo, '..', '..', 'escape.md'))).toBe(false);
  });

  it.each([
    [
      'two paths differing in case',
      ['lessons/Hello.md', 'lessons/hello.md'],
      /"lessons\/Hello.md" and "lessons\/hello.md", which are one file/,
    ],
    [
      'two Unicode spellings of one name',
      ['lessons/caf\u00e9.md', 'lessons/cafe\u0301.md'],
      /which are one file on some systems/,
    ],
    ['a path that is a file and a folder', ['lessons', 'lessons/a.md'], /"lessons" as a file and as a folder/],
    ['a "." segment', ['lessons/./a.md'], /name a file plainly/],
    ['an empty segment', ['lessons//a.md'], /name a file plainly/],
    ['a control character', ['lessons/a\u001b[2J.md'], /name a file plainly/],
    ['a Windows stream name', ['lessons/a.md:hidden'], /name a file plainly/],
  ])('refuses signed contents listing %s', async (_what, paths, message) => {
    const files = new Map(paths.map((path) => [path, Buffer.from(path)]));
    const archive = await writeSignedArchive(files, { packId: 'demo', version: '1.0.0' }, keys.privateKey);
    await expect(read(archive)).rejects.toThrow(message);
  });

  it('refuses signed contents that list a path outside the pack', async () => {
    const entries = await entriesOf(good);
    const contents = JSON.parse(entries[0]!.body!.toString());
    contents.files.push({ path: '../outside.md', size: 1, sha256: '0'.repeat(64) });
    entries[0]!.body = Buffer.from(JSON.stringify(contents, null, 2));
    await expect(read(await craft(entries))).rejects.toThrow(/contents.json is malformed[\s\S]*inside the pack/);
  });

  it('refuses a listed file that is missing from the archive', async () => {
    const entries = (await entriesOf(good)).filter((e) => !e.name.endsWith('names.md'));
    await expect(read(await craft(entries))).rejects.toThrow(/missing 1 listed file/);
  });

  it('refuses a file that is not a pack', async () => {
    await expect(read(gzipSync(Buffer.from('hello')))).rejects.toThrow(/does not end with a pack seal/);
    await expect(read(Buffer.from('plain text, not gzip'))).rejects.toThrow(/does not end with a pack seal/);
    const sealedJunk = sealArchive(
      { gzip: Buffer.from('not gzip at all'), tarBytes: 2048 },
      { packId: 'demo', version: '1.0.0' },
      keys.privateKey,
    );
    await expect(read(sealedJunk)).rejects.toThrow(/the archive is corrupt/);
  });

  it('writes nothing outside the folder it was given', async () => {
    const parent = temp('extract-');
    await read(good, { extractTo: join(parent, 'out') });
    expect(readdirSync(parent)).toEqual(['out']);
  });
});
