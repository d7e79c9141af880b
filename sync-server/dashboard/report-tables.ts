import type { AssignmentKind, AssignmentStatus } from '../../common/contract/assignments.js';
import { say } from '../../common/i18n/message.js';
import type { PlainMessageKey, Said } from '../../common/i18n/message.js';
import type { Speaker } from '../../common/i18n/speaker.js';
import type { StruggleSignal } from '../../common/progress-rules/struggle.js';
import type { ClassReport } from './class-report.js';

/** A number stays a number (the page formats it for its language, the CSV keeps it plain for spreadsheets). */
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

const CAPTIONS: Record<ReportTableName, PlainMessageKey> = {
  learners: 'dash-table-learners',
  modules: 'dash-table-modules',
  mastery: 'dash-table-mastery',
  stuck: 'dash-table-stuck',
  exercises: 'dash-table-exercises',
  assessments: 'dash-table-assessments',
  assignments: 'dash-table-assignments',
};
const KINDS: Record<AssignmentKind, PlainMessageKey> = {
  lesson: 'dash-kind-lesson',
  exercise: 'dash-kind-exercise',
  quiz: 'dash-kind-quiz',
  assessment: 'dash-kind-assessment',
};
const STATUSES: Record<AssignmentStatus, PlainMessageKey> = {
  'not-started': 'dash-status-not-started',
  'in-progress': 'dash-status-in-progress',
  done: 'dash-status-done',
};

/** A message without values, by a key chosen from a table above. */
const plain = (key: PlainMessageKey) => say(key);

const minutes = (ms: number) => Math.round(ms / 60_000);

/** Why a learner may be stuck, as a catalog message (the page and the CSV say it in the reader's language). */
export function signalSaid(signal: StruggleSignal, titleOf: (id: string) => string): Said {
  switch (signal.kind) {
    case 'repeated-failures':
      return say('dash-signal-failed', { exercise: titleOf(signal.exerciseId), count: signal.failed });
    case 'idle':
      return signal.days === null ? say('dash-signal-no-progress') : say('dash-signal-idle', { count: signal.days });
    case 'heavy-hints':
      return say('dash-signal-hints', { exercise: titleOf(signal.exerciseId), count: signal.hints });
  }
}

/** Every table of a class report, once, in the speaker's language: the HTML page and the CSV export render these. */
export function reportTables(report: ClassReport, speaker: Speaker): Record<ReportTableName, ReportTable> {
  const t = speaker.text;
  const cols = (...keys: PlainMessageKey[]) => keys.map((key) => t(plain(key)));
  const day = (iso: string | null) => (iso === null ? null : speaker.day(iso));
  const names = new Map(report.learners.map((l) => [l.id, l.displayName]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const exerciseTitles = new Map(report.exercises.map((e) => [e.exerciseId, e.title]));
  const titleOf = (id: string) => exerciseTitles.get(id) ?? id;
  const cells = new Map(report.mastery.map((c) => [`${c.learnerId}\u0000${c.skillId}`, c]));
  const table = (name: ReportTableName, headers: string[], rows: Cell[][]): ReportTable => ({
    caption: t(plain(CAPTIONS[name])),
    headers,
    rows,
  });
  return {
    learners: table(
      'learners',
      cols(
        'dash-col-learner',
        'dash-col-lessons-done',
        'dash-col-exercises-done',
        'dash-col-quiz-right',
        'dash-col-minutes',
        'dash-col-streak',
        'dash-col-last-active',
      ),
      report.learners.map((l) => [
        l.displayName,
        l.lessonsCompleted,
        l.exercisesCompleted,
        l.quizItemsCorrect,
        minutes(l.timeOnTaskMs),
        l.streakDays,
        day(l.lastActiveAt),
      ]),
    ),
    modules: table(
      'modules',
      cols('dash-col-module', 'dash-col-items', 'dash-col-started', 'dash-col-finished', 'dash-col-average'),
      report.modules.map((m) => [m.title, m.total, m.started, m.finished, m.averagePercent]),
    ),
    mastery: table(
      'mastery',
      [...cols('dash-col-learner'), ...report.skills.map((s) => s.title)],
      // No skill answered yet: no rows, so the page says so instead of a table of names without a column.
      (report.skills.length === 0 ? [] : report.learners).map((l) => [
        l.displayName,
        ...report.skills.map((s) => {
          const cell = cells.get(`${l.id}\u0000${s.skillId}`);
          return cell
            ? t(say('dash-mastery-cell', { percent: cell.percent, correct: cell.correct, attempts: cell.attempts }))
            : null;
        }),
      ]),
    ),
    stuck: table(
      'stuck',
      cols('dash-col-learner', 'dash-col-why'),
      report.stuck.map((s) => [s.displayName, s.signals.map((x) => t(signalSaid(x, titleOf))).join('; ')]),
    ),
    exercises: table(
      'exercises',
      cols(
        'dash-col-exercise',
        'dash-col-learners',
        'dash-col-submissions',
        'dash-col-pass-rate',
        'dash-col-median-run',
        'dash-col-most-failed',
        'dash-col-times-failed',
      ),
      report.exercises.map((e) => [
        e.title,
        e.learners,
        e.attempts,
        e.passRate,
        e.medianMs,
        e.commonFailingTest,
        e.commonFailingCount,
      ]),
    ),
    assessments: table(
      'assessments',
      cols(
        'dash-col-learner',
        'dash-col-assessment',
        'dash-col-attempts',
        'dash-col-best-score',
        'dash-col-last-taken',
      ),
      report.assessments.map((a) => [nameOf(a.learnerId), a.assessmentId, a.attempts, a.bestPercent, day(a.lastAt)]),
    ),
    assignments: table(
      'assignments',
      [
        ...cols('dash-col-assignment', 'dash-col-kind', 'dash-col-due', 'dash-col-done'),
        ...report.learners.map((l) => l.displayName),
      ],
      report.assignments.map((a) => [
        a.title,
        t(plain(KINDS[a.kind])),
        a.dueAt === null ? null : speaker.day(new Date(a.dueAt).toISOString()),
        t(say('dash-n-of-m', { done: a.done, total: a.statuses.length })),
        ...a.statuses.map((s) => t(plain(STATUSES[s.status]))),
      ]),
    ),
  };
}
