/**
 * A time field's change is shown at once and saved in the background, so a second part changed before
 * the first is saved builds on it. The change is shown while the saved value is one the field has
 * already moved past: the value it was changed from, or an earlier change of this run still landing
 * (hour, then minute: the hour's save lands first and must not bring back ":00" in between).
 */
export interface PendingTime {
  /** Saved values that this change replaces, oldest first. */
  past: string[];
  value: string;
}

/** What the field shows, given what is saved. */
export const shownTime = (pending: PendingTime | undefined, saved: string): string =>
  pending?.past.includes(saved) ? pending.value : saved;

/** The pending change after the learner picks `value`, while `saved` is what is saved. */
export function nextPending(pending: PendingTime | undefined, saved: string, value: string): PendingTime {
  const active = pending?.past.includes(saved) ?? false;
  return { past: active ? [...pending!.past, pending!.value] : [saved], value };
}
