import type { Translations } from './en.js';

/** German: complete, to prove every screen that uses the translations can switch (the test compares keys). */
export const de: Translations = {
  app: {
    name: 'Lionagi Learn',
    starting: 'Wird gestartet…',
    loading: 'Wird geladen…',
    skipToContent: 'Zum Inhalt springen',
    switchProfile: 'Profil wechseln',
    switchProfileShortcut: 'Profil wechseln (Strg+Umschalt+S)',
    notFound: 'Unter „{{path}}“ gibt es nichts.',
    backToModules: 'Zurück zu deinen Modulen',
  },
  nav: {
    label: 'Hauptmenü',
    modules: 'Module',
    progress: 'Fortschritt',
    classes: 'Klassen',
    catalog: 'Katalog',
    settings: 'Einstellungen',
  },
  load: {
    loading: '{{what}} wird geladen…',
    failed: '{{what}} konnte nicht geladen werden: {{message}}',
    retry: 'Erneut versuchen',
  },
  breadcrumb: { label: 'Brotkrumen', modules: 'Module' },
  next: {
    lastStep: 'Das war der letzte Schritt dieses Kurses.',
    backToModules: 'Zurück zu deinen Modulen',
    next: 'Weiter: {{title}}',
    kind: { lesson: 'Lektion', exercise: 'Übung', quiz: 'Quiz' },
  },
  lesson: {
    what: 'Diese Lektion',
    doneOn: '✓ Erledigt am {{date}}',
    markDone: 'Lektion als erledigt markieren',
    navigation: 'Lektionsnavigation',
    previous: '← Vorherige Lektion',
  },
  settings: {
    language: 'Sprache',
    languageSystem: 'Wie das System',
  },
};
