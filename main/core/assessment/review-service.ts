import type { LearnService } from '../../../common/contract/api.js';
import { LearnError } from '../../../common/contract/errors.js';
import { say } from '../../../common/i18n/message.js';
import type { Preferences } from '../../../common/contract/learners.js';
import type { AppendResult, RecordInput } from '../../../common/contract/progress.js';
import { RETENTION_WINDOW_DAYS } from '../../../common/contract/reviews.js';
import type { ReviewSchedule } from '../adaptive/policy/review-schedule.js';
import type { QuizBank, StoredQuizItem } from './quiz-bank.js';
import { expectedAnswer, gradeAnswer, questionOf } from './quiz-grading.js';
import { forecastDays, measuredRetention } from './review-forecast.js';
import type { ReviewHistory } from './review-history.js';
import { deriveRating } from './review-rating.js';

export type ReviewService = Pick<
  LearnService,
  'getReviewQuestion' | 'answerReview' | 'rateReview' | 'getReviewForecast'
>;

interface Deps {
  learnerOf: (session: string) => { id: string; preferences: Preferences };
  bank: QuizBank;
  schedule: ReviewSchedule;
  history: ReviewHistory;
  /** The core's own progress record: the only way a ReviewDone event is written. */
  record: (session: string, events: readonly RecordInput[]) => Promise<AppendResult>;
  now: () => Date;
}

/**
 * The item to ask: never the one the learner answered last (it would test short-term memory, not
 * the spaced recall a review is for), else the one answered longest ago, never-answered first, in
 * teaching order among equals. A skill with one item asks it again: that is all there is.
 */
export function pickReviewItem(
  items: readonly StoredQuizItem[],
  lastAnswered: ReadonlyMap<string, string>,
): StoredQuizItem | undefined {
  const latest = [...lastAnswered].reduce<[string, string] | undefined>(
    (best, entry) => (!best || entry[1] > best[1] ? entry : best),
    undefined,
  )?.[0];
  const fresh = items.filter((item) => item.id !== latest);
  const pool = fresh.length > 0 ? fresh : items;
  return pool.reduce<StoredQuizItem | undefined>((best, item) => {
    if (!best) return item;
    return (lastAnswered.get(item.id) ?? '') < (lastAnswered.get(best.id) ?? '') ? item : best;
  }, undefined);
}

/** Spaced reviews that ask a question: graded here, rated from the answer and its time, recorded as ReviewDone. */
export function createReviewService({ learnerOf, bank, schedule, history, record, now }: Deps): ReviewService {
  /** A review is a quick recall: code items (minutes of work, and the sandbox) are a quiz's, not a review's. */
  const askable = (skillId: string) => bank.itemsOfSkill(skillId).filter((stored) => stored.item.kind !== 'code');
  /** The learner's scheduled review of a skill, or a clear error: unknown skill, or not in review. */
  const reviewOf = (learner: { id: string; preferences: Preferences }, skillId: string) => {
    const title = history.skillTitle(skillId);
    if (title === undefined) throw new LearnError('not-found', say('skill-unknown', { id: skillId }));
    const review = schedule
      .schedule(learner.id, learner.preferences.desiredRetention)
      .find((r) => r.skillId === skillId);
    if (!review) {
      throw new LearnError('invalid-input', say('review-not-yet', { title }));
    }
    return review;
  };
  const nextDue = (learner: { id: string; preferences: Preferences }, skillId: string) =>
    schedule.schedule(learner.id, learner.preferences.desiredRetention).find((r) => r.skillId === skillId)?.due ??
    now().toISOString();

  return {
    getReviewQuestion: async ({ session, skillId }) => {
      const learner = learnerOf(session);
      const { title } = reviewOf(learner, skillId);
      const item = pickReviewItem(askable(skillId), bank.lastAnswered(learner.id, skillId));
      return { skillId, title, question: item ? questionOf(item.id, item.item, item.skills) : null };
    },

    answerReview: async ({ session, skillId, itemId, answer, timeSpentMs }) => {
      const learner = learnerOf(session);
      reviewOf(learner, skillId);
      const stored = askable(skillId).find((item) => item.id === itemId);
      if (!stored) throw new LearnError('not-found', say('review-item-unknown', { skill: skillId, item: itemId }));
      // Grading throws on an answer of the wrong shape, before anything is recorded.
      const { correct } = gradeAnswer(stored.item, answer);
      const { rating, reason } = deriveRating(correct, timeSpentMs);
      // A ReviewDone only (see its itemId): the rating moves the card; mastery stays what practice made it.
      await record(session, [{ type: 'ReviewDone', data: { skillId, rating, itemId } }]);
      return {
        itemId,
        correct,
        ...expectedAnswer(stored.item),
        explanation: stored.item.explanation,
        skillId,
        rating,
        ratingReason: reason,
        nextDue: nextDue(learner, skillId),
      };
    },

    rateReview: async ({ session, skillId, rating }) => {
      const learner = learnerOf(session);
      const { title } = reviewOf(learner, skillId);
      if (askable(skillId).length > 0) {
        throw new LearnError('invalid-input', say('review-needs-answer', { title }));
      }
      await record(session, [{ type: 'ReviewDone', data: { skillId, rating } }]);
      return { skillId, rating, nextDue: nextDue(learner, skillId) };
    },

    getReviewForecast: async ({ session, days, tzOffsetMinutes }) => {
      const learner = learnerOf(session);
      const at = now();
      const dues = schedule.schedule(learner.id, learner.preferences.desiredRetention).map((r) => r.due);
      const perDay = forecastDays(dues, at, days, tzOffsetMinutes);
      const since = new Date(at.getTime() - RETENTION_WINDOW_DAYS * 24 * 3600 * 1000).toISOString();
      return {
        days: perDay,
        total: perDay.reduce((sum, d) => sum + d.due, 0),
        desiredRetention: learner.preferences.desiredRetention,
        retention: { days: RETENTION_WINDOW_DAYS, ...measuredRetention(history.ratingsSince(learner.id, since)) },
      };
    },
  };
}
