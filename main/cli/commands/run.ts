import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { z } from 'zod';
import { executeRequestSchema, validateRequestSchema } from '../../../common/contract/playground.js';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { openCore } from '../open-core.js';
import type { GlobalOptions } from '../open-core.js';
import { localized } from '../../../common/i18n/localize.js';
import { saidHere, text, translateCore } from '../i18n/cli-i18n.js';
import { printJson } from '../terminal-output.js';
import { sayIssues } from '../../../common/i18n/input-issues.js';

interface RunOptions {
  file: string;
  exercise?: string;
  stdin?: string;
  timeout?: string;
  runtime: string;
}

/** A file's text, refused clearly when it is missing or not UTF-8 (the sandbox takes text). */
async function readText(file: string, which: 'what-file' | 'what-stdin-file'): Promise<string> {
  let bytes: Buffer;
  const what = text(which);
  try {
    bytes = await readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(text('file-unreadable', { what, file, reason }), { cause: error });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(text('file-not-utf8', { what, file }));
  }
}

const parsed = <T>(schema: z.ZodType<T>, input: unknown): T => {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw new Error(saidHere(sayIssues(result.error)));
  return result.data;
};

export function registerRun(program: Command, layout: InstallLayout): void {
  program
    .command('run')
    .description(text('help-run'))
    .requiredOption('--file <file>', text('help-run-file'))
    .option('--exercise <id>', text('help-run-exercise'))
    .option('--stdin <file>', text('help-run-stdin'))
    .option('--timeout <ms>', text('help-run-timeout'))
    .option('--runtime <name>', text('help-option-runtime'), 'python-3.11')
    .action(async (options: RunOptions, command: Command) => {
      const code = await readText(options.file, 'what-file');
      // One run and done: no containers pre-started for runs that will not come.
      const core = await openCore(layout, command.optsWithGlobals<GlobalOptions>(), 'warn', { poolSize: 0 });
      try {
        if (options.exercise) {
          const request = parsed(validateRequestSchema, { exerciseId: options.exercise, code });
          const result = await core.sandbox.check(request.exerciseId, request.code);
          printJson(localized(result, translateCore));
          if (result.status !== 'pass') process.exitCode = 1;
          return;
        }
        const request = parsed(executeRequestSchema, {
          code,
          runtime: options.runtime,
          ...(options.stdin !== undefined ? { stdin: await readText(options.stdin, 'what-stdin-file') } : {}),
          ...(options.timeout !== undefined ? { timeoutMs: Number(options.timeout) } : {}),
        });
        printJson(localized(await core.sandbox.execute(request.code, request), translateCore));
      } finally {
        await core.close();
      }
    });
}
