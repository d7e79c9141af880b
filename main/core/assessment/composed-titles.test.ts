import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient, localizedBridge } from '../../../common/contract/bridge.js';
import { coreTranslate, createCoreI18n } from '../../../common/i18n/translator.js';
import { createCore } from '../create-core.js';
import type { Core } from '../create-core.js';
import { CORE_DATABASE_FILE } from '../db/core-database.js';
import { localBridge } from '../local-bridge.js';
import { writeQuizPackFixture } from './testing/quiz-fixture.js';

const opened: Core[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((core) => core.close()));
});

/** A core over a pack with a shipped test, read as a German face reads it (the renderer's and the CLI's way). */
async function german(dataDir = mkdtempSync(join(tmpdir(), 'titles-'))) {
  const packs = writeQuizPackFixture({
    assessments: [{ id: 'final', title: 'Final test', items: ['no-return', 'range-stop'] }],
  });
  const core = await createCore({
    dataDir,
    appVersion: '1.0.0',
    bundledPacksDir: packs,
    logger: pino({ level: 'silent' }),
  });
  opened.push(core);
  const de = createApiClient(localizedBridge(localBridge(core), coreTranslate(createCoreI18n('de'))));
  const en = createApiClient(localBridge(core));
  const { session } = await en.createLearner({ profile: { displayName: 'Ada' } });
  return { core, de, en, session, dataDir };
}

describe('titles the core composes around content', () => {
  it("say the words around the pack's own title in the face's language, the title as the pack wrote it", async () => {
    const { de, en, session } = await german();
    const adaptive = await de.generateAssessment({ session, topicId: 'demo/loops', maxItems: 2 });
    expect(adaptive.title).toBe('Loops: adaptiver Test');
    const fixed = await de.generateAssessment({ session, topicId: 'demo/loops', kind: 'fixed', maxItems: 2 });
    expect(fixed.title).toBe('Loops: Test');
    const form = await de.generateAssessment({ session, topicId: 'demo', formId: 'final' });
    expect(form.title).toBe('Demo pack: Final test');

    // The wire keeps the English for older faces and logs.
    expect((await en.getAssessment({ session, assessmentId: adaptive.assessmentId })).title).toBe(
      'Loops: adaptive test',
    );
    expect((await de.listAssessments({ session })).map((a) => a.title).sort()).toEqual([
      'Demo pack: Final test',
      'Loops: Test',
      'Loops: adaptiver Test',
    ]);
    const report = await de.evaluateAssessment({ session, assessmentId: fixed.assessmentId });
    expect(report.title).toBe('Loops: Test');
  });

  it('keep the title an assessment was stored with before titles were messages', async () => {
    const { de, session, dataDir } = await german();
    const started = await de.generateAssessment({ session, topicId: 'demo/loops', maxItems: 2 });
    // As a database from before migration 0210 has it: the English title, no reference.
    const db = new Database(join(dataDir, CORE_DATABASE_FILE));
    db.prepare("UPDATE assessments SET title = 'Loops: adaptive test (old)', title_i18n = NULL").run();
    db.close();
    expect((await de.getAssessment({ session, assessmentId: started.assessmentId })).title).toBe(
      'Loops: adaptive test (old)',
    );
    expect((await de.listAssessments({ session }))[0]!.title).toBe('Loops: adaptive test (old)');
  });

  it("call a module's quiz by the module's title and the face's word for quiz", async () => {
    const { de, en } = await german();
    expect(await de.getNextContent({ currentId: 'demo/count-down' })).toMatchObject({
      kind: 'quiz',
      title: 'Loops: Quiz',
    });
    expect(await en.getNextContent({ currentId: 'demo/count-down' })).toMatchObject({ title: 'Loops: quiz' });
  });
});
