import { useEffect, useRef } from 'react';
import { useClassroom } from './classroom-store.js';

/**
 * Loads the open learner's classroom when their profile opens, and again when their class-server sign-in
 * changes (linked, logged in again, unlinked): the header's Classes link and home follow at once. Not on every
 * sync, which happens after each step the learner takes.
 */
export function useClassroomFollowsSync(current: { session: string; learnerId: string } | null | undefined): void {
  const load = useClassroom((s) => s.load);
  const signedIn = useRef<boolean | null>(null);
  const session = current?.session;
  const learnerId = current?.learnerId;
  useEffect(() => {
    if (!session || !learnerId) return;
    signedIn.current = null;
    // What the first load says is the starting point; a sync event that differs from it reloads.
    void load(session).then(() => {
      const loaded = useClassroom.getState().classroom;
      if (signedIn.current === null && loaded.status === 'ready') signedIn.current = loaded.value.serverUrl !== null;
    });
    return window.learn?.onEvent((event) => {
      if (event.type !== 'sync-status' || event.learnerId !== learnerId) return;
      const now = event.status.state !== 'unlinked' && event.status.state !== 'error';
      if (signedIn.current !== null && signedIn.current !== now) void load(session);
      signedIn.current = now;
    });
  }, [session, learnerId, load]);
}
