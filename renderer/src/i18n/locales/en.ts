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
  common: { cancel: 'Cancel' },
  exercise: {
    what: 'this exercise',
    difficulty: 'Difficulty {{difficulty}} of 5',
    opening: 'Opening your code…',
    codeFor: 'Code for {{title}}',
    sandboxPreparing: 'Getting the code sandbox ready (first run on this machine): {{percent}}%',
    actions: 'Exercise actions',
    run: 'Run',
    stop: 'Stop',
    submit: 'Submit',
    checking: 'Checking…',
    noHints: 'No hints',
    hint: 'Hint ({{shown}} of {{total}})',
    hints: 'Hints',
    draft: {
      saved: 'Your code is saved.',
      saving: 'Saving…',
      unsaved: 'Editing…',
      failed: 'Your code was not saved: {{message}}',
    },
    reset: {
      title: 'Start again from the starter code?',
      label: 'Reset to starter',
      body: 'Your code in the editor is replaced by the exercise’s starter code.',
      submissionStays: 'Your last submission stays: you can restore it later.',
    },
    restore: {
      title: 'Restore your last submission?',
      label: 'Restore my last submission',
      body: 'Your code in the editor is replaced by the code you last submitted.',
    },
  },
  results: {
    heading: { tests: 'Tests', output: 'Output', submission: 'Submission', results: 'Results' },
    testResults: 'Test results',
    status: { pass: 'passed', fail: 'failed', error: 'error' },
    showTestCode: 'Show the test’s code',
    nothingPrinted: '(nothing printed)',
    exitLine: 'Exit code {{exitCode}} · {{duration}} ms',
    limit: {
      timedOut: 'Stopped after {{seconds}} s: the time limit. Is there a loop that never ends?',
      oomKilled: 'Stopped: the program used more memory than the sandbox allows.',
      truncated: 'The output was cut: the program printed more than the sandbox keeps.',
    },
    live: {
      allPass_one: 'The {{count}} test passes.',
      allPass_other: 'All {{count}} tests pass.',
      somePass_one: '{{passed}} of {{count}} test passes.',
      somePass_other: '{{passed}} of {{count}} tests pass.',
      couldNotRun: 'The tests could not run on this code.',
    },
    submitted: {
      allPass_one: 'Submitted: the {{count}} test passes. Well done!',
      allPass_other: 'Submitted: all {{count}} tests pass. Well done!',
      somePass_one: 'Submitted: {{passed}} of {{count}} test passes. Keep going.',
      somePass_other: 'Submitted: {{passed}} of {{count}} tests pass. Keep going.',
      couldNotRun: 'Submitted: the tests could not run on this code.',
      limit: 'Submitted: {{reason}}',
    },
    idle: 'Start typing: the tests run on your code as you go.',
    checking: 'Checking as you type…',
    running: 'Running your code… Stop ends it.',
    finished: 'Finished with exit code {{exitCode}}.',
    submitting: 'Checking your submission against every test…',
    stopped: 'Stopped: the run was ended before it finished.',
    outdatedRun: 'Your code changed while it ran: press Run again to see what this code prints.',
    outdatedSubmit:
      'Your submission was recorded, but your code changed while it was checked: submit again to check this code.',
  },
} as const;

/** The shape every locale fills: the same keys, any strings. */
export type Translations = { [K in keyof typeof en]: Widen<(typeof en)[K]> };
type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };
