import { z } from 'zod';
import { ruleText } from '../i18n/input-issues.js';

/**
 * The rule time on task follows (main/core/analytics/time-on-task.ts): every event and every mark of
 * code work (a run, a saved draft, a live check) is a moment of activity; the time between two
 * moments at most this far apart counts, a longer gap is a break and counts nothing; the time an
 * event reports itself (a lesson read, a quiz item looked at, a run) counts too, never twice.
 */
export const IDLE_GAP_MINUTES = 15;
/** The longest range one call reads: a year and a bit, so a calendar year fits whatever the zone (rule-range-length says it). */
export const MAX_ANALYTICS_DAYS = 400;

const localDate = z.iso.date();

/** An IANA time zone the runtime knows ("Europe/Berlin", "UTC"): local dates follow its DST rules. */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, ruleText('rule-time-zone'));

const dayCount = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 864e5;

/** A range of local days, both ends included, in the learner's time zone. */
export const analyticsInputShape = { from: localDate, to: localDate, timeZone: timeZoneSchema };

/** The range's checks, for the method's input (asLearner adds the session to the shape). */
export function checkAnalyticsRange(range: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (range.from > range.to) ctx.addIssue({ code: 'custom', message: ruleText('rule-range-order'), path: ['from'] });
  else if (dayCount(range.from, range.to) >= MAX_ANALYTICS_DAYS) {
    ctx.addIssue({ code: 'custom', message: ruleText('rule-range-length'), path: ['to'] });
  }
}
export type AnalyticsInput = { from: string; to: string; timeZone: string };

/** What the learner was doing when time counted. */
export const activityKinds = ['exercise', 'quiz', 'lesson', 'review', 'assessment'] as const;
export type ActivityKind = (typeof activityKinds)[number];

const int = z.number().int().nonnegative();
const byKind = z.object(Object.fromEntries(activityKinds.map((k) => [k, int])) as Record<ActivityKind, typeof int>);

export const userAnalyticsSchema = z.object({
  from: localDate,
  to: localDate,
  timeZone: z.string(),
  idleGapMinutes: z.number().int(),
  /** Milliseconds on task in the range, in all and per kind of work. */
  timeOnTask: z.object({ totalMs: int, byKind }),
  /** Every local day of the range, oldest first, with what happened on it. */
  days: z.array(z.object({ day: localDate, events: int, timeMs: int })),
  /**
   * Per skill with evidence up to the range's end: right answers and attempts in the range (accuracy),
   * and mastery (the share right so far, all earlier evidence included) at the end of each day of the
   * range it changed, cumulative.
   */
  skills: z.array(
    z.object({
      skillId: z.string(),
      title: z.string(),
      correct: int,
      attempts: int,
      /** The evidence from before the range: where its mastery started. */
      before: z.object({ correct: int, attempts: int }),
      mastery: z.array(z.object({ day: localDate, correct: int, attempts: int })),
    }),
  ),
  /** Assessments finished in the range, oldest first. */
  assessments: z.array(
    z.object({ assessmentId: z.string(), at: z.string(), day: localDate, score: z.number(), total: z.number() }),
  ),
});
export type UserAnalytics = z.infer<typeof userAnalyticsSchema>;
