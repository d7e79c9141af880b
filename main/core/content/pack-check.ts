import type { ValidateResult } from '../../../common/contract/playground.js';
import { markdownProblems } from '../../../content-packs/format/markdown-rules.js';
import type { LoadedPack } from '../../../content-packs/format/pack-source.js';
import type { ExerciseForRun } from '../playground/playground-service.js';
import { codeItemForRun } from './code-item-run.js';

/**
 * One exercise or code quiz item of a pack, checked: its reference must pass, its starter must fail,
 * an exercise's prompt follow the rules.
 */
export interface ExerciseCheck {
  id: string;
  kind: 'exercise' | 'code item';
  reference: ValidateResult;
  starter: ValidateResult;
  problems: string[];
  durationMs: number;
}

export interface PackCheck {
  exercises: ExerciseCheck[];
  /** Lessons whose Markdown breaks AUTHORING.md's rules, with each problem. */
  lessons: { file: string; problems: string[] }[];
  lessonCount: number;
  problemCount: number;
}

type Grade = (exercise: ExerciseForRun, code: string) => Promise<ValidateResult>;

const text = (pack: LoadedPack, path: string) => pack.files.get(path)?.toString('utf8') ?? '';
const passed = (r: ValidateResult) => r.tests.filter((t) => t.status === 'pass').length;
const summary = (r: ValidateResult) => `${r.status} ${passed(r)}/${r.tests.length}${r.message ? `: ${r.message}` : ''}`;

/** What is wrong with an exercise's two runs, in words an author acts on. */
export function runProblems(reference: ValidateResult, starter: ValidateResult): string[] {
  const problems: string[] = [];
  if (reference.status !== 'pass') problems.push(`the reference solution does not pass (${summary(reference)})`);
  else if (reference.tests.length === 0) problems.push('the tests ran no test');
  if (starter.status === 'pass') problems.push('the starter passes the tests; it must fail them');
  else if (starter.run.timedOut || starter.run.oomKilled || starter.run.truncated)
    problems.push(`the starter must fail fast, not hang or flood (${starter.message ?? 'stopped'})`);
  return problems;
}

/**
 * Checks a pack as an admin does before publishing: every exercise's reference and starter graded
 * through `grade` (the app's own path: the real sandbox), and every lesson and prompt against the
 * Markdown rules. Exercises run `concurrency` at a time; `onExercise` hears each as it finishes.
 */
export async function checkPack(
  pack: LoadedPack,
  grade: Grade,
  options: { concurrency?: number; onExercise?: (check: ExerciseCheck) => void } = {},
): Promise<PackCheck> {
  const { manifest } = pack;
  const lessons = manifest.modules
    .flatMap((m) => m.lessons)
    .map((l) => ({ file: l.file, problems: markdownProblems(text(pack, l.file), { kind: 'lesson', title: l.title }) }))
    .filter((l) => l.problems.length > 0);
  const file = (dir: string, name: string) => text(pack, `${dir}/${name}`);
  /** What one check runs: the same ExerciseForRun the app grades with, the two candidates, the prompt's problems. */
  interface Checkable {
    id: string;
    kind: ExerciseCheck['kind'];
    exercise: ExerciseForRun;
    solution: string;
    starter: string;
    promptProblems: () => string[];
  }
  const queue: Checkable[] = manifest.modules.flatMap((m) => [
    ...m.exercises.map((entry): Checkable => ({
      id: `${manifest.id}/${entry.id}`,
      kind: 'exercise',
      exercise: {
        runtime: manifest.runtime,
        tests: file(entry.dir, 'tests.py'),
        helpers: Object.fromEntries(entry.helpers.map((h) => [h, file(entry.dir, h)])),
        limits: entry.limits ?? {},
        isolated: entry.isolated,
      },
      solution: file(entry.dir, 'solution.py'),
      starter: file(entry.dir, 'starter.py'),
      promptProblems: () => markdownProblems(file(entry.dir, 'prompt.md'), { kind: 'prompt', title: entry.title }),
    })),
    ...(pack.quizzes.get(m.id) ?? []).flatMap((item): Checkable[] =>
      item.kind === 'code'
        ? [
            {
              id: `${manifest.id}/${item.id}`,
              kind: 'code item',
              exercise: codeItemForRun(manifest.runtime, item),
              solution: item.solution,
              starter: item.starter,
              promptProblems: () => [],
            },
          ]
        : [],
    ),
  ]);
  const order = queue.map((c) => c.id);
  const exercises: ExerciseCheck[] = [];
  const worker = async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      const started = performance.now();
      const [reference, starter] = [
        await grade(entry.exercise, entry.solution),
        await grade(entry.exercise, entry.starter),
      ];
      const check: ExerciseCheck = {
        id: entry.id,
        kind: entry.kind,
        reference,
        starter,
        problems: [...runProblems(reference, starter), ...entry.promptProblems().map((p) => `prompt.md: ${p}`)],
        durationMs: Math.round(performance.now() - started),
      };
      exercises.push(check);
      options.onExercise?.(check);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 2 }, worker));
  exercises.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  const problemCount =
    exercises.reduce((n, e) => n + e.problems.length, 0) + lessons.reduce((n, l) => n + l.problems.length, 0);
  return { exercises, lessons, lessonCount: manifest.modules.flatMap((m) => m.lessons).length, problemCount };
}
