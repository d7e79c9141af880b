import type { ActivityKind } from '../../../common/contract/analytics.js';

/** A moment of activity: an event, or a mark of code work. */
export interface Moment {
  at: number;
  kind: ActivityKind;
  /** An opening (a lesson opened, an exercise started) ends a gap spent on what came before it. */
  opens: boolean;
  /** Time the event reports for itself, ending at `at` (a lesson read, a quiz item looked at, a run). */
  reportedMs: number;
}

export interface Stretch {
  start: number;
  end: number;
  kind: ActivityKind;
}

interface Interval extends Stretch {
  reported: boolean;
}

/**
 * The stretches of time on task, in order and never overlapping, from moments sorted by time:
 *
 * - the gap between two consecutive moments counts when it is at most `idleGapMs`, as work on the
 *   later moment's kind (the minutes before a submission were spent on the exercise), unless the later
 *   moment is an opening, which ends time spent on the earlier one; a longer gap is a break;
 * - the time a moment reports for itself counts as its own kind, and wins where it overlaps a gap,
 *   so no minute counts twice.
 */
export function timeOnTask(moments: readonly Moment[], idleGapMs: number): Stretch[] {
  const intervals: Interval[] = [];
  moments.forEach((m, i) => {
    if (m.reportedMs > 0) intervals.push({ start: m.at - m.reportedMs, end: m.at, kind: m.kind, reported: true });
    const previous = moments[i - 1];
    if (previous && m.at > previous.at && m.at - previous.at <= idleGapMs) {
      intervals.push({ start: previous.at, end: m.at, kind: m.opens ? previous.kind : m.kind, reported: false });
    }
  });
  // A sweep over the intervals' ends: each piece between two ends goes to a reported interval
  // covering it if any (the latest started), else to the gap covering it.
  const edges = intervals.flatMap((iv, n) => [
    { at: iv.start, n, open: true },
    { at: iv.end, n, open: false },
  ]);
  edges.sort((a, b) => a.at - b.at || Number(a.open) - Number(b.open));
  const open = new Set<number>();
  const stretches: Stretch[] = [];
  let last = -Infinity;
  for (const edge of edges) {
    if (edge.at > last && open.size > 0) {
      let pick: Interval | undefined;
      for (const n of open) {
        const iv = intervals[n]!;
        if (!pick || (iv.reported && !pick.reported) || (iv.reported === pick.reported && iv.start > pick.start))
          pick = iv;
      }
      const previous = stretches.at(-1);
      if (previous && previous.end === last && previous.kind === pick!.kind) previous.end = edge.at;
      else stretches.push({ start: last, end: edge.at, kind: pick!.kind });
    }
    last = edge.at;
    if (edge.open) open.add(edge.n);
    else open.delete(edge.n);
  }
  return stretches;
}
