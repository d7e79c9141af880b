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
import { print, terminalSafe } from '../terminal-output.js';

const DAY_MS = 24 * 3600 * 1000;

/** A module by id, by its id within the pack, or by title. */
export function findModule(modules: ModuleSummary[], wanted: string): ModuleSummary {
  const key = wanted.trim().toLowerCase();
  const matches = modules.filter((m) => m.id === wanted || m.id.split('/')[1] === key || m.title.toLowerCase() === key);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new Error(`${matches.length} modules match "${wanted}": use the full id`);
  throw new Error(`No installed module "${wanted}" (see \`lionlearn modules\`)`);
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
    print(question.multiple ? `Choose all that apply (letters ${range}, like "A C").` : `Choose one (${range}).`);
  } else if (question.kind === 'code') {
    print('Write the function; hidden tests check it in the code sandbox. It starts from:');
    print(question.starter.trimEnd());
    print(`Type your code, then a line ${CODE_END} (${CODE_END} at once skips).`);
  } else {
    print(question.kind === 'numeric' ? 'Answer with a number.' : 'Answer in a word or a short phrase.');
  }
}

function show(question: QuizQuestion, n: number, total: number): void {
  print('');
  print(`Question ${n} of ${total} (difficulty ${question.difficulty} of 5)`);
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
    let answer: QuizAnswer = line;
    if (question.kind === 'choice') {
      const picked = parseChoices(line, question);
      if (!picked) {
        print(`Answer with the letter of a choice (${choiceLetter(0)}-${choiceLetter(question.choices.length - 1)}).`);
        continue;
      }
      answer = picked;
    }
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
      print(`${result.correct ? '✓ Right.' : '✗ Not quite.'} ${passed} of ${result.checks.length} tests passed.`);
      if (result.checkMessage) print(result.checkMessage);
      for (const check of result.checks) print(`  ${check.status === 'pass' ? '✓' : '✗'} ${check.name}`);
      if (!result.correct) print(`A reference solution:\n${result.expected.trimEnd()}`);
    } else print(result.correct ? '✓ Right.' : `✗ Not quite. The answer: ${result.expected}`);
    if (result.explanation) print(result.explanation);
    return result.correct ? 'right' : 'wrong';
  } catch (error) {
    // A malformed answer is refused and nothing is recorded: say why and ask again.
    if (error instanceof LearnError && error.code === 'invalid-input') {
      print(error.message);
      return 'again';
    }
    // Code that cannot be checked here (no sandbox) is skipped, never counted as missed.
    if (error instanceof LearnError && error.code === 'unavailable') {
      print(`This question cannot be checked on this computer: ${error.message}`);
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
        print(only === 'missed' ? 'Nothing to retry: no missed items in this quiz.' : 'This module has no quiz.');
        return;
      }
      print(
        `${quiz.moduleTitle}: ${only === 'missed' ? 'retrying missed items' : 'quiz'}, ${quiz.items.length} items.`,
      );
      print('Press Enter on an empty line to skip an item; type :quit (or end the input) to stop.');
      const outcomes: Outcome[] = [];
      for (const [i, question] of quiz.items.entries()) {
        show(question, i + 1, quiz.items.length);
        const outcome = await ask(api, session, moduleId, question, read);
        if (outcome === 'quit') break;
        outcomes.push(outcome);
      }
      const count = (o: Outcome) => outcomes.filter((x) => x === o).length;
      const skipped = count('skipped') ? `, ${count('skipped')} skipped` : '';
      print('');
      print(`You got ${count('right')} of ${outcomes.length} right${skipped}.`);
      const missed = quiz.items.filter((_, i) => outcomes[i] === 'wrong');
      if (missed.length === 0) return;
      print(`Missed: ${missed.map((q) => q.prompt.split('\n')[0]!.slice(0, 60)).join(' | ')}`);
      const again = await read.next(`Retry the ${missed.length} missed item(s) now? [y/N] `);
      if (again?.trim().toLowerCase() !== 'y') {
        print(`Later: lionlearn quiz ${moduleId} --missed`);
        return;
      }
      only = 'missed';
    }
  } finally {
    read.close();
  }
}

/** The session of the learner named, or of the only profile; `whose` names the activity in the question. */
export async function learnerSession(api: LearnApi, learner: string | undefined, whose: string): Promise<string> {
  const learners = await api.listLearners();
  const who = learner ?? (learners.length === 1 ? learners[0]!.id : undefined);
  if (!who) {
    throw new Error(
      learners.length === 0
        ? 'No profiles yet: `lionlearn learner create NAME` makes one.'
        : `Whose ${whose} is it? Add --learner NAME (profiles: ${learners.map((l) => l.displayName).join(', ')})`,
    );
  }
  return (await openLearner(api, who)).session;
}

export function registerQuiz(program: Command, layout: InstallLayout): void {
  program
    .command('quiz <module>')
    .description("take a module's quiz in the terminal (answers may be piped in, one a line)")
    .option('--learner <nameOrId>', 'whose answers these are (default: the only profile)')
    .option('--missed', 'only the items last answered wrong')
    .action(async (module: string, options: { learner?: string; missed?: boolean }, command: Command) => {
      await withApi(layout, command, async (api) => {
        const session = await learnerSession(api, options.learner, 'quiz');
        const { id } = findModule(await api.listModules(), module);
        await takeQuiz(api, session, id, options.missed ?? false);
      });
    });
}
