import { lazy } from 'react';

/*
 * Every screen but home and the profile picker loads on first visit, so the first screen does not carry
 * the editor, the charts and the highlighter (scripts/check-bundle-size.mjs holds the budget).
 */
export const CatalogScreen = lazy(() => import('./CatalogScreen.js').then((m) => ({ default: m.CatalogScreen })));
export const ExerciseScreen = lazy(() => import('./ExerciseScreen.js').then((m) => ({ default: m.ExerciseScreen })));
export const LessonScreen = lazy(() => import('./LessonScreen.js').then((m) => ({ default: m.LessonScreen })));
export const ModuleScreen = lazy(() => import('./ModuleScreen.js').then((m) => ({ default: m.ModuleScreen })));
export const ProgressScreen = lazy(() => import('./ProgressScreen.js').then((m) => ({ default: m.ProgressScreen })));
export const QuizScreen = lazy(() => import('./QuizScreen.js').then((m) => ({ default: m.QuizScreen })));
export const SettingsScreen = lazy(() => import('./SettingsScreen.js').then((m) => ({ default: m.SettingsScreen })));
export const ClassesScreen = lazy(() =>
  import('../classroom/ClassesScreen.js').then((m) => ({ default: m.ClassesScreen })),
);
export const AssessmentScreen = lazy(() =>
  import('../assessment/AssessmentScreen.js').then((m) => ({ default: m.AssessmentScreen })),
);
export const AssessmentStartScreen = lazy(() =>
  import('../assessment/AssessmentStartScreen.js').then((m) => ({ default: m.AssessmentStartScreen })),
);
export const InboxScreen = lazy(() =>
  import('../notifications/InboxScreen.js').then((m) => ({ default: m.InboxScreen })),
);
