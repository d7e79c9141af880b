import type { LearningPattern, PartOfDay } from '../../../common/contract/adaptive.js';
import type { Attempt } from './practice-history.js';
import { englishText, refOf, say } from '../../../common/i18n/message.js';
import type { MessageRef, Said } from '../../../common/i18n/message.js';
import { percentOf } from './policy/wording.js';

/** A finding as the wire carries it: English, and the reference each face says in its learner's language. */
const found = (finding: Said) => ({ finding: finding.text, findingI18n: refOf(finding) });

/** The answers looked at: about the last few weeks of steady practice. */
export const PATTERN_ANSWERS = 100;
/** Activity further back says little about today's habits. */
export const PATTERN_DAYS = 90;
/** Below this many answers, any pattern would be noise. */
const ENOUGH_ANSWERS = 5;
/** A skill is a struggle with this many misses among the answers looked at, and more misses than hits. */
const STRUGGLE_MISSES = 3;
/** A wrong quiz answer this fast was hardly read. */
const FAST_QUIZ_MS = 3_000;
/** A wrong exercise resubmitted this soon after the last try was hardly thought over. */
const FAST_RETRY_MS = 20_000;
const GUESSING = { fastWrong: 3, share: 0.4 };
const HINT_DEPENDENCE = { submissions: 4, share: 0.5 };
/** A part of the day needs this many answers before its success rate is compared. */
const ANSWERS_PER_PART = 5;

const PARTS: readonly PartOfDay[] = ['morning', 'afternoon', 'evening', 'night'];
/** Night runs from 22:00 to 5:00. */
const partOf = (hour: number): PartOfDay =>
  hour < 5 ? 'night' : hour < 12 ? 'morning' : hour < 17 ? 'afternoon' : hour < 22 ? 'evening' : 'night';
const localHour = (utc: number, tzOffsetMinutes: number) => new Date(utc - tzOffsetMinutes * 60_000).getUTCHours();
const PART_WORDS: Record<PartOfDay, Said> = {
  morning: say('part-morning'),
  afternoon: say('part-afternoon'),
  evening: say('part-evening'),
  night: say('part-night'),
};
const inThe = (part: PartOfDay): Said => PART_WORDS[part];

function struggling(attempts: readonly Attempt[], skillTitle: (id: string) => string): LearningPattern['struggling'] {
  const bySkill = new Map<string, { failed: number; attempts: number }>();
  for (const a of attempts) {
    for (const id of a.skills) {
      const tally = bySkill.get(id) ?? { failed: 0, attempts: 0 };
      tally.attempts += 1;
      tally.failed += a.correct ? 0 : 1;
      bySkill.set(id, tally);
    }
  }
  const skills = [...bySkill]
    .filter(([, t]) => t.failed >= STRUGGLE_MISSES && t.failed * 2 > t.attempts)
    .map(([skillId, t]) => ({ skillId, title: skillTitle(skillId), ...t }))
    .sort((a, b) => b.failed - a.failed || a.title.localeCompare(b.title));
  const misses = skills.slice(0, 3).map((s, i) => {
    const missed = { failed: s.failed, topic: s.title.toLowerCase() };
    return i === 0
      ? say('struggle-first', { ...missed, count: s.attempts })
      : say('struggle-more', { ...missed, attempts: s.attempts });
  });
  const finding =
    misses.length === 0
      ? say('struggle-none')
      : misses.length > 1
        ? say('struggle-several', { misses })
        : say('struggle-one', { misses });
  return { skills, ...found(finding) };
}

function guessing(attempts: readonly Attempt[]): LearningPattern['guessing'] {
  const wrong = attempts.filter((a) => !a.correct);
  const fastWrong = wrong.filter(
    (a) => a.thinkMs !== null && a.thinkMs < (a.kind === 'quiz' ? FAST_QUIZ_MS : FAST_RETRY_MS),
  ).length;
  const detected = fastWrong >= GUESSING.fastWrong && fastWrong >= wrong.length * GUESSING.share;
  const finding = detected ? say('guessing', { count: fastWrong, wrong: wrong.length }) : say('guessing-none');
  return { detected, fastWrong, wrong: wrong.length, ...found(finding) };
}

function hintDependence(attempts: readonly Attempt[]): LearningPattern['hintDependence'] {
  const submissions = attempts.filter((a) => a.kind === 'exercise');
  const withHints = submissions.filter((a) => a.hintsUsed > 0).length;
  const share = submissions.length > 0 ? withHints / submissions.length : null;
  const detected =
    share !== null && submissions.length >= HINT_DEPENDENCE.submissions && share >= HINT_DEPENDENCE.share;
  const count = submissions.length;
  const finding =
    share === null
      ? say('hints-no-submissions')
      : detected
        ? say('hints-dependent', { withHints, count, percent: percentOf(share) })
        : say('hints-independent', { withHints, count });
  return { detected, withHints, submissions: submissions.length, share, ...found(finding) };
}

