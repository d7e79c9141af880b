import { create } from 'zustand';
import type { Learner, LearnerSession } from '../../common/contract/learners.js';
import { learn } from './learn.js';

const KEY = 'lionlearn.session';

interface LearnerState {
  /** undefined while the saved session is being checked at start. */
  current: { session: string; learner: Learner } | null | undefined;
  restore(): Promise<void>;
  enter(opened: LearnerSession): void;
  setLearner(learner: Learner): void;
  leave(): Promise<void>;
}

/**
 * Who is learning at this window. The session survives a reload of the page (sessionStorage) but
 * not the app: on a shared lab machine, closing the app closes the profile.
 */
export const useLearner = create<LearnerState>((set, get) => ({
  current: undefined,
  async restore() {
    const session = sessionStorage.getItem(KEY);
    if (!session) return set({ current: null });
    try {
      set({ current: { session, learner: await learn().getLearner({ session }) } });
    } catch {
      sessionStorage.removeItem(KEY);
      set({ current: null });
    }
  },
  enter({ session, learner }) {
    sessionStorage.setItem(KEY, session);
    set({ current: { session, learner } });
  },
  setLearner(learner) {
    const current = get().current;
    if (current) set({ current: { ...current, learner } });
  },
  async leave() {
    const current = get().current;
    sessionStorage.removeItem(KEY);
    set({ current: null });
    if (current)
      await learn()
        .closeLearnerSession({ session: current.session })
        .catch(() => undefined);
  },
}));

/** The open session; screens behind the profile picker only render when there is one. */
export const useSession = (): string => {
  const current = useLearner((s) => s.current);
  if (!current) throw new Error('no learner is open');
  return current.session;
};
