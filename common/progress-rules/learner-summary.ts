import { activeLocalDays, localDay, streaks } from './activity-days.js';
import type { ProgressCatalog } from './catalog.js';
import type { LearnerProjection } from './learner-projection.js';
import { doneItemsOf } from './learner-projection.js';
import type { Completion } from './module-completion.js';
import { moduleCompletion, sumCompletion } from './module-completion.js';

/** The numbers of a learner's progress screen (`ProgressSummary` without the charts' days and resume). */
export interface LearnerNumbers {
  lessonsCompleted: number;
  exercisesCompleted: number;
  quizItemsCorrect: number;
  packs: ({ packId: string; title: string } & Completion)[];
  modules: ({ moduleId: string; packId: string; title: string } & Completion)[];
  mastery: { skillId: string; title: string; correct: number; attempts: number }[];
  streakDays: number;
  longestStreakDays: number;
  timeOnTaskMs: number;
}

const byTitle = (a: { title: string }, b: { title: string }) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0);

/** What the learner's own app shows for the same events and packs; the class server reports these. */
export function learnerNumbers(
  p: LearnerProjection,
  catalog: ProgressCatalog,
  { tzOffsetMinutes, now }: { tzOffsetMinutes: number; now: Date },
): LearnerNumbers {
  const done = doneItemsOf(p);
  const modules = catalog.modules.map((m) => ({
    moduleId: m.moduleId,
    packId: m.packId,
    title: m.title,
    ...moduleCompletion(m, done),
  }));
  const packs = catalog.packs.map((pack) => ({
    ...pack,
    ...sumCompletion(modules.filter((m) => m.packId === pack.packId)),
  }));
  const { current, longest } = streaks(
    activeLocalDays(p.days.values(), tzOffsetMinutes),
    localDay(now, tzOffsetMinutes),
  );
  return {
    lessonsCompleted: done.lessons.size,
    exercisesCompleted: done.exercises.size,
    quizItemsCorrect: done.quizItems.size,
    packs,
    modules,
    mastery: [...p.skills]
      .map(([skillId, s]) => ({
        skillId,
        title: catalog.skillTitles.get(skillId) ?? skillId,
        correct: s.correct,
        attempts: s.attempts,
      }))
      .sort(byTitle),
    streakDays: current,
    longestStreakDays: longest,
    timeOnTaskMs: [...p.days.values()].reduce((n, d) => n + d.timeMs, 0),
  };
}
