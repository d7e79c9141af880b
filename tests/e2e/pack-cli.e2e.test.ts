import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePackFixture } from '../../content-packs/format/pack-fixture.js';
import { UNSAFE } from '../../main/cli/terminal-output.js';
import { runCli, tempDir } from './support/processes.js';

/** Pack-provided text that tries to drive the terminal: CSI, OSC 8 link, OSC 52 clipboard, C1 CSI, bidi override. */
const HOSTILE =
  'Py\x1b[2J\x1b[31mthon\x1b]8;;https://evil.example/\x07link\x1b]8;;\x07\x1b]52;c;cm0gLXJmIH4K\x07\u009b1m\u202Egnp.exe';
const unsafe = new RegExp(UNSAFE.source);

async function keygen() {
  const dir = tempDir('e2e-keys-');
  expect((await runCli(['pack', 'keygen', '--out', dir])).code).toBe(0);
  return { key: join(dir, 'pack-signing.key'), pub: join(dir, 'pack-signing.pub') };
}

async function build(key: string, version: string) {
  const source = writePackFixture({
    id: 'hostile',
    version,
    title: `Pack ${HOSTILE}`,
    description: `About ${HOSTILE}`,
    modules: [
      {
        id: 'basics',
        title: `Module ${HOSTILE}`,
        description: `Describes ${HOSTILE}`,
        lessons: [{ id: 'hello', title: `Hello ${HOSTILE}`, file: 'lessons/hello.md' }],
      },
    ],
  });
  const file = join(tempDir('e2e-lpack-'), 'hostile.lpack');
  expect((await runCli(['pack', 'build', source, '--key', key, '--out', file])).code).toBe(0);
  return file;
}

describe('the CLI with a hostile pack', () => {
  it('prints pack-provided text without escape sequences, and replaces a pinned key only when asked', async () => {
    const dataDir = tempDir('e2e-cli-packs-');
    const cli = (...args: string[]) => runCli(['--data-dir', dataDir, ...args]);
    const [first, second] = [await keygen(), await keygen()];
    const outputs: string[] = [];
    const run = async (...args: string[]) => {
      const result = await cli(...args);
      outputs.push(result.stdout, result.stderr);
      return result;
    };

    expect((await run('trust', 'add', first.pub, '--label', `One ${HOSTILE}`)).code).toBe(0);
    expect((await run('trust', 'add', second.pub, '--label', `Two ${HOSTILE}`)).code).toBe(0);
    expect((await run('pack', 'install', await build(first.key, '1.0.0'))).code).toBe(0);
    expect((await run('pack', 'list')).stdout).toContain('hostile  Pack Python');
    expect((await run('modules')).stdout).toContain('Module Python');
    expect((await run('search', 'Hello')).stdout).toContain('Hello Python');
    expect((await run('lesson', 'hostile/hello')).stdout).toContain('# Hello Python');
    expect((await run('trust', 'list')).stdout).toContain('One Python');

    // JSON keeps the data whole, as escapes a JSON reader decodes (checked for raw controls below too).
    const json = await cli('modules', '--json');
    expect(json.stdout).not.toMatch(unsafe);
    const modules = JSON.parse(json.stdout) as { id: string; title: string }[];
    expect(modules.find((m) => m.id === 'hostile/basics')?.title).toBe(`Module ${HOSTILE}`);

    const other = await build(second.key, '2.0.0');
    const refused = await run('pack', 'install', other);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/pinned to key [0-9a-f]{16} \(One Python.*signed by key [0-9a-f]{16} \(Two Python/);
    const replaced = await run('pack', 'install', other, '--replace-key');
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toMatch(
      /Replaced the signing key of hostile: it was pinned to key [0-9a-f]{16}, now to key [0-9a-f]{16}/,
    );

    for (const output of outputs) expect(output).not.toMatch(unsafe);
    expect(outputs.join('')).not.toContain('evil.example');
  });
});
