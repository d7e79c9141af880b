import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleNodeScript, checkoutCacheDir } from '../scripts/node-bundle.mjs';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('bundles of two checkouts that share one node_modules (git worktrees)', () => {
  it('land in folders of their own: each checkout runs the script it built', async () => {
    dir = mkdtempSync(join(tmpdir(), 'checkouts-'));
    mkdirSync(join(dir, 'shared-node_modules'));
    const checkout = (name: string) => {
      const root = join(dir, name);
      mkdirSync(root);
      symlinkSync(join(dir, 'shared-node_modules'), join(root, 'node_modules'));
      writeFileSync(join(root, 'child.ts'), `export const builtFrom: string = '${name}';\n`);
      return root;
    };
    const [main, worktree] = [checkout('main'), checkout('worktree')];
    const built = async (root: string) =>
      bundleNodeScript(join(root, 'child.ts'), join(checkoutCacheDir(root, 'lionlearn-test'), 'child.mjs'));

    const [fromMain, fromWorktree] = [await built(main), await built(worktree)];

    // One node_modules, two folders in it.
    expect(realpathSync(fromMain)).not.toBe(realpathSync(fromWorktree));
    expect(realpathSync(fromMain).startsWith(realpathSync(join(dir, 'shared-node_modules', '.cache')))).toBe(true);
    const builtFrom = async (file: string) =>
      ((await import(pathToFileURL(file).href)) as { builtFrom: string }).builtFrom;
    expect(await builtFrom(fromMain)).toBe('main');
    expect(await builtFrom(fromWorktree)).toBe('worktree');
  });
});
