import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { LearnApi } from '../../../common/contract/api.js';
import { LearnError } from '../../../common/contract/errors.js';
import type { ModuleSummary } from '../../../common/contract/content.js';
import type { QuizAnswer, QuizQuestion } from '../../../common/contract/quiz.js';
import { choiceLetter } from '../../../common/contract/quiz.js';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { withApi } from '../open-core.js';
import { openLearner } from './learner.js';
import { errorMessage, text } from '../i18n/cli-i18n.js';
import { print, terminalSafe } from '../terminal-output.js';

const DAY_MS = 24 * 3600 * 1000;

/** A module by id, by its id within the pack, or by title. */
export function findModule(modules: ModuleSummary[], wanted: string): ModuleSummary {
  const key = wanted.trim().toLowerCase();
  const matches = modules.filter((m) => m.id === wanted || m.id.split('/')[1] === key || m.title.toLowerCase() === key);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new Error(text('module-ambiguous', { count: matches.length, name: wanted }));
  throw new Error(text('module-unknown', { name: wanted }));
}

/** Letters (A, b) or numbers counted from 1, separated by commas or spaces; undefined when it names no choice. */
export function parseChoices(line: string, question: Extract<QuizQuestion, { kind: 'choice' }>): number[] | undefined {
  const tokens = line.split(/[\s,;]+/).filter(Boolean);
  const picked = tokens.map((t) =>
    /^[a-z]$/i.test(t) ? t.toUpperCase().charCodeAt(0) - 65 : /^\d+$/.test(t) ? Number(t) - 1 : -1,
  );
  if (picked.length === 0 || picked.some((i) => i < 0 || i >= question.choices.length)) return undefined;
  return picked;
}

/** A typed line as the answer to `question`; undefined, once it has said how to answer, when a choice is named wrongly. */
export function typedAnswer(line: string, question: QuizQuestion): QuizAnswer | undefined {
  if (question.kind !== 'choice') return line;
  const picked = parseChoices(line, question);
  if (!picked)
    print(text('answer-with-letter', { range: `${choiceLetter(0)}-${choiceLetter(question.choices.length - 1)}` }));
  return picked;
}

/** Lines from stdin, one at a time, whether a person types them or a script pipes them in. */
export function lineReader() {
  const rl = createInterface({ input: process.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  return {
    next: async (prompt: string): Promise<string | undefined> => {
      process.stdout.write(prompt);
      const { value, done } = await lines.next();
      // Piped answers are echoed, so the transcript reads like a session typed by hand.
      if (!process.stdin.isTTY) process.stdout.write(done ? '\n' : `${terminalSafe(String(value))}\n`);
      return done ? undefined : String(value);
    },
    close: () => rl.close(),
  };
}

/** A question's prompt, its choices and how to answer it. */
export function showQuestion(question: QuizQuestion): void {
  print(question.prompt);
  if (question.kind === 'choice') {
    question.choices.forEach((choice, i) => print(`  ${choiceLetter(i)}. ${choice}`));
    const range = `${choiceLetter(0)}-${choiceLetter(question.choices.length - 1)}`;
    print(text(question.multiple ? 'choose-several' : 'choose-one', { range }));
  } else if (question.kind === 'code') {
    print(text('code-question'));
    print(question.starter.trimEnd());
    print(text('code-how', { end: CODE_END }));
  } else {
    print(text(question.kind === 'numeric' ? 'answer-number' : 'answer-phrase'));
  }
}

function show(question: QuizQuestion, n: number, total: number): void {
  print('');
  print(text('question-heading', { n, total, difficulty: question.difficulty }));
  showQuestion(question);
}

/** The line that ends a code answer typed or piped in. */
const CODE_END = ':end';

/** A code answer: every line up to `:end`; undefined when it ends (or the input does) before any code. */
async function readCode(read: ReturnType<typeof lineReader>): Promise<string | undefined> {
  const lines: string[] = [];
  for (;;) {
    const line = await read.next(lines.length === 0 ? '> ' : '. ');
    if (line === undefined || line.trim() === CODE_END)
      return lines.join('\n').trim() === '' ? undefined : lines.join('\n');
    lines.push(line);
  }
}

type Outcome = 'right' | 'wrong' | 'skipped' | 'quit';

async function ask(
  api: LearnApi,
  session: string,
  moduleId: string,
  question: QuizQuestion,
  read: ReturnType<typeof lineReader>,
): Promise<Outcome> {
  const shown = Date.now();
  for (;;) {
    if (question.kind === 'code') {
      const code = await readCode(read);
      if (code === undefined) return 'skipped';
      const outcome = await grade(api, { session, moduleId, itemId: question.id, answer: { code } }, shown);
      if (outcome !== 'again') return outcome;
      continue;
    }
    const line = await read.next('> ');
    if (line === undefined || line.trim().toLowerCase() === ':quit') return 'quit';
    if (line.trim() === '') return 'skipped';
    const answer = typedAnswer(line, question);
    if (answer === undefined) continue;
    const outcome = await grade(api, { session, moduleId, itemId: question.id, answer }, shown);
    if (outcome !== 'again') return outcome;
  }
}

/** Sends one answer; says the verdict, or why it was refused ('again') or could not be checked ('skipped'). */
async function grade(
  api: LearnApi,
  input: { session: string; moduleId: string; itemId: string; answer: QuizAnswer },
  shown: number,
): Promise<Outcome | 'again'> {
  try {
    const timeSpentMs = Math.min(Date.now() - shown, DAY_MS);
    const result = await api.answerQuizItem({ ...input, timeSpentMs });
    if (result.checks) {
      const passed = result.checks.filter((c) => c.status === 'pass').length;
      const verdict = text(result.correct ? 'right' : 'not-quite');
      print(`${verdict} ${text('tests-passed', { passed, total: result.checks.length })}`);
      if (result.checkMessage) print(result.checkMessage);
      for (const check of result.checks) print(`  ${check.status === 'pass' ? '✓' : '✗'} ${check.name}`);
      if (!result.correct) print(`${text('reference-solution')}\n${result.expected.trimEnd()}`);
    } else print(result.correct ? text('right') : text('not-quite-answer', { answer: result.expected }));
    if (result.explanation) print(result.explanation);
    return result.correct ? 'right' : 'wrong';
  } catch (error) {
    // A malformed answer is refused and nothing is recorded: say why and ask again.
    if (error instanceof LearnError && error.code === 'invalid-input') {
      print(errorMessage(error));
      return 'again';
    }
    // Code that cannot be checked here (no sandbox) is skipped, never counted as missed.
    if (error instanceof LearnError && error.code === 'unavailable') {
      print(text('cannot-check-here', { reason: errorMessage(error) }));
      return 'skipped';
    }
    throw error;
  }
}

async function takeQuiz(api: LearnApi, session: string, moduleId: string, missedOnly: boolean): Promise<void> {
  const read = lineReader();
  try {
    let only: 'all' | 'missed' = missedOnly ? 'missed' : 'all';
    for (;;) {
      const quiz = await api.getQuiz({ session, moduleId, only });
      if (quiz.items.length === 0) {
        print(text(only === 'missed' ? 'quiz-nothing-missed' : 'quiz-none'));
        return;
      }
      const heading = only === 'missed' ? 'quiz-heading-missed' : 'quiz-heading';
      print(text(heading, { module: quiz.moduleTitle, count: quiz.items.length }));
      print(text('quiz-how'));
      const outcomes: Outcome[] = [];
      for (const [i, question] of quiz.items.entries()) {
        show(question, i + 1, quiz.items.length);
        const outcome = await ask(api, session, moduleId, question, read);
        if (outcome === 'quit') break;
        outcomes.push(outcome);
      }
      const count = (o: Outcome) => outcomes.filter((x) => x === o).length;
      const score = { right: count('right'), total: outcomes.length, skipped: count('skipped') };
      print('');
      print(score.skipped ? text('quiz-score-skipped', score) : text('quiz-score', score));
      const missed = quiz.items.filter((_, i) => outcomes[i] === 'wrong');
      if (missed.length === 0) return;
      print(text('missed', { items: missed.map((q) => q.prompt.split('\n')[0]!.slice(0, 60)).join(' | ') }));
      const again = await read.next(text('retry-missed', { count: missed.length }));
      if (again?.trim().toLowerCase() !== text('yes-letter')) {
        print(text('later', { command: `lionlearn quiz ${moduleId} --missed` }));
        return;
      }
      only = 'missed';
    }
  } finally {
    read.close();
  }
}

/** The session of the learner named, or of the only profile; `whose` names the activity in the question. */
export async function learnerSession(
  api: LearnApi,
  learner: string | undefined,
  whose: 'quiz' | 'assessment',
): Promise<string> {
  const learners = await api.listLearners();
  const who = learner ?? (learners.length === 1 ? learners[0]!.id : undefined);
  if (!who) {
    const profiles = learners.map((l) => l.displayName).join(', ');
    throw new Error(
      learners.length === 0
        ? text('no-profiles')
        : text('whose-activity', {
            activity: text(whose === 'quiz' ? 'activity-quiz' : 'activity-assessment'),
            profiles,
          }),
    );
  }
  return (await openLearner(api, who)).session;
}

export function registerQuiz(program: Command, layout: InstallLayout): void {
  program
    .command('quiz <module>')
    .description(text('help-quiz'))
    .option('--learner <nameOrId>', text('help-option-learner-answers'))
    .option('--missed', text('help-quiz-missed'))
    .action(async (module: string, options: { learner?: string; missed?: boolean }, command: Command) => {
      await withApi(layout, command, async (api) => {
        const session = await learnerSession(api, options.learner, 'quiz');
        const { id } = findModule(await api.listModules(), module);
        await takeQuiz(api, session, id, options.missed ?? false);
      });
    });
}
