import { learn } from './learn.js';
import { useSession } from './learner-store.js';
import { useLoad } from './use-load.js';

/** The learner's step states and where to continue, read afresh each time a screen opens. */
export function useStepProgress() {
  const session = useSession();
  return useLoad(`steps-${session}`, () => learn().getStepProgress({ session }));
}
