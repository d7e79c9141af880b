import { randomBytes } from 'node:crypto';
import { LearnError } from '../../../common/contract/errors.js';

/**
 * Open learner sessions: an unguessable token per opened profile. Every learner call names its
 * session, never a learner id, so one learner cannot reach another's data through the API.
 * In memory on purpose: closing the app closes every session.
 */
export class LearnerSessions {
  readonly #learnerOf = new Map<string, string>();

  open(learnerId: string): string {
    const token = randomBytes(32).toString('base64url');
    this.#learnerOf.set(token, learnerId);
    return token;
  }

  learnerOf(session: string): string {
    const learnerId = this.#learnerOf.get(session);
    if (!learnerId) throw new LearnError('forbidden', 'This profile is not open here: pick it again to go on.');
    return learnerId;
  }

  close(session: string): void {
    this.#learnerOf.delete(session);
  }

  closeAllOf(learnerId: string): void {
    for (const [token, id] of this.#learnerOf) if (id === learnerId) this.#learnerOf.delete(token);
  }
}
