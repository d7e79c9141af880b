import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../common/contract/bridge.js';
import { MAX_CODE_CHARS } from '../../../common/contract/playground.js';
import { writePackFixture } from '../../../content-packs/format/pack-fixture.js';
import { createCore } from '../create-core.js';
import type { Core } from '../create-core.js';
import { localBridge } from '../local-bridge.js';

const opened: Core[] = [];
afterEach(() => opened.splice(0).forEach((core) => core.close()));

const EXERCISE = 'demo/count-down';

async function start(dataDir = mkdtempSync(join(tmpdir(), 'drafts-'))) {
  const core = await createCore({
    dataDir,
    appVersion: '1.0.0',
    bundledPacksDir: dirname(writePackFixture()),
    logger: pino({ level: 'silent' }),
  });
  opened.push(core);
  // Through the contract, as every face calls it: inputs validated.
  return { core, api: createApiClient(localBridge(core)), dataDir };
}

describe('exercise drafts', () => {
  it('keeps the code a learner typed, and finds it again after the app restarts on the same data folder', async () => {
    const { core, api, dataDir } = await start();
    const { learner, session } = await api.createLearner({ profile: { displayName: 'Ada' } });
    expect(await api.getDraft({ session, exerciseId: EXERCISE })).toBeNull();
    await api.saveDraft({ session, exerciseId: EXERCISE, code: 'def count_down(n):\n    return []\n' });
    const code = 'def count_down(n):\n    return list(range(n, 0, -1))  # ünïcode 🐍\n';
    const saved = await api.saveDraft({ session, exerciseId: EXERCISE, code });
    expect(saved).toMatchObject({ exerciseId: EXERCISE, code });
    await core.close();
    opened.splice(opened.indexOf(core), 1);

    const again = await start(dataDir);
    const reopened = await again.api.openLearnerSession({ learnerId: learner.id });
    expect(await again.api.getDraft({ session: reopened.session, exerciseId: EXERCISE })).toEqual(saved);
  });

  it('keeps each learner’s drafts to themselves', async () => {
    const { api } = await start();
    const ada = await api.createLearner({ profile: { displayName: 'Ada' } });
    const bob = await api.createLearner({ profile: { displayName: 'Bob' } });
    await api.saveDraft({ session: ada.session, exerciseId: EXERCISE, code: 'ada = 1\n' });
    expect(await api.getDraft({ session: bob.session, exerciseId: EXERCISE })).toBeNull();
    await api.saveDraft({ session: bob.session, exerciseId: EXERCISE, code: 'bob = 2\n' });
    expect((await api.getDraft({ session: ada.session, exerciseId: EXERCISE }))?.code).toBe('ada = 1\n');
    expect((await api.getDraft({ session: bob.session, exerciseId: EXERCISE }))?.code).toBe('bob = 2\n');
    expect(await api.getLastSubmission({ session: bob.session, exerciseId: EXERCISE })).toBeNull();
  });

  it('refuses code over the contract’s limit with a clear error, at the face and where it is stored, and keeps the draft', async () => {
    const { core, api } = await start();
    const { session } = await api.createLearner({ profile: { displayName: 'Ada' } });
    await api.saveDraft({ session, exerciseId: EXERCISE, code: 'kept = True\n' });
    const atLimit = 'x'.repeat(MAX_CODE_CHARS);
    expect((await api.saveDraft({ session, exerciseId: EXERCISE, code: atLimit })).code).toHaveLength(MAX_CODE_CHARS);
    await api.saveDraft({ session, exerciseId: EXERCISE, code: 'kept = True\n' });
    for (const code of ['x'.repeat(MAX_CODE_CHARS + 1), `${'y'.repeat(MAX_CODE_CHARS)}\n`]) {
      await expect(api.saveDraft({ session, exerciseId: EXERCISE, code })).rejects.toMatchObject({
        code: 'invalid-input',
        message: expect.stringMatching(/longer than 200,000 characters/) as unknown,
      });
      // The core itself (whatever face called it) checks where it stores.
      await expect(core.api.saveDraft({ session, exerciseId: EXERCISE, code })).rejects.toMatchObject({
        code: 'invalid-input',
        message: expect.stringMatching(/not saved.*longer than 200,000 characters/s) as unknown,
      });
    }
    await expect(core.api.saveDraft({ session, exerciseId: '../../etc/passwd', code: 'x = 1' })).rejects.toMatchObject({
      code: 'invalid-input',
    });
    expect((await api.getDraft({ session, exerciseId: EXERCISE }))?.code).toBe('kept = True\n');
  });

  it('needs an open session: a draft is never read or written for nobody', async () => {
    const { api } = await start();
    await expect(
      api.saveDraft({ session: 'not-a-session', exerciseId: EXERCISE, code: 'x = 1' }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(api.getDraft({ session: 'x'.repeat(40), exerciseId: EXERCISE })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('forgets a learner’s drafts with the learner', async () => {
    const { core, api } = await start();
    const { session, learner } = await api.createLearner({ profile: { displayName: 'Ada' } });
    await api.saveDraft({ session, exerciseId: EXERCISE, code: 'x = 1\n' });
    const { session: admin } = await api.setAdminPassword({ password: 'lab admin password' });
    await api.removeLearner({ session: admin, learnerId: learner.id, confirmName: 'Ada' });
    const { session: other } = await api.createLearner({ profile: { displayName: 'Ada' } });
    expect(await core.api.getDraft({ session: other, exerciseId: EXERCISE })).toBeNull();
  });

  it('shows the exercise’s tests, so a learner can read a test’s code', async () => {
    const { api } = await start();
    const tests = await api.getExerciseTests({ exerciseId: EXERCISE });
    expect(tests.source).toContain('def test_three(self):');
  });
});
