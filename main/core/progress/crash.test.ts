import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleNodeScript, checkoutCacheDir } from '../../../scripts/node-bundle.mjs';
import { progressEventSchema } from '../../../common/contract/progress.js';
import { openDatabase } from '../../../infra/sqlite/open-database.js';
import { createCore } from '../create-core.js';
import { CORE_DATABASE_FILE } from '../db/core-database.js';
import { rowToEvent } from './progress-log.js';
import type { EventRow } from './progress-log.js';
import { projectionRows as projections } from './testing/projection-rows.js';

const KILLS = 24;
const ROOT = join(import.meta.dirname, '..', '..', '..');
const childFile = join(checkoutCacheDir(ROOT, 'lionlearn-tests'), 'append-until-killed.mjs');

beforeAll(async () => {
  await bundleNodeScript(join(ROOT, 'main', 'core', 'progress', 'testing', 'append-until-killed.ts'), childFile);
});

/**
 * Runs the child (`writers` append loops at once) until it has appended for `lifeMs`, then SIGKILLs
 * it; returns the ids it acknowledged.
 */
function runAndKill(
  dataDir: string,
  learnerId: string,
  seed: number,
  lifeMs: number,
  writers: number,
): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childFile, dataDir, learnerId, String(seed), String(writers)], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, LIONLEARN_LOG_LEVEL: 'silent' },
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (out === '' && chunk.startsWith('ready')) setTimeout(() => child.kill('SIGKILL'), lifeMs);
      out += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the child ended by itself (code ${code})`));
      // The last line may be cut mid-write: only whole lines are acknowledgements.
      resolve(out.split('\n').slice(1, -1));
    });
  });
}

describe('progress under SIGKILL', () => {
  // One writer: each append its own commit. Four: appends committed in groups, each acknowledged after its group's commit.
  it.each([1, 4])(
    `keeps every acknowledged event, none half-written, projections equal to a rebuild (${KILLS} kills, %i writers)`,
    async (writers) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'crash-'));
      const core = await createCore({ dataDir, appVersion: '1.0.0', logger: pino({ level: 'silent' }) });
      const { learner } = await core.api.createLearner({ profile: { displayName: 'Crash', avatar: 'owl', goals: [] } });
      core.close();

      const lives = fc.sample(fc.integer({ min: 30, max: 400 }), { numRuns: KILLS, seed: 42 });
      const acknowledged: string[] = [];
      for (const [i, life] of lives.entries())
        acknowledged.push(...(await runAndKill(dataDir, learner.id, i + 1, life, writers)));
      expect(acknowledged.length).toBeGreaterThan(KILLS);

      const db = openDatabase(join(dataDir, CORE_DATABASE_FILE));
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const stored = db.prepare('SELECT * FROM events').all() as EventRow[];
        const ids = new Set(stored.map((row) => row.event_id));
        expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
        for (const row of stored) {
          expect(progressEventSchema.safeParse(rowToEvent(row)).success).toBe(true);
        }
        const incremental = projections(db);
        const reopened = await createCore({ dataDir, appVersion: '1.0.0', logger: pino({ level: 'silent' }) });
        expect(reopened.rebuildProgress()).toBe(stored.length);
        reopened.close();
        expect(projections(db)).toEqual(incremental);
      } finally {
        db.close();
      }
    },
    // Each kill starts a child core: about 1.5 s on a quiet machine, several times that at load 15.
    600_000,
  );
});
