import type { LearnService } from '../../../common/contract/api.js';
import { IDLE_GAP_MINUTES } from '../../../common/contract/analytics.js';
import type { ActivityKind, UserAnalytics } from '../../../common/contract/analytics.js';
import type { AnalyticsReader, LoggedEvent } from './analytics-reader.js';
import { datesBetween, LocalDays } from './local-days.js';
import { timeOnTask } from './time-on-task.js';
import type { Moment } from './time-on-task.js';
import type { WorkMarks } from './work-marks.js';

export type AnalyticsService = Pick<LearnService, 'getUserAnalytics'>;

const DAY_MS = 86_400_000;
const IDLE_GAP_MS = IDLE_GAP_MINUTES * 60_000;
/**
 * Events are read this far beyond the range's UTC days: local days reach 14 hours from UTC, a gap
 * crossing the range's start counts from its first moment, and an event after the end may report
 * time (up to a day) that falls inside it.
 */
const MARGIN_MS = 2 * DAY_MS;

const KINDS: Record<string, { kind: ActivityKind; opens?: boolean }> = {
  LessonOpened: { kind: 'lesson', opens: true },
  LessonCompleted: { kind: 'lesson' },
  ExerciseStarted: { kind: 'exercise', opens: true },
  ExerciseSubmitted: { kind: 'exercise' },
  ExerciseCompleted: { kind: 'exercise' },
  QuizAnswered: { kind: 'quiz' },
  AssessmentCompleted: { kind: 'assessment' },
  ReviewDone: { kind: 'review' },
};

/** An event type this version does not know (a newer device's) still marks activity, by its name's prefix. */
function kindOf(type: string) {
  const known = KINDS[type];
  if (known) return known;
  const prefix = (['Assessment', 'Review', 'Quiz', 'Exercise'] as const).find((p) => type.startsWith(p));
  return { kind: prefix ? (prefix.toLowerCase() as ActivityKind) : ('lesson' as const) };
}

function momentOf(event: LoggedEvent): Moment {
  const { kind, opens = false } = kindOf(event.type);
  const ms = event.reportedMs;
  return {
    at: Date.parse(event.timestamp),
    kind,
    opens,
    reportedMs: typeof ms === 'number' && Number.isFinite(ms) && ms > 0 ? Math.min(ms, DAY_MS) : 0,
  };
}

interface Deps {
  learnerOf: (session: string) => string;
  reader: AnalyticsReader;
  marks: WorkMarks;
}

/** The seed's getUserAnalytics: time on task, mastery over time, accuracy, activity and assessments, read from the log. */
export function createAnalyticsService({ learnerOf, reader, marks }: Deps): AnalyticsService {
  const analytics = (learnerId: string, from: string, to: string, timeZone: string): UserAnalytics => {
    const local = new LocalDays(timeZone);
    const lo = new Date(Date.parse(`${from}T00:00:00Z`) - MARGIN_MS).toISOString();
    const hi = new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS + MARGIN_MS).toISOString();
    const dates = datesBetween(from, to);
    const days = new Map(dates.map((day) => [day, { day, events: 0, timeMs: 0 }]));

    const events = reader.between(learnerId, lo, hi);
    const moments = [
      ...events.map(momentOf),
      ...marks
        .between(learnerId, lo, hi)
        .map((at): Moment => ({ at: Date.parse(at), kind: 'exercise', opens: false, reportedMs: 0 })),
    ].sort((a, b) => a.at - b.at);

    const byKind = { exercise: 0, quiz: 0, lesson: 0, review: 0, assessment: 0 } satisfies Record<ActivityKind, number>;
    for (const stretch of timeOnTask(moments, IDLE_GAP_MS)) {
      local.split(stretch.start, stretch.end, (day, ms) => {
        const entry = days.get(day);
        if (!entry) return;
        entry.timeMs += ms;
        byKind[stretch.kind] += ms;
      });
    }

    const assessments: UserAnalytics['assessments'] = [];
    const titles = reader.skillTitles();
    const skills = new Map<string, UserAnalytics['skills'][number]>();
    const skillOf = (skillId: string) => {
      let skill = skills.get(skillId);
      if (!skill) {
        const before = { correct: 0, attempts: 0 };
        skill = { skillId, title: titles.get(skillId) ?? skillId, correct: 0, attempts: 0, before, mastery: [] };
        skills.set(skillId, skill);
      }
      return skill;
    };
    // Evidence from before the events read: the projection's totals less what came since.
    for (const [skillId, counts] of reader.skillsBefore(learnerId, lo)) {
      if (counts.attempts > 0)
        Object.assign(skillOf(skillId).before, { correct: counts.correct, attempts: counts.attempts });
    }

    for (const event of events) {
      const day = local.dayOf(Date.parse(event.timestamp));
      if (day > to) continue;
      const right = event.correct ? 1 : 0;
      for (const skillId of event.skills ? (JSON.parse(event.skills) as string[]) : []) {
        const skill = skillOf(skillId);
        if (day < from) {
          skill.before.correct += right;
          skill.before.attempts += 1;
          continue;
        }
        skill.correct += right;
        skill.attempts += 1;
        let point = skill.mastery.at(-1);
        if (point?.day !== day) {
          const last = point ?? skill.before;
          point = { day, correct: last.correct, attempts: last.attempts };
          skill.mastery.push(point);
        }
        point.correct += right;
        point.attempts += 1;
      }
      const entry = days.get(day);
      if (!entry) continue;
      entry.events += 1;
      if (event.type === 'AssessmentCompleted' && event.assessment) {
        const { assessmentId, score, total } = JSON.parse(event.assessment) as {
          assessmentId: string;
          score: number;
          total: number;
        };
        assessments.push({ assessmentId, at: event.timestamp, day, score, total });
      }
    }

    // Every stretch starts and ends on whole milliseconds: the sums are whole too.
    return {
      from,
      to,
      timeZone,
      idleGapMinutes: IDLE_GAP_MINUTES,
      timeOnTask: { totalMs: Object.values(byKind).reduce((a, b) => a + b, 0), byKind },
      days: [...days.values()],
      skills: [...skills.values()].sort((a, b) => a.title.localeCompare(b.title)),
      assessments,
    };
  };

  return {
    getUserAnalytics: async ({ session, from, to, timeZone }) => analytics(learnerOf(session), from, to, timeZone),
  };
}
