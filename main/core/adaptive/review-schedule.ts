import { createEmptyCard, fsrs, generatorParameters, Rating } from 'ts-fsrs';
import type { Grade } from 'ts-fsrs';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';

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
  // No same-day learning steps: a skill reaches review already learned, so intervals start in days.
  readonly #scheduler = fsrs(generatorParameters({ enable_short_term: false }));
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

  schedule(learnerId: string): ScheduledReview[] {
    const reviews = new Map<string, { at: Date; rating: Grade }[]>();
    for (const row of this.#reviews.all(learnerId)) {
      const { skillId, rating } = JSON.parse(row.data) as { skillId: string; rating: Grade };
      reviews.set(skillId, [...(reviews.get(skillId) ?? []), { at: new Date(row.timestamp), rating }]);
    }
    return this.#mastered
      .all(learnerId, MASTERED.attempts, MASTERED.share)
      .map(({ skillId, title, lastAt }) => {
        const masteredAt = new Date(lastAt ?? 0);
        let card = this.#scheduler.next(createEmptyCard(masteredAt), masteredAt, Rating.Good).card;
        const own = (reviews.get(skillId) ?? []).filter((r) => r.at >= masteredAt);
        for (const review of own) card = this.#scheduler.next(card, review.at, review.rating).card;
        return { skillId, title, due: card.due.toISOString(), reviews: own.length };
      })
      .sort((a, b) => a.due.localeCompare(b.due));
  }
}
