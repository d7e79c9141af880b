import type { Grade } from 'ts-fsrs';
import { Rating } from 'ts-fsrs';

/**
 * Right within this time counts as Easy: reading a short quiz item and answering it takes a fluent
 * learner a few seconds, so an answer this quick came back without effort.
 */
export const FAST_RECALL_MS = 10_000;
/**
 * Right after this long counts as Hard: half a minute on one quiz item means the answer was worked
 * out or searched for in memory, not recalled, so the next interval should grow less.
 */
export const SLOW_RECALL_MS = 30_000;

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

/**
 * The FSRS grade of a review answered with a question: wrong is a lapse (Again) however long it
 * took; right is Easy when fast, Hard when slow, else Good. The learner does not grade themselves.
 */
export function deriveRating(correct: boolean, timeSpentMs: number): { rating: Grade; reason: string } {
  if (!correct) return { rating: Rating.Again, reason: 'Not right this time: Again, so it comes back soon.' };
  if (timeSpentMs <= FAST_RECALL_MS) {
    return { rating: Rating.Easy, reason: `Right in ${seconds(timeSpentMs)}: Easy, so the next review waits longest.` };
  }
  if (timeSpentMs > SLOW_RECALL_MS) {
    return {
      rating: Rating.Hard,
      reason: `Right, after ${seconds(timeSpentMs)}: Hard, so it comes back a little sooner.`,
    };
  }
  return { rating: Rating.Good, reason: `Right in ${seconds(timeSpentMs)}: Good.` };
}
