import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './support/processes.js';

const PASSWORD = 'lab admin 2026';
const NEW_PASSWORD = 'a new lab password';

describe('lionlearn admin and the commands it gates', () => {
  it('asks for the admin password (LIONLEARN_ADMIN_PASSWORD in scripts) once one is set, never on argv', async () => {
    const dataDir = tempDir('cli-admin-');
    const outputs: string[] = [];
    const cli = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
      // No password unless the step gives one; stdin is not a terminal, so nothing can be asked.
      const result = await runCli(['--data-dir', dataDir, ...args], {
        LIONLEARN_ADMIN_PASSWORD: '',
        LIONLEARN_NEW_ADMIN_PASSWORD: '',
        ...env,
      });
      outputs.push(result.stdout, result.stderr);
      return result;
    };
    const asAdmin = { LIONLEARN_ADMIN_PASSWORD: PASSWORD };
    const installed = async () => (await cli(['pack', 'list'])).stdout;

    // A fresh machine: the data folder's owner may, and is told how to protect the machine.
    expect((await cli(['admin', 'status'])).stdout).toContain('No admin password is set');
    expect((await cli(['learner', 'create', 'Jo'])).code).toBe(0);
    const unprotected = await cli(['pack', 'use', 'python-foundations', '0.2.0']);
    expect(unprotected.code).toBe(0);
    expect(unprotected.stderr).toContain('no admin password');

    const set = await cli(['admin', 'set-password'], { LIONLEARN_NEW_ADMIN_PASSWORD: PASSWORD });
    expect(set.code).toBe(0);
    expect((await cli(['admin', 'status'])).stdout).toContain('An admin password is set');

    // Every gated command now needs it: without it, or with a wrong one, nothing changes.
    const gated = [
      ['pack', 'remove', 'python-foundations'],
      ['pack', 'use', 'python-foundations', '0.2.0'],
      ['pack', 'restore', 'python-foundations'],
      ['trust', 'remove', '0123456789abcdef'],
      ['learner', 'remove', 'Jo', '--confirm', 'Jo'],
      ['sandbox', 'load', '/nonexistent.tar'],
    ];
    for (const args of gated) {
      const refused = await cli(args);
      expect({ args, code: refused.code, stderr: refused.stderr }).toEqual({
        args,
        code: 1,
        stderr: expect.stringContaining('set LIONLEARN_ADMIN_PASSWORD or run this in a terminal') as string,
      });
    }
    const wrong = await cli(['pack', 'remove', 'python-foundations'], { LIONLEARN_ADMIN_PASSWORD: 'not it at all' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('That admin password is not right');
    expect(await installed()).toContain('python-foundations');
    expect((await cli(['learner', 'list'])).stdout).toContain('Jo');

    // With it: removed, then restored, saying which version came back.
    expect((await cli(['pack', 'remove', 'python-foundations'], asAdmin)).stdout).toContain(
      'Removed python-foundations',
    );
    expect(await installed()).not.toContain('python-foundations');
    const restored = await cli(['pack', 'restore', 'python-foundations'], asAdmin);
    expect(restored.stdout).toContain(
      'Restored python-foundations 0.2.0 as shipped with the app, pinned to the app again (it was not installed).',
    );
    expect(await installed()).toContain('python-foundations');
    const removed = await cli(['learner', 'remove', 'Jo', '--confirm', 'Jo'], asAdmin);
    expect(removed.stdout).toContain('Removed. Their record is kept in');

    // Changing the password needs the current one.
    const takeover = await cli(['admin', 'set-password'], { LIONLEARN_NEW_ADMIN_PASSWORD: NEW_PASSWORD });
    expect(takeover.code).toBe(1);
    const changed = await cli(['admin', 'set-password'], { ...asAdmin, LIONLEARN_NEW_ADMIN_PASSWORD: NEW_PASSWORD });
    expect(changed.code).toBe(0);
    expect((await cli(['pack', 'use', 'python-foundations', '0.2.0'], asAdmin)).stderr).toContain('not right');
    const after = await cli(['pack', 'use', 'python-foundations', '0.2.0'], { LIONLEARN_ADMIN_PASSWORD: NEW_PASSWORD });
    expect(after.code).toBe(0);

    for (const output of outputs) expect(output).not.toContain(PASSWORD);
  });
});
