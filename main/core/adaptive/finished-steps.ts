import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';
import type { SkillEvidence } from './performance-prior.js';
import { MASTERED } from './review-schedule.js';

/** How far a learner is with one lesson or exercise. */
export type StepState = 'completed' | 'mastered' | 'open';

/**
 * The one notion of "done" every adaptive read uses (the recommendation, the learning path): a step
 * is done once completed, or once every skill it is tagged with is mastered. Two notions drifted
 * apart before, and "Up next" recommended a step the path below it showed as done.
 */
export class FinishedSteps {
  readonly #q;

  constructor(db: SqliteDatabase) {
    this.#q = {
      completed: db.prepare<[string, string], { id: string }>(
        `SELECT lesson_id AS id FROM lesson_progress WHERE learner_id = ? AND completed_at IS NOT NULL
         UNION ALL SELECT exercise_id FROM exercise_progress WHERE learner_id = ? AND completed_at IS NOT NULL`,
      ),
      tags: db.prepare<[], { contentId: string; skillId: string }>(
        'SELECT content_id AS contentId, skill_id AS skillId FROM content_skills',
      ),
      evidence: db.prepare<[string], SkillEvidence & { id: string }>(
        'SELECT skill_id AS id, correct, attempts FROM skill_mastery WHERE learner_id = ?',
      ),
    };
  }

  /** The learner's states, read once: ask as often as needed. */
  of(learnerId: string) {
    const completed = new Set(this.#q.completed.all(learnerId, learnerId).map((r) => r.id));
    const evidence = new Map(this.#q.evidence.all(learnerId).map((e) => [e.id, e]));
    const skillsOf = new Map<string, string[]>();
    for (const { contentId, skillId } of this.#q.tags.all()) {
      skillsOf.set(contentId, [...(skillsOf.get(contentId) ?? []), skillId]);
    }
    const isMastered = (skillId: string) => {
      const e = evidence.get(skillId);
      return e !== undefined && e.attempts >= MASTERED.attempts && e.correct >= e.attempts * MASTERED.share;
    };
    const state = (contentId: string): StepState => {
      if (completed.has(contentId)) return 'completed';
      const skills = skillsOf.get(contentId) ?? [];
      return skills.length > 0 && skills.every(isMastered) ? 'mastered' : 'open';
    };
    return { state, isDone: (contentId: string) => state(contentId) !== 'open', evidence };
  }
}
