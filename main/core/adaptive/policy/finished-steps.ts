import type { StepProgress, StepProgressState } from '../../../../common/contract/step-progress.js';
import type { SqliteDatabase } from '../../../../infra/sqlite/open-database.js';
import type { CatalogGeneration } from '../../content/catalog-generation.js';
import type { SkillEvidence } from '../models/performance-prior.js';
import { MASTERED } from './review-schedule.js';

/**
 * The one notion of "done" every read uses (the recommendation, the learning path, the marks on
 * module cards and pages, where to continue): a step is done once completed, or once every skill it
 * is tagged with is mastered. Two notions drifted apart before, and "Up next" recommended a step the
 * path below it showed as done.
 */
export class FinishedSteps {
  readonly #q;
  /** Each item's skills and the installed steps: read once per catalog generation, not at every call. */
  readonly #skillsOf;
  readonly #steps;

  constructor(db: SqliteDatabase, generation: Pick<CatalogGeneration, 'remember'>) {
    this.#q = {
      completed: db.prepare<[string, string], { id: string }>(
        `SELECT lesson_id AS id FROM lesson_progress WHERE learner_id = ? AND completed_at IS NOT NULL
         UNION ALL SELECT exercise_id FROM exercise_progress WHERE learner_id = ? AND completed_at IS NOT NULL`,
      ),
      // A progress row is written when a lesson is opened or an exercise started.
      started: db.prepare<[string, string], { id: string }>(
        `SELECT lesson_id AS id FROM lesson_progress WHERE learner_id = ?
         UNION ALL SELECT exercise_id FROM exercise_progress WHERE learner_id = ?`,
      ),
      tags: db.prepare<[], { contentId: string; skillId: string }>(
        'SELECT content_id AS contentId, skill_id AS skillId FROM content_skills',
      ),
      evidence: db.prepare<[string], SkillEvidence & { id: string }>(
        'SELECT skill_id AS id, correct, attempts FROM skill_mastery WHERE learner_id = ?',
      ),
      steps: db.prepare<[], { kind: 'lesson' | 'exercise'; contentId: string; moduleId: string }>(
        `SELECT s.kind, s.content_id AS contentId, s.module_id AS moduleId
         FROM sequence s JOIN packs k ON k.id = s.pack_id
         WHERE s.kind IN ('lesson', 'exercise') ORDER BY k.title, s.position`,
      ),
      resume: db.prepare<[string], NonNullable<StepProgress['resume']>>(
        `SELECT s.kind, s.content_id AS contentId, s.title, s.module_id AS moduleId, 'unfinished' AS why
         FROM resume_points r JOIN sequence s ON s.content_id = r.content_id AND s.kind IN ('lesson', 'exercise')
         WHERE r.learner_id = ?`,
      ),
    };
    this.#skillsOf = generation.remember(() => {
      const skillsOf = new Map<string, string[]>();
      for (const { contentId, skillId } of this.#q.tags.iterate()) {
        const skills = skillsOf.get(contentId);
        if (skills) skills.push(skillId);
        else skillsOf.set(contentId, [skillId]);
      }
      return skillsOf as ReadonlyMap<string, readonly string[]>;
    });
    this.#steps = generation.remember(() => this.#q.steps.all());
  }

  /** The learner's states, read once: ask as often as needed. */
  of(learnerId: string) {
    const completed = new Set(this.#q.completed.all(learnerId, learnerId).map((r) => r.id));
    const started = new Set(this.#q.started.all(learnerId, learnerId).map((r) => r.id));
    const evidence = new Map(this.#q.evidence.all(learnerId).map((e) => [e.id, e]));
    const skillsOf = this.#skillsOf();
    const isMastered = (skillId: string) => {
      const e = evidence.get(skillId);
      return e !== undefined && e.attempts >= MASTERED.attempts && e.correct >= e.attempts * MASTERED.share;
    };
    const mastered = (contentId: string) => {
      const skills = skillsOf.get(contentId) ?? [];
      return skills.length > 0 && skills.every(isMastered);
    };
    const isCompleted = (contentId: string) => completed.has(contentId);
    const isDone = (contentId: string) => isCompleted(contentId) || mastered(contentId);
    const state = (contentId: string): StepProgressState =>
      mastered(contentId)
        ? 'mastered'
        : isCompleted(contentId)
          ? 'done'
          : started.has(contentId)
            ? 'in-progress'
            : 'not-started';
    return { isDone, isCompleted, state, evidence };
  }

  /** Every installed step's state in teaching order, and the last step opened (finished or not). */
  progress(learnerId: string) {
    const { state, isDone } = this.of(learnerId);
    const steps = this.#steps().map((s) => ({ ...s, state: state(s.contentId) }));
    const last = this.#q.resume.get(learnerId);
    return { steps, last: last && { ...last, finished: isDone(last.contentId) } };
  }
}
