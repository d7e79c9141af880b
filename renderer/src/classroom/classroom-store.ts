import { create } from 'zustand';
import type { Classroom } from '../../../common/contract/classroom.js';
import { learn } from '../learn.js';
import type { LoadState } from '../use-load.js';

interface ClassroomState {
  /** The open learner's classes and assignments, for home and the header's Classes link. */
  classroom: LoadState<Classroom>;
  /** Whose classroom it is: a switch of profile must never show the previous learner's. */
  session: string | null;
  load(session: string): Promise<void>;
  set(session: string, classroom: Classroom): void;
  /** Forgets the open learner's classroom (a switch of profile). */
  reset(): void;
}

export const useClassroom = create<ClassroomState>((set, get) => ({
  classroom: { status: 'loading' },
  session: null,
  async load(session) {
    if (get().session !== session) set({ session, classroom: { status: 'loading' } });
    try {
      const classroom = await learn().getClassroom({ session });
      if (get().session === session) set({ classroom: { status: 'ready', value: classroom } });
    } catch (error) {
      if (get().session === session) set({ classroom: { status: 'error', message: (error as Error).message } });
    }
  },
  set(session, classroom) {
    if (get().session === session) set({ classroom: { status: 'ready', value: classroom } });
  },
  reset() {
    set({ session: null, classroom: { status: 'loading' } });
  },
}));

/** Teachers and admins of the class server manage classes in the app. */
export const teaches = (classroom: LoadState<Classroom>) =>
  classroom.status === 'ready' && (classroom.value.role === 'teacher' || classroom.value.role === 'admin');
