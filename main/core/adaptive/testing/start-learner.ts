import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pino } from 'pino';
import { afterEach } from 'vitest';
import { createApiClient } from '../../../../common/contract/bridge.js';
import type { Profile } from '../../../../common/contract/learners.js';
import type { RecordInput } from '../../../../common/contract/progress.js';
import { writePackFixture } from '../../../../content-packs/format/pack-fixture.js';
import { createCore } from '../../create-core.js';
import type { Core } from '../../create-core.js';
import { localBridge } from '../../local-bridge.js';

/** The packs the app ships: a real prerequisite graph of about a hundred steps. */
export const SHIPPED_PACKS = join(import.meta.dirname, '..', '..', '..', '..', 'content-packs');

const opened: Core[] = [];
afterEach(() => opened.splice(0).forEach((core) => void core.close()));

/**
 * Test support: a core over a temp data dir with the given packs (default: the demo fixture), and
 * one new learner's API session. `record` gives the learner results only the core records (code
 * runs), which no face may post. Cores close after each test.
 */
export async function startLearner(options: { packsDir?: string; profile?: Partial<Profile>; now?: () => Date } = {}) {
  const core = await createCore({
    dataDir: mkdtempSync(join(tmpdir(), 'adaptive-')),
    appVersion: '1.0.0',
    bundledPacksDir: options.packsDir ?? dirname(writePackFixture()),
    logger: pino({ level: 'silent' }),
    ...(options.now ? { now: options.now } : {}),
  });
  opened.push(core);
  const api = createApiClient(localBridge(core));
  const { session } = await api.createLearner({ profile: { displayName: 'Pia', ...options.profile } });
  const record = (events: RecordInput[]) => core.recordProgress(session, events);
  return { api, session, record };
}
