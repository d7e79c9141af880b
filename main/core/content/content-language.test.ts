import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../common/contract/bridge.js';
import { writeQuizPackFixture } from '../assessment/testing/quiz-fixture.js';
import { createCore } from '../create-core.js';
import type { Core } from '../create-core.js';
import { localBridge } from '../local-bridge.js';

const opened: Core[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((core) => core.close()));
});

describe("a pack's content", () => {
  it("comes with the language its manifest names, so a face can mark it (lang) apart from the app's", async () => {
    const core = await createCore({
      dataDir: mkdtempSync(join(tmpdir(), 'content-lang-')),
      appVersion: '1.0.0',
      bundledPacksDir: writeQuizPackFixture({ language: 'pt-BR' }),
      logger: pino({ level: 'silent' }),
    });
    opened.push(core);
    const api = createApiClient(localBridge(core));
    const { session } = await api.createLearner({ profile: { displayName: 'Ada' } });
    expect((await api.getLesson({ lessonId: 'demo/hello' })).language).toBe('pt-BR');
    expect((await api.getExercise({ exerciseId: 'demo/count-down' })).language).toBe('pt-BR');
    expect((await api.getQuiz({ session, moduleId: 'demo/loops', only: 'all' })).language).toBe('pt-BR');
    expect((await api.listModules()).map((m) => m.language)).toEqual(['pt-BR', 'pt-BR']);
  });
});
