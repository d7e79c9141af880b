import type { Translations } from '../../i18n/locales/en.js';

export const analyticsDe: Translations['analytics'] = {
  heading: 'Deine Aktivität',
  what: 'deine Aktivität',
  period: 'Zeitraum',
  lastDays_one: 'Letzter {{count, number}} Tag',
  lastDays_other: 'Letzte {{count, number}} Tage',
  kind: {
    exercise: 'Übungen',
    quiz: 'Quizze',
    lesson: 'Lektionen',
    review: 'Wiederholungen',
    assessment: 'Tests',
  },
  timeOnTask: 'Lernzeit',
  rule_one:
    'Aus deiner Aktivität gezählt: Die Zeit zwischen zwei Dingen, die du tust (ein Lauf, ein gespeicherter Entwurf, eine Antwort, eine Lektion), zählt, wenn höchstens {{count, number}} Minute dazwischen liegt; alles darüber gilt als Pause.',
  rule_other:
    'Aus deiner Aktivität gezählt: Die Zeit zwischen zwei Dingen, die du tust (ein Lauf, ein gespeicherter Entwurf, eine Antwort, eine Lektion), zählt, wenn höchstens {{count, number}} Minuten dazwischen liegen; alles darüber gilt als Pause.',
  periodRange: '{{from}} bis {{to}}',
  nothing:
    'Im Zeitraum {{period}} keine Aktivität. Arbeite eine Lektion, eine Übung oder ein Quiz durch, dann erscheint sie hier.',
  minutesPerDay: 'Minuten pro Tag',
  // A German short month ends in a period (5. Dez.): the date never ends the sentence, or it ends in two.
  onTaskFrom: 'Im Zeitraum {{period}}: {{duration}} Lernzeit.',
  minutesValue: '{{minutes}} Min.',
  accuracy: 'Trefferquote nach Fähigkeit',
  accuracySummary:
    'Anteil richtiger Antworten pro Fähigkeit in diesem Zeitraum; am niedrigsten: {{title}} ({{percent}}).',
  noAnswers: 'Keine Antworten oder Abgaben in diesem Zeitraum.',
  duration: {
    underMinute: 'unter 1 Min.',
    minutes: '{{minutes}} Min.',
    hours: '{{hours}} Std. {{minutes}} Min.',
  },
  calendar: {
    heading: 'Aktivitätskalender',
    active_one: 'An {{active}} von {{count, number}} Tag aktiv.',
    active_other: 'An {{active}} von {{count, number}} Tagen aktiv.',
    region: 'Aktivitätskalender, nach Wochen',
    caption: 'Lernminuten pro Tag, nach Wochen',
    weekOf: 'Woche vom',
    none: 'keine',
  },
  mastery: {
    heading: 'Beherrschung im Zeitverlauf',
    noMovement: 'Keine Antworten oder Abgaben in diesem Zeitraum: Die Beherrschung hat sich nicht verändert.',
    before: '{{date}} (vorher)',
    moved: '{{skill}}: von {{from}} auf {{to}} richtig, über {{count, number}} Messpunkte.',
    at: 'Stand {{day}}: {{skill}} mit {{percent}} richtig.',
    skill: 'Fähigkeit',
    tooltip: 'Beherrschung',
    day: 'Tag',
  },
  assessments: {
    heading: 'Tests',
    none: 'In diesem Zeitraum noch keine Tests.',
    day: 'Tag',
    assessment: 'Test',
    score: 'Ergebnis',
    scoreLine: '{{score}} von {{total}} ({{percent}})',
  },
};
