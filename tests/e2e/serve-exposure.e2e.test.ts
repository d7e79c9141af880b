import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { runCli, startProcess, tempDir } from './support/processes.js';

describe('lionlearn serve beyond loopback', () => {
  it('refuses a non-loopback --host without --allow-lan, and says why', async () => {
    for (const host of ['0.0.0.0', '::', '127.evil.example']) {
      const { code, stderr } = await runCli(['--data-dir', tempDir('serve-'), 'serve', '--port', '0', '--host', host]);
      expect({ host, code }).toEqual({ host, code: 1 });
      expect(stderr).toMatch(/--allow-lan/);
      expect(stderr).toMatch(/read and change every learner/);
    }
  });

  it('refuses a LIONLEARN_WEB_TOKEN shorter than 32 characters', async () => {
    const { code, stderr } = await runCli(['--data-dir', tempDir('serve-'), 'serve', '--port', '0'], {
      LIONLEARN_WEB_TOKEN: 'guessable',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('LIONLEARN_WEB_TOKEN is refused: the access token has 9 characters');
  });

  it('listens on every address with --allow-lan, after a warning that says what is exposed', async () => {
    const token = 'lan-token-4f9c2a7e1b0d8c3f6a5e9b2d7c1f0a8e';
    process.env.LIONLEARN_WEB_TOKEN = token;
    const started = await startProcess(
      [
        'bin/lionlearn.js',
        '--data-dir',
        tempDir('serve-lan-'),
        'serve',
        '--port',
        '0',
        '--host',
        '0.0.0.0',
        '--allow-lan',
      ],
      /(WARNING[\s\S]*)running at http:\/\/0\.0\.0\.0:(\d+)\//,
    ).finally(() => delete process.env.LIONLEARN_WEB_TOKEN);
    try {
      const [, warning, port] = started.match;
      expect(warning).toMatch(/every learner's progress/);
      expect(warning).toMatch(/plain HTTP/);
      const call = (headers: Record<string, string>) =>
        fetch(`http://127.0.0.1:${port}/api/call/listLearners`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers },
          body: '{}',
        });
      expect((await call({})).status).toBe(401);
      expect((await call({ Authorization: `Bearer ${token}` })).status).toBe(200);
      // A name someone else's DNS points here (DNS rebinding) is refused even with the token.
      const rebound = await new Promise<number>((resolve, reject) =>
        request({ host: '127.0.0.1', port, path: '/', headers: { Host: `rebind.example:${port}` } }, (response) =>
          resolve(response.statusCode ?? 0),
        )
          .on('error', reject)
          .end(),
      );
      expect(rebound).toBe(421);
    } finally {
      await started.stop();
    }
  });
});
