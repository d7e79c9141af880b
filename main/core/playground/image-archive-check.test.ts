import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { checkImageArchive } from './image-archive-check.js';

const EXPECTED = 'lionlearn/python-3.11:0123456789ab';

/** A `docker save`-shaped archive: a layer, a config, and whichever naming files the test gives. */
async function archive(files: Record<string, unknown>, gzip = false): Promise<string> {
  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on('data', (c) => void chunks.push(c as Buffer));
  const done = new Promise<void>((resolve) => tar.on('end', () => resolve()));
  tar.entry({ name: 'abc/layer.tar' }, Buffer.alloc(2048));
  tar.entry({ name: 'abc.json' }, Buffer.from('{}'));
  for (const [name, body] of Object.entries(files)) {
    tar.entry({ name }, typeof body === 'string' ? body : JSON.stringify(body));
  }
  tar.finalize();
  await done;
  const file = join(mkdtempSync(join(tmpdir(), 'image-')), gzip ? 'image.tar.gz' : 'image.tar');
  writeFileSync(file, gzip ? gzipSync(Buffer.concat(chunks)) : Buffer.concat(chunks));
  return file;
}

const manifest = (...RepoTags: string[]) => [{ Config: 'abc.json', RepoTags, Layers: ['abc/layer.tar'] }];

describe('image archives are checked before docker load', () => {
  it.each([
    ['tagged as the runtime expects', { 'manifest.json': manifest(EXPECTED) }],
    ['untagged', { 'manifest.json': [{ Config: 'abc.json', RepoTags: null, Layers: [] }] }],
    ['gzipped', { 'manifest.json': manifest(EXPECTED) }, true],
    [
      'with a matching repositories file',
      { 'manifest.json': manifest(EXPECTED), repositories: { 'lionlearn/python-3.11': { '0123456789ab': 'abc' } } },
    ],
    [
      'with a matching OCI index',
      {
        'manifest.json': manifest(EXPECTED),
        'index.json': {
          manifests: [
            {
              annotations: {
                'io.containerd.image.name': `docker.io/${EXPECTED}`,
                'org.opencontainers.image.ref.name': '0123456789ab',
              },
            },
          ],
        },
      },
    ],
  ] as const)('accepts one image %s', async (_what, files, gzip?: boolean) => {
    await expect(checkImageArchive(await archive(files, gzip === true), EXPECTED)).resolves.toBeUndefined();
  });

  it.each([
    ['another repository', { 'manifest.json': manifest('ubuntu:latest') }, /names the image "ubuntu:latest"/],
    ['another tag', { 'manifest.json': manifest('lionlearn/python-3.11:latest') }, /python-3.11:latest/],
    ['an extra tag', { 'manifest.json': manifest(EXPECTED, 'nginx:stable') }, /"nginx:stable"/],
    ['a gzipped extra tag', { 'manifest.json': manifest(EXPECTED, 'nginx:stable') }, /"nginx:stable"/, true],
    ['two images', { 'manifest.json': [...manifest(EXPECTED), ...manifest(EXPECTED)] }, /exactly one image/],
    [
      'a repositories file naming another image',
      { 'manifest.json': manifest(EXPECTED), repositories: { 'library/debian': { latest: 'abc' } } },
      /repositories file names the image "library\/debian:latest"/,
    ],
    [
      'an OCI index naming another image',
      {
        'manifest.json': manifest(EXPECTED),
        'index.json': { manifests: [{ annotations: { 'io.containerd.image.name': 'docker.io/library/alpine:3' } }] },
      },
      /index.json names the image "docker.io\/library\/alpine:3"/,
    ],
    ['an OCI index with two images', { 'index.json': { manifests: [{}, {}] } }, /exactly one image/],
    [
      'a second manifest.json spelled ./manifest.json',
      { 'manifest.json': manifest(EXPECTED), './manifest.json': manifest('ubuntu:latest') },
      /manifest.json twice/,
    ],
    ['no manifest', {}, /no manifest.json/],
    ['a manifest that is not JSON', { 'manifest.json': 'not json' }, /manifest.json is malformed/],
  ] as const)('refuses %s', async (_what, files, message, gzip?: boolean) => {
    await expect(checkImageArchive(await archive(files, gzip === true), EXPECTED)).rejects.toThrow(message);
  });

  it('refuses a file that is not a tar archive', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'image-')), 'image.tar');
    writeFileSync(file, 'hello, not a tar');
    await expect(checkImageArchive(file, EXPECTED)).rejects.toThrow(/no manifest.json|not a readable tar/);
  });
});
