import type { Assignment, AssignmentStatus } from '../../common/contract/assignments.js';
import { assignmentStatus } from '../../common/progress-rules/assignment-status.js';
import type { ProgressCatalog } from '../../common/progress-rules/catalog.js';
import type { LearnerProjection } from '../../common/progress-rules/learner-projection.js';
import { learnerNumbers } from '../../common/progress-rules/learner-summary.js';
import type { LearnerNumbers } from '../../common/progress-rules/learner-summary.js';
import { percent } from '../../common/progress-rules/percent.js';
import { struggleSignals } from '../../common/progress-rules/struggle.js';
import type { StruggleSignal, StruggleThresholds } from '../../common/progress-rules/struggle.js';
import type { ClassRoster } from './class-access.js';

export interface ReportOptions {
  now: Date;
  tzOffsetMinutes: number;
  thresholds: StruggleThresholds;
}

export interface ClassReport {
  class: { id: string; name: string };
  generatedAt: string;
  learners: {
    id: string;
    displayName: string;
    lessonsCompleted: number;
    exercisesCompleted: number;
    quizItemsCorrect: number;
    timeOnTaskMs: number;
    streakDays: number;
    lastActiveAt: string | null;
  }[];
  modules: {
    moduleId: string;
    title: string;
    total: number;
    started: number;
    finished: number;
    averagePercent: number;
  }[];
  skills: { skillId: string; title: string }[];
  /** The heat map: one cell per learner and skill the learner tried. */
  mastery: { learnerId: string; skillId: string; correct: number; attempts: number; percent: number }[];
  stuck: { learnerId: string; displayName: string; signals: StruggleSignal[] }[];
  exercises: {
    exerciseId: string;
    title: string;
    learners: number;
    attempts: number;
    passRate: number;
    medianMs: number | null;
    commonFailingTest: string | null;
    commonFailingCount: number;
  }[];
  assessments: { learnerId: string; assessmentId: string; attempts: number; bestPercent: number; lastAt: string }[];
  assignments: {
    id: string;
    kind: Assignment['kind'];
    itemId: string;
    title: string;
    dueAt: number | null;
    statuses: { learnerId: string; status: AssignmentStatus }[];
    done: number;
  }[];
}

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
};

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Everything the class dashboard shows, from its members' projections and the catalog. */
export function classReport(
  roster: ClassRoster,
  projections: ReadonlyMap<string, LearnerProjection>,
  catalog: ProgressCatalog,
  assignments: readonly Assignment[],
  options: ReportOptions,
): ClassReport {
  const members = roster.members.map((m) => ({ ...m, p: projections.get(m.id)! }));
  const numbers = new Map<string, LearnerNumbers>(members.map((m) => [m.id, learnerNumbers(m.p, catalog, options)]));
  const titleOf = (id: string) => catalog.itemTitles.get(id) ?? id;

  const modules = catalog.modules.map((module, i) => {
    const rows = members.map((m) => numbers.get(m.id)!.modules[i]!);
    const completedSum = rows.reduce((n, r) => n + r.completed, 0);
    const total = module.lessons.length + module.exercises.length + module.quizItems.length;
    return {
      moduleId: module.moduleId,
      title: module.title,
      total,
      started: rows.filter((r) => r.completed > 0).length,
      finished: rows.filter((r) => r.total > 0 && r.completed === r.total).length,
      averagePercent: percent(completedSum, total * members.length),
    };
  });

  const mastery = members.flatMap((m) =>
    numbers.get(m.id)!.mastery.map((s) => ({
      learnerId: m.id,
      skillId: s.skillId,
      correct: s.correct,
      attempts: s.attempts,
      percent: percent(s.correct, s.attempts),
    })),
  );
  const skillIds = [...new Set(mastery.map((c) => c.skillId))];
  const skills = skillIds
    .map((skillId) => ({ skillId, title: catalog.skillTitles.get(skillId) ?? skillId }))
    .sort((a, b) => byText(a.title, b.title));

  const exerciseIds = [...new Set(members.flatMap((m) => [...m.p.exercises.keys()]))].sort(byText);
  const exercises = exerciseIds.map((exerciseId) => {
    const rows = members.map((m) => m.p.exercises.get(exerciseId)).filter((e) => e !== undefined);
    const attempts = rows.reduce((n, e) => n + e.attempts, 0);
    const failed = rows.reduce((n, e) => n + e.failed, 0);
    const failing = new Map<string, number>();
    for (const e of rows) for (const [test, n] of e.failingTests) failing.set(test, (failing.get(test) ?? 0) + n);
    const [commonFailingTest, commonFailingCount] = [...failing].sort(
      (a, b) => b[1] - a[1] || byText(a[0], b[0]),
    )[0] ?? [null, 0];
    return {
      exerciseId,
      title: titleOf(exerciseId),
      learners: rows.length,
      attempts,
      passRate: percent(attempts - failed, attempts),
      medianMs: median(rows.flatMap((e) => e.durations)),
      commonFailingTest,
      commonFailingCount,
    };
  });

  return {
    class: { id: roster.id, name: roster.name },
    generatedAt: options.now.toISOString(),
    learners: members.map((m) => {
      const n = numbers.get(m.id)!;
      return {
        id: m.id,
        displayName: m.displayName,
        lessonsCompleted: n.lessonsCompleted,
        exercisesCompleted: n.exercisesCompleted,
        quizItemsCorrect: n.quizItemsCorrect,
        timeOnTaskMs: n.timeOnTaskMs,
        streakDays: n.streakDays,
        lastActiveAt: m.p.lastAt,
      };
    }),
    modules,
    skills,
    mastery,
    stuck: members
      .map((m) => ({
        learnerId: m.id,
        displayName: m.displayName,
        signals: struggleSignals(m.p, options.now, options.thresholds),
      }))
      .filter((s) => s.signals.length > 0),
    exercises,
    assessments: members.flatMap((m) =>
      [...m.p.assessments].map(([assessmentId, a]) => ({
        learnerId: m.id,
        assessmentId,
        attempts: a.attempts,
        bestPercent: Math.round(a.bestRatio * 100),
        lastAt: a.lastAt,
      })),
    ),
    assignments: assignments.map((a) => {
      const statuses = members.map((m) => ({ learnerId: m.id, status: assignmentStatus(a, m.p, catalog) }));
      return {
        id: a.id,
        kind: a.kind,
        itemId: a.itemId,
        title: a.title,
        dueAt: a.dueAt,
        statuses,
        done: statuses.filter((s) => s.status === 'done').length,
      };
    }),
  };
}

/** One learner's detail: the numbers of their own progress screen, their exercises and why they may be stuck. */
export type LearnerDetail = ReturnType<typeof learnerDetail>;

export function learnerDetail(
  member: { id: string; displayName: string },
  p: LearnerProjection,
  catalog: ProgressCatalog,
  options: ReportOptions,
) {
  return {
    learner: member,
    numbers: learnerNumbers(p, catalog, options),
    signals: struggleSignals(p, options.now, options.thresholds),
    lastActiveAt: p.lastAt,
    exercises: [...p.exercises]
      .map(([exerciseId, e]) => ({
        exerciseId,
        title: catalog.itemTitles.get(exerciseId) ?? exerciseId,
        attempts: e.attempts,
        failed: e.failed,
        bestPassed: e.bestPassed,
        bestTotal: e.bestTotal,
        maxHints: e.maxHints,
        completedAt: e.completedAt,
      }))
      .sort((a, b) => byText(a.exerciseId, b.exerciseId)),
  };
}
