import type { LearnService } from '../../../common/contract/api.js';
import { LearnError } from '../../../common/contract/errors.js';
import { say } from '../../../common/i18n/message.js';

type Answering = Partial<Pick<LearnService, 'answerQuizItem' | 'answerReview'>>;

/**
 * The service's answering methods (a quiz's, a review's), wrapped so that an item a running test has
 * asked cannot be answered there: those answer with the item's key and explanation, which would give
 * the test away before it ends. `inTest` says whether the learner's running test uses the item.
 */
export function lockTestItems(service: Answering, inTest: (session: string, itemId: string) => boolean): Answering {
  const refuse = (session: string, itemId: string) => {
    if (inTest(session, itemId)) {
      throw new LearnError('conflict', say('item-in-running-test'));
    }
  };
  const wrapped: Answering = {};
  if (service.answerQuizItem) {
    const answer = service.answerQuizItem;
    wrapped.answerQuizItem = async (input) => (refuse(input.session, input.itemId), answer(input));
  }
  if (service.answerReview) {
    const answer = service.answerReview;
    wrapped.answerReview = async (input) => (refuse(input.session, input.itemId), answer(input));
  }
  return wrapped;
}
