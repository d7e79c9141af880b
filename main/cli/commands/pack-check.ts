import { statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { verifyPackFile } from '../../../content-packs/format/pack-archive.js';
import { loadPackSource } from '../../../content-packs/format/pack-source.js';
import type { LoadedPack } from '../../../content-packs/format/pack-source.js';
import { keyIdOf } from '../../../content-packs/format/signing.js';
import { checkPack } from '../../core/content/pack-check.js';
import type { ExerciseCheck } from '../../core/content/pack-check.js';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { openCore } from '../open-core.js';
import { print } from '../terminal-output.js';
import { formatNumber, text } from '../i18n/cli-i18n.js';
import type { GlobalOptions } from '../open-core.js';

const score = (r: ExerciseCheck['reference']) =>
  `${r.status} ${r.tests.filter((t) => t.status === 'pass').length}/${r.tests.length}`;

/** Seconds to a tenth, in the CLI's language ("2.5 s", "2,5 s"). */
const seconds = (ms: number) =>
  text('seconds', { seconds: formatNumber(ms / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });

/** One row of the table: the exercise, how its reference and starter did, its prompt, its time. */
function row(check: ExerciseCheck): string {
  const marks = [text('check-fail'), text('check-ok')];
  const mark = (check.problems.length ? marks[0]! : marks[1]!).padEnd(Math.max(...marks.map((m) => m.length)));
  const prompt = check.problems.some((p) => p.startsWith('prompt.md'))
    ? text('check-prompt-problems')
    : text('check-prompt-ok');
  return (
    `${mark}  ${check.id.padEnd(48)}  ${text('check-reference')} ${score(check.reference).padEnd(10)}  ` +
    `${text('check-starter')} ${score(check.starter).padEnd(10)}  ${prompt.padEnd(18)}  ${seconds(check.durationMs)}`
  );
}

async function loadPack(
  target: string,
  trust: string[] | undefined,
): Promise<{ pack: LoadedPack; cleanup: () => Promise<void> }> {
  if (statSync(target).isDirectory()) return { pack: await loadPackSource(target), cleanup: async () => {} };
  if (!trust?.length) throw new Error(text('check-needs-trust'));
  const keys = await Promise.all(trust.map((f) => readFile(f, 'utf8')));
  const extractTo = join(await mkdtemp(join(tmpdir(), 'lionlearn-check-')), 'pack');
  const cleanup = () => rm(join(extractTo, '..'), { recursive: true, force: true });
  try {
    const { pack } = await verifyPackFile(target, { trusted: new Map(keys.map((k) => [keyIdOf(k), k])), extractTo });
    return { pack, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

export function registerPackCheck(pack: Command, layout: InstallLayout): void {
  pack
    .command('check <dirOrFile>')
    .description(text('help-pack-check'))
    .option('--trust <pubkey...>', text('help-pack-check-trust'))
    .option('--concurrency <n>', text('help-pack-check-concurrency'), '2')
    .action(async (target: string, options: { trust?: string[]; concurrency: string }, command: Command) => {
      const started = performance.now();
      const { pack, cleanup } = await loadPack(target, options.trust);
      const core = await openCore(layout, command.optsWithGlobals<GlobalOptions>());
      try {
        const status = await core.api.getPlaygroundStatus({ runtime: pack.manifest.runtime });
        if (!status.canRun) {
          throw new Error(text('check-cannot-run', { reason: `${status.message} ${status.fix ?? ''}`.trim() }));
        }
        const report = await checkPack(pack, core.gradeExercise, {
          concurrency: Math.max(1, Number(options.concurrency) || 2),
          onExercise: (check) => print(row(check)),
        });
        const failed = report.exercises.filter((e) => e.problems.length > 0);
        for (const check of failed) {
          print(`\n${check.id}:`);
          for (const problem of check.problems) print(`  - ${problem}`);
        }
        for (const lesson of report.lessons) {
          print(`\n${lesson.file}:`);
          for (const problem of lesson.problems) print(`  - ${problem}`);
        }
        const of = (kind: ExerciseCheck['kind'], list: ExerciseCheck[]) => list.filter((c) => c.kind === kind).length;
        print('');
        print(
          text('check-summary', {
            packId: pack.manifest.id,
            version: pack.manifest.version,
            exercises: text('exercises', { count: of('exercise', report.exercises) }),
            exercisesFailing: of('exercise', failed),
            codeItems: text('code-quiz-items', { count: of('code item', report.exercises) }),
            codeItemsFailing: of('code item', failed),
            lessons: text('lessons', { count: report.lessonCount }),
            lessonsWithProblems: report.lessons.length,
            problems: text('problems', { count: report.problemCount }),
            time: seconds(performance.now() - started),
          }),
        );
        if (report.problemCount > 0) process.exitCode = 1;
      } finally {
        await core.close();
        await cleanup();
      }
    });
}