function timeOfDay(
  attempts: readonly Attempt[],
  quarters: readonly { quarter: string; events: number }[],
  tzOffsetMinutes: number,
): LearningPattern['timeOfDay'] {
  const activity = new Map<PartOfDay, number>();
  for (const { quarter, events } of quarters) {
    const part = partOf(localHour(Date.parse(`${quarter}:00Z`), tzOffsetMinutes));
    activity.set(part, (activity.get(part) ?? 0) + events);
  }
  const mostActive = PARTS.reduce<PartOfDay | null>(
    (best, p) => ((activity.get(p) ?? 0) > (best ? activity.get(best)! : 0) ? p : best),
    null,
  );
  const results = new Map<PartOfDay, { correct: number; attempts: number }>();
  for (const a of attempts) {
    const part = partOf(localHour(Date.parse(a.at), tzOffsetMinutes));
    const tally = results.get(part) ?? { correct: 0, attempts: 0 };
    tally.attempts += 1;
    tally.correct += a.correct ? 1 : 0;
    results.set(part, tally);
  }
  const compared = PARTS.filter((p) => (results.get(p)?.attempts ?? 0) >= ANSWERS_PER_PART);
  const rate = (p: PartOfDay) => results.get(p)!.correct / results.get(p)!.attempts;
  // Only a comparison says when someone does best: with one part of the day, there is none.
  const mostSuccessful = compared.length >= 2 ? compared.reduce((a, b) => (rate(b) > rate(a) ? b : a)) : null;
  const overall = attempts.filter((a) => a.correct).length / Math.max(1, attempts.length);
  let finding: Said;
  if (!mostActive) finding = say('activity-none');
  else if (!mostSuccessful) finding = say('practise-most', { part: inThe(mostActive) });
  else if (mostSuccessful === mostActive) {
    finding = say('practise-most-best', { part: inThe(mostActive), percent: percentOf(rate(mostActive)) });
  } else {
    finding = say('practise-most-but', {
      part: inThe(mostActive),
      best: inThe(mostSuccessful),
      percent: percentOf(rate(mostSuccessful)),
      overall: percentOf(overall),
    });
  }
  return { mostActive, mostSuccessful, ...found(finding) };
}

function streakFinding(current: number, longest: number): LearningPattern['streaks'] {
  const days = (count: number) => say('days', { count });
  const finding =
    current > 0
      ? say('streak-current', { days: days(current), longest: days(longest) })
      : longest > 0
        ? say('streak-ended', { longest: days(longest) })
        : say('streak-none');
  return { current, longest, ...found(finding) };
}

/** The seed's analyzeUserPattern: habits that help or hurt, each said in one plain sentence. */
export function analyzeUserPattern(input: {
  attempts: readonly Attempt[];
  quarters: readonly { quarter: string; events: number }[];
  streaks: { current: number; longest: number };
  tzOffsetMinutes: number;
  skillTitle: (skillId: string) => string;
}): LearningPattern {
  const { attempts } = input;
  const enoughData = attempts.length >= ENOUGH_ANSWERS;
  const pattern = {
    enoughData,
    attempts: attempts.length,
    struggling: struggling(attempts, input.skillTitle),
    guessing: guessing(attempts),
    hintDependence: hintDependence(attempts),
    timeOfDay: timeOfDay(attempts, input.quarters, input.tzOffsetMinutes),
    streaks: streakFinding(input.streaks.current, input.streaks.longest),
  };
  const summed = (summary: Said) => ({ ...pattern, summary: summary.text, summaryI18n: refOf(summary) });
  if (!enoughData) return summed(say('pattern-too-few', { count: attempts.length }));
  const concerns = [
    pattern.struggling.skills.length > 0 && pattern.struggling.findingI18n,
    pattern.guessing.detected && pattern.guessing.findingI18n,
    pattern.hintDependence.detected && pattern.hintDependence.findingI18n,
  ].filter((f): f is MessageRef => typeof f === 'object');
  // Each concern a sentence of its own, one after the other.
  const [first, second, third] = concerns.map((ref) => ({ ...ref, text: englishText(ref) }));
  if (!first) return summed(say('pattern-fine'));
  if (!second) return summed(first);
  return summed(third ? say('sentences-3', { first, second, third }) : say('sentences-2', { first, second }));
}
