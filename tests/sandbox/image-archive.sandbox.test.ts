import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pack } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DockerEngine } from '../../main/core/playground/docker-engine.js';
import { RuntimeImages } from '../../main/core/playground/runtime-images.js';

// A real `docker save` of a one-file image this test makes and removes; no other image is touched.
const docker = (...args: string[]) =>
  execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
const exists = (name: string) => {
  try {
    docker('image', 'inspect', name);
    return true;
  } catch {
    return false;
  }
};
const suffix = randomBytes(4).toString('hex');
const made: string[] = [];

/** Imports a one-file root filesystem as an image with the given name. */
async function tinyImage(name: string): Promise<void> {
  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on('data', (c) => void chunks.push(c as Buffer));
  const done = new Promise<void>((resolve) => tar.on('end', () => resolve()));
  tar.entry({ name: 'hello.txt' }, `tiny image ${suffix}\n`);
  tar.finalize();
  await done;
  execFileSync('docker', ['import', '-', name], { input: Buffer.concat(chunks) });
  made.push(name);
}

function save(name: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'image-save-')), 'image.tar');
  docker('save', '-o', file, name);
  return file;
}

describe('loading a runtime image archive on a real engine', () => {
  let images: RuntimeImages;
  let expected: string;

  beforeAll(() => {
    // A runtime of its own, so its expected tag names no image anyone else uses.
    const runtimes = mkdtempSync(join(tmpdir(), 'runtimes-'));
    mkdirSync(join(runtimes, 'tiny-1'));
    for (const f of ['recipe.sh', 'loader.py', 'harness.py']) writeFileSync(join(runtimes, 'tiny-1', f), suffix);
    images = new RuntimeImages(new DockerEngine(), runtimes, tmpdir());
    expected = images.imageFor('tiny-1');
    made.push(expected);
  });
  afterAll(() => {
    for (const name of made) if (exists(name)) docker('rmi', '-f', name);
  });

  it('refuses an archive that would retag another image, and the engine keeps no such name', async () => {
    const victim = `lionlearn-test-victim-${suffix}:latest`;
    await tinyImage(victim);
    const file = save(victim);
    docker('rmi', victim);
    await expect(images.load('tiny-1', file)).rejects.toThrow(
      new RegExp(`names the image "${victim}", and only "${expected}" may be loaded`),
    );
    expect(exists(victim)).toBe(false);
    expect(exists(expected)).toBe(false);
  });

  it('loads an archive of the runtime image itself', async () => {
    await tinyImage(expected);
    const file = save(expected);
    docker('rmi', expected);
    await images.load('tiny-1', file);
    expect(exists(expected)).toBe(true);
  });
});
