import { createEmptyCard, fsrs, generatorParameters, Rating } from 'ts-fsrs';
import type { FSRS, Grade } from 'ts-fsrs';
import { DEFAULT_DESIRED_RETENTION } from '../../../../common/contract/reviews.js';
import type { SqliteDatabase } from '../../../../infra/sqlite/open-database.js';

export interface ScheduledReview {
  skillId: string;
  title: string;
  due: string;
  reviews: number;
}

/** A skill counts as mastered, and enters spaced review, after 3 attempts with 80% right. */
export const MASTERED = { attempts: 3, share: 0.8 };

/**
 * Spaced review of mastered skills with FSRS (ts-fsrs). Mastering a skill counts as its first
 * good review, at the time of the last answer on it; each ReviewDone event of the learner is then
 * replayed in time order. Computed on read: a learner's reviews are few, and the card depends on
 * their order, which the order-independent projections cannot keep.
 */
export class ReviewSchedule {
  /** One scheduler per desired retention (the learner's preference), made on first use. */
  readonly #schedulers = new Map<number, FSRS>();
  readonly #mastered;
  readonly #reviews;

  constructor(db: SqliteDatabase) {
    this.#mastered = db.prepare<[string, number, number], { skillId: string; title: string; lastAt: string | null }>(
      `SELECT m.skill_id AS skillId, coalesce(s.title, m.skill_id) AS title, m.last_at AS lastAt
       FROM skill_mastery m LEFT JOIN skills s ON s.id = m.skill_id
       WHERE m.learner_id = ? AND m.attempts >= ? AND m.correct >= m.attempts * ?`,
    );
    this.#reviews = db.prepare<[string], { data: string; timestamp: string }>(
      `SELECT data, timestamp FROM events WHERE learner_id = ? AND type = 'ReviewDone' ORDER BY timestamp, event_id`,
    );
  }

  #scheduler(retention: number): FSRS {
    let scheduler = this.#schedulers.get(retention);
    if (!scheduler) {
      // No same-day learning steps: a skill reaches review already learned, so intervals start in days.
      scheduler = fsrs(generatorParameters({ enable_short_term: false, request_retention: retention }));
      // Each learner has one setting: a handful of schedulers, but never an unbounded pile of them.
      if (this.#schedulers.size >= 32) this.#schedulers.clear();
      this.#schedulers.set(retention, scheduler);
    }
    return scheduler;
  }

  /** `retention` is the share of reviews the learner wants to still recall when due: higher, sooner. */
  schedule(learnerId: string, retention = DEFAULT_DESIRED_RETENTION): ScheduledReview[] {
    const scheduler = this.#scheduler(retention);
    const reviews = new Map<string, { at: Date; rating: Grade }[]>();
    for (const row of this.#reviews.all(learnerId)) {
      const { skillId, rating } = JSON.parse(row.data) as { skillId: string; rating: Grade };
      reviews.set(skillId, [...(reviews.get(skillId) ?? []), { at: new Date(row.timestamp), rating }]);
    }
    return this.#mastered
      .all(learnerId, MASTERED.attempts, MASTERED.share)
      .map(({ skillId, title, lastAt }) => {
        const masteredAt = new Date(lastAt ?? 0);
        let card = scheduler.next(createEmptyCard(masteredAt), masteredAt, Rating.Good).card;
        const own = (reviews.get(skillId) ?? []).filter((r) => r.at >= masteredAt);
        for (const review of own) card = scheduler.next(card, review.at, review.rating).card;
        return { skillId, title, due: card.due.toISOString(), reviews: own.length };
      })
      .sort((a, b) => a.due.localeCompare(b.due));
  }
}
