import type { StruggleSignal } from '../../common/progress-rules/struggle.js';
import type { ClassReport } from './class-report.js';

export type Cell = string | number | null;

export interface ReportTable {
  caption: string;
  headers: string[];
  /** The first cell of each row names the row (a learner, a module, an exercise): a row header in HTML. */
  rows: Cell[][];
}

export const reportTableNames = [
  'learners',
  'modules',
  'mastery',
  'stuck',
  'exercises',
  'assessments',
  'assignments',
] as const;
export type ReportTableName = (typeof reportTableNames)[number];

const minutes = (ms: number) => Math.round(ms / 60_000);
const day = (iso: string | null) => iso?.slice(0, 10) ?? null;

export function signalText(signal: StruggleSignal, titleOf: (id: string) => string): string {
  switch (signal.kind) {
    case 'repeated-failures':
      return `failed ${titleOf(signal.exerciseId)} ${signal.failed} times`;
    case 'idle':
      return signal.days === null ? 'no progress yet' : `no progress for ${signal.days} days`;
    case 'heavy-hints':
      return `took ${signal.hints} hints on ${titleOf(signal.exerciseId)}`;
  }
}

/** Every table of a class report, once: the HTML page and the CSV export both render these. */
export function reportTables(report: ClassReport): Record<ReportTableName, ReportTable> {
  const names = new Map(report.learners.map((l) => [l.id, l.displayName]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const exerciseTitles = new Map(report.exercises.map((e) => [e.exerciseId, e.title]));
  const titleOf = (id: string) => exerciseTitles.get(id) ?? id;
  const cells = new Map(report.mastery.map((c) => [`${c.learnerId}\u0000${c.skillId}`, c]));
  return {
    learners: {
      caption: 'Learners',
      headers: [
        'Learner',
        'Lessons done',
        'Exercises done',
        'Quiz answers right',
        'Minutes on task',
        'Streak (days)',
        'Last active',
      ],
      rows: report.learners.map((l) => [
        l.displayName,
        l.lessonsCompleted,
        l.exercisesCompleted,
        l.quizItemsCorrect,
        minutes(l.timeOnTaskMs),
        l.streakDays,
        day(l.lastActiveAt),
      ]),
    },
    modules: {
      caption: 'Completion per module',
      headers: ['Module', 'Items', 'Learners started', 'Learners finished', 'Average completion (%)'],
      rows: report.modules.map((m) => [m.title, m.total, m.started, m.finished, m.averagePercent]),
    },
    mastery: {
      caption: 'Mastery per skill (share of right answers and passing submissions)',
      headers: ['Learner', ...report.skills.map((s) => s.title)],
      // No skill answered yet: no rows, so the page says so instead of a table of names without a column.
      rows: (report.skills.length === 0 ? [] : report.learners).map((l) => [
        l.displayName,
        ...report.skills.map((s) => {
          const cell = cells.get(`${l.id}\u0000${s.skillId}`);
          return cell ? `${cell.percent}% (${cell.correct}/${cell.attempts})` : null;
        }),
      ]),
    },
    stuck: {
      caption: 'Who may be stuck',
      headers: ['Learner', 'Why'],
      rows: report.stuck.map((s) => [s.displayName, s.signals.map((x) => signalText(x, titleOf)).join('; ')]),
    },
    exercises: {
      caption: 'Exercises: where the class struggles',
      headers: [
        'Exercise',
        'Learners',
        'Submissions',
        'Pass rate (%)',
        'Median run (ms)',
        'Most failed test',
        'Times failed',
      ],
      rows: report.exercises.map((e) => [
        e.title,
        e.learners,
        e.attempts,
        e.passRate,
        e.medianMs,
        e.commonFailingTest,
        e.commonFailingCount,
      ]),
    },
    assessments: {
      caption: 'Assessment results',
      headers: ['Learner', 'Assessment', 'Attempts', 'Best score (%)', 'Last taken'],
      rows: report.assessments.map((a) => [
        nameOf(a.learnerId),
        a.assessmentId,
        a.attempts,
        a.bestPercent,
        day(a.lastAt),
      ]),
    },
    assignments: {
      caption: 'Assignments',
      headers: ['Assignment', 'Kind', 'Due', 'Done', ...report.learners.map((l) => l.displayName)],
      rows: report.assignments.map((a) => [
        a.title,
        a.kind,
        a.dueAt === null ? null : new Date(a.dueAt).toISOString().slice(0, 10),
        `${a.done} of ${a.statuses.length}`,
        ...a.statuses.map((s) => s.status),
      ]),
    },
  };
}
