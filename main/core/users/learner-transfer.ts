import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { LearnError } from '../../../common/contract/errors.js';
import { say } from '../../../common/i18n/message.js';
import type { Said } from '../../../common/i18n/message.js';
import { sayIssues } from '../../../common/i18n/input-issues.js';
import { learnerExportHeaderSchema } from '../../../common/contract/learners.js';
import type { ImportResult, LearnerExportHeader } from '../../../common/contract/learners.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';
import type { ProgressLog } from '../progress/progress-log.js';
import type { LearnerStore } from './learner-store.js';

const MAX_LINE = 64 * 1024;

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'learner';

/**
 * A learner on a USB stick: one JSON line describing the profile, then one line per event.
 * Import is idempotent because events are keyed by their id.
 */
export class LearnerTransfer {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly learners: LearnerStore,
    private readonly log: ProgressLog,
    private readonly exportsDir: string,
    private readonly now: () => Date,
  ) {}

  /** Written to a temporary name, flushed to disk, then renamed: a crash leaves no half export. */
  async export(learnerId: string, file?: string): Promise<{ file: string; events: number }> {
    const learner = this.learners.find(learnerId);
    if (!learner) throw new LearnError('not-found', say('profile-unknown'));
    const stamp = this.now().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    const target =
      file ?? join(this.exportsDir, `${slug(learner.displayName)}-${stamp}-${learner.id.slice(0, 8)}.jsonl`);
    const header: LearnerExportHeader = {
      kind: 'lionlearn-learner',
      formatVersion: 1,
      exportedAt: this.now().toISOString(),
      learner: {
        id: learner.id,
        createdAt: learner.createdAt,
        profile: { displayName: learner.displayName, avatar: learner.avatar, goals: learner.goals },
        preferences: learner.preferences,
        pinHash: learner.pinHash,
      },
    };
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.partial`;
    const out = createWriteStream(temporary, { flags: 'wx' });
    let events = 0;
    try {
      const write = async (value: unknown) => {
        if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain');
      };
      await write(header);
      for (const event of this.log.events(learnerId)) {
        await write(event);
        events += 1;
      }
      out.end();
      await once(out, 'finish');
      const handle = await open(temporary, 'r+');
      await handle.sync();
      await handle.close();
      await rename(temporary, target);
    } catch (error) {
      out.destroy();
      await rm(temporary, { force: true });
      throw new LearnError('unavailable', say('export-unwritable', { file: target, reason: (error as Error).message }));
    }
    return { file: target, events };
  }

  /**
   * Reads the whole file first; then creates the learner (if new) and appends in one transaction,
   * which the log's check of every event undoes if one is refused.
   */
  async import(file: string, sessionLearnerId: string | undefined): Promise<ImportResult> {
    const { header, events, lines } = await readExport(file);
    const { learner } = header;
    const existing = this.learners.find(learner.id);
    if (existing?.pinHash && sessionLearnerId !== existing.id) {
      throw new LearnError('forbidden', say('profile-import-needs-pin', { name: existing.displayName }));
    }
    return this.db.transaction(() => {
      if (!existing) {
        this.learners.insert(learner);
      }
      const { appended, duplicates } = this.log.appendInTransaction(events, {
        onRefused: ({ index, problem }) => {
          throw new LearnError('invalid-input', say('import-bad-line', { file, line: lines[index] ?? 0, problem }));
        },
      });
      return { learnerId: learner.id, created: !existing, appended, duplicates };
    })();
  }
}

/** The header, checked; the events as read (the log checks them), with the line each came from. */
async function readExport(file: string): Promise<{ header: LearnerExportHeader; events: unknown[]; lines: number[] }> {
  const input = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let header: LearnerExportHeader | undefined;
  const events: unknown[] = [];
  const lines: number[] = [];
  let number = 0;
  const fail = (reason: Said): never => {
    throw new LearnError('invalid-input', say('import-bad-line', { file, line: number, problem: reason }));
  };
  try {
    for await (const line of input) {
      number += 1;
      if (line.trim() === '') continue;
      if (line.length > MAX_LINE) fail(say('import-line-too-long'));
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        fail(say('import-line-not-json'));
      }
      if (!header) {
        const parsed = learnerExportHeaderSchema.safeParse(value, { reportInput: true });
        if (!parsed.success) fail(say('import-not-export-header', { problem: sayIssues(parsed.error) }));
        header = parsed.data;
        continue;
      }
      const userId = typeof value === 'object' && value !== null ? (value as { userId?: unknown }).userId : undefined;
      if (userId === undefined) fail(say('import-event-no-learner'));
      if (userId !== header.learner.id) fail(say('import-event-other-learner'));
      events.push(value);
      lines.push(number);
    }
  } catch (error) {
    if (error instanceof LearnError) throw error;
    throw new LearnError('not-found', say('import-unreadable', { file, reason: (error as Error).message }));
  } finally {
    input.close();
  }
  if (!header) throw new LearnError('invalid-input', say('import-empty', { file }));
  return { header, events, lines };
}
