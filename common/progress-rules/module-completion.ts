import type { CatalogModule } from './catalog.js';

/** What a learner has finished: lessons completed, exercises completed, quiz items answered right once. */
export interface DoneItems {
  lessons: { has(id: string): boolean };
  exercises: { has(id: string): boolean };
  quizItems: { has(id: string): boolean };
}

export interface Completion {
  total: number;
  completed: number;
}

const countIn = (ids: readonly string[], done: { has(id: string): boolean }) =>
  ids.reduce((n, id) => n + (done.has(id) ? 1 : 0), 0);

/** A module is its lessons, exercises and quiz items, each counted once it is done. */
export const moduleCompletion = (module: CatalogModule, done: DoneItems): Completion => ({
  total: module.lessons.length + module.exercises.length + module.quizItems.length,
  completed:
    countIn(module.lessons, done.lessons) +
    countIn(module.exercises, done.exercises) +
    countIn(module.quizItems, done.quizItems),
});

/** A pack's completion is the sum of its modules'. */
export const sumCompletion = (parts: readonly Completion[]): Completion => ({
  total: parts.reduce((n, c) => n + c.total, 0),
  completed: parts.reduce((n, c) => n + c.completed, 0),
});
