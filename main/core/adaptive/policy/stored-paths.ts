import type { PathChanges, PathStep } from '../../../../common/contract/adaptive.js';
import type { SqliteDatabase } from '../../../../infra/sqlite/open-database.js';
import { refOf, say } from '../../../../common/i18n/message.js';
import type { Said } from '../../../../common/i18n/message.js';

/** A summary as the wire carries it: English, and the reference each face says in its learner's language. */
const summed = (summary: Said) => ({ summary: summary.text, summaryI18n: refOf(summary) });

export type StoredStep = Pick<PathStep, 'contentId' | 'status'>;

export interface StoredPath {
  /** The goal asked for; null follows the profile's goals. */
  goal: string | null;
  steps: StoredStep[];
}

/** The last learning path given to each learner (table learning_paths), to tell what changed since. */
export class StoredPaths {
  readonly #last;
  readonly #save;

  constructor(db: SqliteDatabase) {
    this.#last = db.prepare<[string], { goal: string | null; steps: string }>(
      'SELECT goal, steps FROM learning_paths WHERE learner_id = ?',
    );
    this.#save = db.prepare<[string, string | null, string, string]>(
      `INSERT INTO learning_paths (learner_id, goal, steps, computed_at) VALUES (?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET goal = excluded.goal, steps = excluded.steps, computed_at = excluded.computed_at`,
    );
  }

  last(learnerId: string): StoredPath | undefined {
    const row = this.#last.get(learnerId);
    return row && { goal: row.goal, steps: JSON.parse(row.steps) as StoredStep[] };
  }

  save(learnerId: string, path: StoredPath, at: Date): void {
    const steps = path.steps.map(({ contentId, status }) => ({ contentId, status }));
    this.#save.run(learnerId, path.goal, JSON.stringify(steps), at.toISOString());
  }
}

/** Length of the longest common subsequence: the steps that kept their relative order. */
function keptInOrder(a: readonly string[], b: readonly string[]): number {
  let row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const next = [0];
    for (let j = 0; j < b.length; j++) next.push(x === b[j] ? row[j]! + 1 : Math.max(row[j + 1]!, next[j]!));
    row = next;
  }
  return row[b.length]!;
}

/** What changed between the steps left in the previous path and in the current one. */
export function pathChanges(previous: readonly StoredStep[] | undefined, current: readonly StoredStep[]): PathChanges {
  const left = (steps: readonly StoredStep[]) => steps.filter((s) => s.status !== 'done').map((s) => s.contentId);
  const nowLeft = left(current);
  if (!previous) {
    return {
      hadPrevious: false,
      completed: 0,
      added: nowLeft.length,
      removed: 0,
      reordered: 0,
      ...summed(say('path-new', { count: nowLeft.length })),
    };
  }
  const wasLeft = left(previous);
  const nowLeftSet = new Set(nowLeft);
  const wasLeftSet = new Set(wasLeft);
  const doneNow = new Set(current.filter((s) => s.status === 'done').map((s) => s.contentId));
  const completed = wasLeft.filter((id) => doneNow.has(id)).length;
  const removed = wasLeft.filter((id) => !nowLeftSet.has(id) && !doneNow.has(id)).length;
  const added = nowLeft.filter((id) => !wasLeftSet.has(id)).length;
  const stillLeft = (ids: string[]) => ids.filter((id) => wasLeftSet.has(id) && nowLeftSet.has(id));
  const common = stillLeft(nowLeft);
  const reordered = common.length - keptInOrder(stillLeft(wasLeft), common);
  const parts = [
    completed > 0 && say('steps-done', { count: completed }),
    added > 0 && say('steps-added', { count: added }),
    removed > 0 && say('steps-removed', { count: removed }),
    reordered > 0 && say('steps-moved', { count: reordered }),
  ].filter((p): p is Said => typeof p === 'object');
  const summary = parts.length > 0 ? say('path-since', { changes: parts }) : say('path-unchanged');
  return { hadPrevious: true, completed, added, removed, reordered, ...summed(summary) };
}
