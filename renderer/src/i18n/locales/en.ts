/**
 * English, the source language: every key the app translates. Another locale must have every key
 * (locales/de.ts is typed against this), and a key a screen names that is missing here fails the typecheck.
 */
export const en = {
  app: {
    name: 'Lionagi Learn',
    starting: 'Starting…',
    loading: 'Loading…',
    skipToContent: 'Skip to content',
    switchProfile: 'Switch profile',
    switchProfileShortcut: 'Switch profile (Ctrl+Shift+S)',
    notFound: 'Nothing lives at “{{path}}”.',
    backToModules: 'Back to your modules',
  },
  nav: {
    label: 'Main',
    modules: 'Modules',
    progress: 'Progress',
    classes: 'Classes',
    catalog: 'Catalog',
    settings: 'Settings',
  },
  load: {
    loading: 'Loading {{what}}…',
    failed: 'Could not load {{what}}: {{message}}',
    retry: 'Try again',
  },
  breadcrumb: { label: 'Breadcrumb', modules: 'Modules' },
  next: {
    lastStep: 'That was the last step of this course.',
    backToModules: 'Back to your modules',
    next: 'Next: {{title}}',
    kind: { lesson: 'lesson', exercise: 'exercise', quiz: 'quiz' },
  },
  lesson: {
    what: 'this lesson',
    doneOn: '✓ Done on {{date}}',
    markDone: 'Mark lesson as done',
    navigation: 'Lesson navigation',
    previous: '← Previous lesson',
  },
  settings: {
    language: 'Language',
    languageSystem: 'Like the system',
  },
} as const;

/** The shape every locale fills: the same keys, any strings. */
export type Translations = { [K in keyof typeof en]: Widen<(typeof en)[K]> };
type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };
