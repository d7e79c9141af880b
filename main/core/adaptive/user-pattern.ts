import type { LearningPattern, PartOfDay } from '../../../common/contract/adaptive.js';
import type { Attempt } from './practice-history.js';
import { counted, listed, percent } from './policy/wording.js';

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
const inThe = (part: PartOfDay) => (part === 'night' ? 'at night' : `in the ${part}`);

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
    const tries = i === 0 ? `your last ${counted(s.attempts, 'try', 'tries')}` : s.attempts;
    return `${s.failed} of ${tries} on ${s.title.toLowerCase()}`;
  });
  const finding =
    misses.length > 0
      ? `You missed ${listed(misses)}: reading ${misses.length > 1 ? 'those lessons' : 'that lesson'} again before the next try may help.`
      : 'No skill stands out as a struggle in your recent answers.';
  return { skills, finding };
}

function guessing(attempts: readonly Attempt[]): LearningPattern['guessing'] {
  const wrong = attempts.filter((a) => !a.correct);
  const fastWrong = wrong.filter(
    (a) => a.thinkMs !== null && a.thinkMs < (a.kind === 'quiz' ? FAST_QUIZ_MS : FAST_RETRY_MS),
  ).length;
  const detected = fastWrong >= GUESSING.fastWrong && fastWrong >= wrong.length * GUESSING.share;
  const finding = detected
    ? `${counted(fastWrong, 'wrong answer')} of ${wrong.length} came within seconds: slowing down to read the question pays off.`
    : 'Your wrong answers do not look rushed.';
  return { detected, fastWrong, wrong: wrong.length, finding };
}

function hintDependence(attempts: readonly Attempt[]): LearningPattern['hintDependence'] {
  const submissions = attempts.filter((a) => a.kind === 'exercise');
  const withHints = submissions.filter((a) => a.hintsUsed > 0).length;
  const share = submissions.length > 0 ? withHints / submissions.length : null;
  const detected =
    share !== null && submissions.length >= HINT_DEPENDENCE.submissions && share >= HINT_DEPENDENCE.share;
  const finding =
    share === null
      ? 'No exercise submissions yet, so nothing to say about hints.'
      : detected
        ? `${withHints} of your last ${counted(submissions.length, 'submission')} used hints (${percent(share)}): try the next one on your own first.`
        : `You used hints in ${withHints} of your last ${counted(submissions.length, 'submission')}: you mostly work things out yourself.`;
  return { detected, withHints, submissions: submissions.length, share, finding };
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
  let finding: string;
  if (!mostActive) finding = 'No activity recorded yet.';
  else if (!mostSuccessful) {
    finding = `You practise most ${inThe(mostActive)}; there are not yet enough answers at other times to compare.`;
  } else if (mostSuccessful === mostActive) {
    finding = `You practise most ${inThe(mostActive)}, and that is also when you do best (${percent(rate(mostActive))} right).`;
  } else {
    finding =
      `You practise most ${inThe(mostActive)}, but do best ${inThe(mostSuccessful)} ` +
      `(${percent(rate(mostSuccessful))} right there, ${percent(overall)} overall).`;
  }
  return { mostActive, mostSuccessful, finding };
}

function streakFinding(current: number, longest: number): LearningPattern['streaks'] {
  const finding =
    current > 0
      ? `You have practised ${counted(current, 'day')} in a row (your longest run: ${counted(longest, 'day')}).`
      : longest > 0
        ? `Your streak ended; your longest run was ${counted(longest, 'day')}. A session today starts a new one.`
        : 'No streak yet: practise on two days in a row to start one.';
  return { current, longest, finding };
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
  if (!enoughData) {
    return {
      ...pattern,
      summary:
        `Not enough practice yet to see patterns: ${counted(attempts.length, 'answer')} so far. ` +
        `A few more quiz answers or exercise submissions will tell more.`,
    };
  }
  const concerns = [
    pattern.struggling.skills.length > 0 && pattern.struggling.finding,
    pattern.guessing.detected && pattern.guessing.finding,
    pattern.hintDependence.detected && pattern.hintDependence.finding,
  ].filter((f): f is string => typeof f === 'string');
  return { ...pattern, summary: concerns.length > 0 ? concerns.join(' ') : 'No worrying patterns: keep going.' };
}
