import type { Command } from 'commander';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { openCore, withAdmin } from '../open-core.js';
import type { GlobalOptions } from '../open-core.js';
import { percentProgress } from '../progress-bar.js';
import { localized } from '../../../common/i18n/localize.js';
import { print, printJson } from '../terminal-output.js';
import { text, translateCore } from '../i18n/cli-i18n.js';

/** The status report's lines: labels padded to the longest in the CLI's language, so the values line up. */
function labelled(lines: readonly (readonly [label: string, value: string])[]): string[] {
  const width = Math.max(...lines.map(([label]) => label.length)) + 1;
  return lines.map(([label, value]) => `${label.padEnd(width)}${value}`);
}

export function registerSandbox(program: Command, layout: InstallLayout): void {
  const sandbox = program.command('sandbox').description(text('help-sandbox'));

  sandbox
    .command('build')
    .description(text('help-sandbox-build'))
    .option('--runtime <name>', text('help-option-runtime'), 'python-3.11')
    .action(async (options: { runtime: string }, command: Command) => {
      if (process.getuid?.() !== 0) throw new Error(text('sandbox-needs-root'));
      // The sandbox every learner's code runs in is the admin's to change.
      await withAdmin(layout, command, async (_api, _session, core) => {
        const bar = percentProgress(text('bar-building', { runtime: options.runtime }));
        try {
          const tag = await core.images.build(options.runtime, (p) => bar.update(p.percent, p.detail));
          bar.stop();
          print(text('sandbox-built', { tag }));
        } finally {
          bar.stop();
        }
      });
    });

  sandbox
    .command('load <file>')
    .description(text('help-sandbox-load'))
    .option('--runtime <name>', text('help-option-runtime'), 'python-3.11')
    .action(async (file: string, options: { runtime: string }, command: Command) => {
      await withAdmin(layout, command, async (_api, _session, core) => {
        const bar = percentProgress(text('bar-loading', { runtime: options.runtime }));
        try {
          await core.images.load(options.runtime, file, (p) => bar.update(p.percent, p.detail));
          bar.stop();
          print(text('sandbox-loaded', { image: core.images.imageFor(options.runtime) }));
        } finally {
          bar.stop();
        }
      });
    });

  sandbox
    .command('status')
    .description(text('help-sandbox-status'))
    .option('--runtime <name>', text('help-option-runtime'), 'python-3.11')
    .option('--json', text('help-option-json'))
    .action(async (options: { runtime: string; json?: boolean }, command: Command) => {
      const core = await openCore(layout, command.optsWithGlobals<GlobalOptions>());
      try {
        const engine = await core.sandbox.status(options.runtime);
        const engineUp = !['docker-missing', 'docker-stopped', 'unavailable'].includes(engine.state);
        const containers = engineUp ? await core.sandbox.sandboxes() : [];
        const { maxConcurrent, memoryBudgetMb } = core.sandbox.load();
        const cap = { maxConcurrent, memoryBudgetMb };
        const owners = [...new Set(containers.map((c) => c.ownerPid))].map((pid) => {
          const own = containers.filter((c) => c.ownerPid === pid);
          return {
            pid,
            alive: own[0]!.ownerAlive,
            containers: own.length,
            running: own.filter((c) => c.state === 'running').length,
          };
        });
        const report = {
          engine: { state: engine.state, canRun: engine.canRun, message: engine.message, fix: engine.fix },
          image: engine.image,
          cap,
          sandboxes: containers.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
          owners,
          leftovers: containers.filter((c) => !c.ownerAlive).length,
        };
        if (options.json) return printJson(report);
        const said = localized(engine, translateCore);
        const lines = labelled([
          [text('sandbox-label-engine'), `${engine.state}: ${said.message}${engine.fix ? ` ${engine.fix}` : ''}`],
          [text('sandbox-label-image'), engine.image],
          [text('sandbox-label-cap'), text('sandbox-cap', { count: maxConcurrent, memory: memoryBudgetMb })],
          [
            text('sandbox-label-sandboxes'),
            text('sandbox-count', { count: containers.length, leftovers: report.leftovers }),
          ],
        ]);
        for (const line of lines) print(line);
        for (const { pid, alive, containers: count, running } of owners) {
          const app = { pid: String(pid), count, running };
          print(`  ${alive ? text('sandbox-owner-running', app) : text('sandbox-owner-gone', app)}`);
        }
        if (report.leftovers > 0) print(text('sandbox-prune-hint'));
      } finally {
        await core.close();
      }
    });

  sandbox
    .command('prune')
    .description(text('help-sandbox-prune'))
    .action(async (_options: unknown, command: Command) => {
      const core = await openCore(layout, command.optsWithGlobals<GlobalOptions>());
      try {
        const removed = await core.sandbox.prune();
        print(removed === 0 ? text('sandbox-prune-nothing') : text('sandbox-pruned', { count: removed }));
      } finally {
        await core.close();
      }
    });
}
