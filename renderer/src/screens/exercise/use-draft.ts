import { useCallback, useEffect, useRef, useState } from 'react';
import { learn } from '../../learn.js';

/** Quiet time after the last keystroke before the draft is saved. */
const SAVE_AFTER_MS = 500;

export type DraftSave = { state: 'saved' | 'saving' | 'unsaved' } | { state: 'failed'; message: string };

/**
 * The learner's code for an exercise: their saved draft (else the starter) when the screen opens, saved
 * as they type (after a short pause) and at once when they leave the screen, hide or close the window.
 */
export function useDraft(session: string, exerciseId: string, starter: string) {
  const [loaded, setLoaded] = useState<{ exerciseId: string; code: string }>();
  const [save, setSave] = useState<DraftSave>({ state: 'saved' });
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const code = pending.current;
    if (code === null) return;
    pending.current = null;
    setSave({ state: 'saving' });
    learn()
      .saveDraft({ session, exerciseId, code })
      .then(
        () => setSave((now) => (pending.current === null && now.state === 'saving' ? { state: 'saved' } : now)),
        (error: unknown) => setSave({ state: 'failed', message: (error as Error).message }),
      );
  }, [session, exerciseId]);

  useEffect(() => {
    let current = true;
    learn()
      .getDraft({ session, exerciseId })
      .then(
        (draft) => current && setLoaded({ exerciseId, code: draft?.code ?? starter }),
        // Without the draft the starter is still workable; saving will say if the store is unreachable.
        () => current && setLoaded({ exerciseId, code: starter }),
      );
    const hidden = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      current = false;
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', hidden);
      flush();
    };
  }, [session, exerciseId, starter, flush]);

  /** Every change of the code; `now` saves at once (a reset or a restore), else after a pause. */
  const changed = useCallback(
    (code: string, now = false) => {
      pending.current = code;
      setSave({ state: 'unsaved' });
      clearTimeout(timer.current);
      if (now) flush();
      else timer.current = setTimeout(flush, SAVE_AFTER_MS);
    },
    [flush],
  );

  /** Null until the draft of this exercise is read: an answer for another exercise is never shown. */
  const initial = loaded?.exerciseId === exerciseId ? loaded.code : null;
  return { initial, save, changed };
}
