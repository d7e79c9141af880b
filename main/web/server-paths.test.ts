import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learnApi } from '../../common/contract/api.js';
import { startWebServerFixture, TEST_TOKEN } from './web-server-fixture.js';
import type { WebServerFixture } from './web-server-fixture.js';

/** The keys of a method's input object (through `.optional()`), to find every one that names a file. */
function inputKeys(schema: z.ZodType): string[] {
  let current: unknown = schema;
  while (current && typeof current === 'object' && !('shape' in current) && 'unwrap' in current)
    current = (current as { unwrap(): unknown }).unwrap();
  return current && typeof current === 'object' && 'shape' in current
    ? Object.keys((current as { shape: object }).shape)
    : [];
}

describe('the browser face takes no file path on the machine it runs on', () => {
  let web: WebServerFixture;
  let session: string;
  const call = async (method: string, body: unknown) => {
    const response = await fetch(`${web.base}/api/call/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TEST_TOKEN}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { ok: boolean; value?: unknown } };
  };

  beforeAll(async () => {
    web = await startWebServerFixture();
    const created = await call('createLearner', { profile: { displayName: '$(touch /tmp/owned)' } });
    session = (created.body.value as { session: string }).session;
  });
  afterAll(() => web.close());

  it('refuses an export written where the caller says (over a shell profile, say), and writes nothing', async () => {
    const home = mkdtempSync(join(tmpdir(), 'home-'));
    const target = join(home, '.bashrc');
    const refused = await call('exportLearner', { session, file: target });
    expect(refused).toEqual({
      status: 403,
      body: {
        ok: false,
        error: {
          code: 'forbidden',
          message: expect.stringContaining('file path') as string,
          // The renderer says it in the learner's language.
          messageI18n: { key: 'web-no-server-paths', params: { method: 'exportLearner' } },
        },
      },
    });
    expect(existsSync(target)).toBe(false);
    // Without a path the export goes to the data folder, as the app's own button asks.
    expect(await call('exportLearner', { session })).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('refuses every method whose input names a file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'paths-')), 'any.jsonl');
    writeFileSync(file, '{}\n');
    const withFile = Object.entries(learnApi)
      .filter(([, spec]) => inputKeys(spec.input).includes('file'))
      .map(([method]) => method);
    expect(withFile).toEqual(expect.arrayContaining(['installPack', 'importLearner', 'exportLearner']));
    for (const method of withFile) {
      const response = await call(method, { session, file });
      expect({ method, status: response.status }).toEqual({ method, status: 403 });
    }
  });

  it('refuses a folder on this machine too (installPackFolder), and installs nothing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'stick-'));
    const withFolder = Object.entries(learnApi)
      .filter(([, spec]) => inputKeys(spec.input).includes('folder'))
      .map(([method]) => method);
    expect(withFolder).toEqual(['installPackFolder']);
    // As an unlocked admin, so that only the path rule can refuse it.
    const { session: admin } = (await call('setAdminPassword', { password: 'machine admin pw' })).body.value as {
      session: string;
    };
    const response = await call('installPackFolder', { session: admin, folder });
    expect(response.status).toBe(403);
    expect(JSON.stringify(response.body)).toMatch(/does not take a file path/);
  });
});
