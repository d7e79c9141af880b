import { hrefFor } from './router.js';

/** Where a step of the teaching order opens: a quiz is its module's. */
export const hrefOfItem = (item: { kind: 'lesson' | 'exercise' | 'quiz'; contentId: string; moduleId: string }) =>
  item.kind === 'exercise'
    ? hrefFor.exercise(item.contentId)
    : item.kind === 'quiz'
      ? hrefFor.quiz(item.moduleId)
      : hrefFor.lesson(item.contentId);
