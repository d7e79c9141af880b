import type { LearnService } from '../../../common/contract/api.js';
import { adminMethods } from '../../../common/contract/admin.js';
import type { LearnerSessions } from './learner-sessions.js';

/**
 * The API with every admin method behind a live admin session. One gate for all of them, in the
 * composition root, so a service cannot forget the check and a new admin method in the contract's
 * list is gated without further work.
 */
export function gateAdminMethods(api: LearnService, sessions: LearnerSessions): LearnService {
  const gated: Partial<Record<string, unknown>> = {};
  for (const name of adminMethods) {
    const inner = api[name] as (input: { session?: string }) => Promise<unknown>;
    gated[name] = async (input: { session?: string }) => {
      sessions.requireAdmin(input.session);
      return inner.call(api, input);
    };
  }
  return { ...api, ...gated } as LearnService;
}
