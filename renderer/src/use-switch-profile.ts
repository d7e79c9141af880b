import { useCallback, useEffect } from 'react';
import { useAdmin } from './admin-store.js';
import { useClassroom } from './classroom/classroom-store.js';
import { useLearner } from './learner-store.js';

/** The chord that switches learners on a shared lab machine, as `aria-keyshortcuts` names it. */
export const SWITCH_SHORTCUT = 'Control+Shift+S';

const isSwitchChord = (event: KeyboardEvent) =>
  event.ctrlKey && event.shiftKey && !event.altKey && !event.metaKey && event.key.toLowerCase() === 's';

/**
 * "Switch profile": the next learner at this keyboard finds neither admin unlocked nor anything of the
 * previous learner's class server session (their classes, assignments, the teacher's screens) on screen.
 * Ctrl+Shift+S does it from anywhere; the picker then has focus on the profiles, so a learner types the
 * first letters of their name, Enter, their PIN, Enter.
 */
export function useSwitchProfile(): () => Promise<void> {
  const leave = useLearner((s) => s.leave);
  const lockAdmin = useAdmin((s) => s.lock);
  const forgetClassroom = useClassroom((s) => s.reset);
  const switchProfile = useCallback(async () => {
    forgetClassroom();
    await Promise.all([lockAdmin(), leave()]);
  }, [leave, lockAdmin, forgetClassroom]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isSwitchChord(event) || !useLearner.getState().current) return;
      event.preventDefault();
      void switchProfile();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [switchProfile]);

  return switchProfile;
}
