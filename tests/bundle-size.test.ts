import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without types.
import { checkBundleSize } from '../scripts/check-bundle-size.mjs';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A built renderer folder: an entry script, a preloaded chunk and a lazy chunk index.html never names. */
function renderer(entryBytes: Buffer, preloadBytes: Buffer, lazyBytes: Buffer) {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-size-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets/index.js'), entryBytes);
  writeFileSync(join(dir, 'assets/shared.js'), preloadBytes);
  writeFileSync(join(dir, 'assets/Lazy.js'), lazyBytes);
  writeFileSync(
    join(dir, 'index.html'),
    '<script type="module" crossorigin src="./assets/index.js"></script>\n' +
      '<link rel="modulepreload" crossorigin href="./assets/shared.js">\n<link rel="stylesheet" href="./assets/x.css">',
  );
  return dir;
}

describe('the first screen JavaScript budget', () => {
  // Random bytes do not compress, so their gzipped size is about their size.
  it('counts the entry and its preloads, gzipped, and not the lazily loaded screens', () => {
    const dir = renderer(randomBytes(30_000), randomBytes(30_000), randomBytes(500_000));
    const summary = checkBundleSize(dir, 100 * 1024) as string;
    expect(summary).toMatch(/^initial JavaScript 5\d\.\d KB gzipped/);
    expect(summary).toContain('shared.js');
    expect(summary).not.toContain('Lazy.js');
  });

  it('fails the build past the budget, naming each file', () => {
    const dir = renderer(randomBytes(60_000), randomBytes(60_000), Buffer.alloc(0));
    expect(() => checkBundleSize(dir, 100 * 1024)).toThrow(/budget 100\.0 KB.*index\.js.*shared\.js.*React\.lazy/);
  });

  it('refuses a page that loads no script rather than passing it', () => {
    const dir = renderer(Buffer.alloc(0), Buffer.alloc(0), Buffer.alloc(0));
    writeFileSync(join(dir, 'index.html'), '<html></html>');
    expect(() => checkBundleSize(dir)).toThrow(/loads no script/);
  });
});
