import type { Translations } from '../../i18n/locales/en.js';
import type { screensEn } from './en.js';

export const screensDe: { [K in keyof typeof screensEn]: Translations[K] } = {
  settingsScreen: {
    heading: 'Einstellungen',
    keys: {
      heading: 'Vertrauenswürdige Paketschlüssel',
      intro:
        'Pakete werden nur installiert, wenn einer dieser Schlüssel sie signiert hat. Den mit der App gelieferten Paketen wird immer vertraut.',
      what: 'die vertrauenswürdigen Schlüssel',
      none: 'Noch keine Schlüssel: Nur die mit der App gelieferten Pakete lassen sich installieren.',
      list: 'Vertrauenswürdige Schlüssel',
      shipped: 'mit der App geliefert',
      added: 'hinzugefügt am {{date}}',
      remove: 'Entfernen',
      removed: 'Schlüssel {{keyId}} entfernt.',
      trusting: 'Schlüssel {{keyId}} ({{label}}) ist jetzt vertrauenswürdig.',
      whose: 'Wem gehört der Schlüssel',
      whosePlaceholder: 'z. B. Inhaltsteam des Schulamts',
      publicKey: 'Öffentlicher Schlüssel (der Inhalt von pack-signing.pub)',
      trust: 'Diesem Schlüssel vertrauen',
    },
  },
  progressScreen: {
    heading: 'Dein Fortschritt',
    what: 'deinen Fortschritt',
    resume: 'Mach weiter, wo du aufgehört hast:',
    packLine: '{{title}}: {{percent}} ({{completed}} von {{total}})',
    days_one: '{{count, number}} Tag',
    days_other: '{{count, number}} Tage',
    streak: 'Serie',
    longestStreak: 'Längste Serie',
    lessonsDone: 'Erledigte Lektionen',
    exercisesDone: 'Erledigte Übungen',
    quizRight: 'Richtige Quizantworten',
    empty: 'Noch nichts zu sehen. Öffne eine Lektion aus <a>deinen Modulen</a>, dann füllen sich deine Diagramme.',
    completion: 'Abschluss nach Modul',
    started: '{{started}} von {{count, number}} Modulen begonnen.',
    mastery: 'Beherrschung nach Fähigkeit',
    masterySummary: 'Anteil richtiger Antworten und bestandener Abgaben pro Fähigkeit; am stärksten: {{title}}.',
    masteryEmpty: 'Beantworte Quizfragen und gib Übungen ab, dann erscheinen deine Fähigkeiten hier.',
  },
  missingToken: {
    heading: 'Öffne den Link aus dem Terminal',
    body: 'Diese Seite braucht den Link, den <code>lionlearn serve</code> (oder <code>npm start</code>) ausgegeben hat; er enthält den Zugangsschlüssel für diese Sitzung.',
  },
};
