import type { Command } from 'commander';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { openCore, withAdmin } from '../open-core.js';
import type { GlobalOptions } from '../open-core.js';
import { percentProgress } from '../progress-bar.js';
import { print, printJson } from '../terminal-output.js';

export function registerSandbox(program: Command, layout: InstallLayout): void {
  const sandbox = program.command('sandbox').description('the local code sandboxes (Docker)');

  sandbox
    .command('build')
    .description("build a runtime's sandbox image from Debian packages (debootstrap; run as root)")
    .option('--runtime <name>', 'the runtime', 'python-3.11')
    .action(async (options: { runtime: string }, command: Command) => {
      if (process.getuid?.() !== 0) throw new Error('building an image runs debootstrap, which needs root: use sudo');
      // The sandbox every learner's code runs in is the admin's to change.
      await withAdmin(layout, command, async (_api, _session, core) => {
        const bar = percentProgress(`Building ${options.runtime}`);
        try {
          const tag = await core.images.build(options.runtime, (p) => bar.update(p.percent, p.detail));
          bar.stop();
          print(`Built ${tag}`);
        } finally {
          bar.stop();
        }
      });
    });

  sandbox
    .command('load <file>')
    .description('load a runtime image from a `docker save` archive (an admin can also drop it in the data folder)')
    .option('--runtime <name>', 'the runtime', 'python-3.11')
    .action(async (file: string, options: { runtime: string }, command: Command) => {
      await withAdmin(layout, command, async (_api, _session, core) => {
        const bar = percentProgress(`Loading ${options.runtime}`);
        try {
          await core.images.load(options.runtime, file, (p) => bar.update(p.percent, p.detail));
          bar.stop();
          print(`Loaded ${core.images.imageFor(options.runtime)}`);
        } finally {
          bar.stop();
        }
      });
    });

  sandbox
    .command('status')
    .description('the engine, the image, and the sandbox containers of the apps on this machine')
    .option('--runtime <name>', 'the runtime', 'python-3.11')
    .option('--json', 'print JSON')
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
        print(`engine:    ${engine.state}: ${engine.message}${engine.fix ? ` ${engine.fix}` : ''}`);
        print(`image:     ${engine.image}`);
        print(`cap:       ${cap.maxConcurrent} running sandboxes, ${cap.memoryBudgetMb} MB of memory limits per app`);
        print(
          `sandboxes: ${containers.length} (pre-started and running), ${report.leftovers} left by apps no longer running`,
        );
        for (const owner of owners)
          print(
            `  app ${owner.pid} (${owner.alive ? 'running' : 'gone'}): ${owner.containers} containers, ${owner.running} running`,
          );
        if (report.leftovers > 0) print('`lionlearn sandbox prune` removes the leftovers.');
      } finally {
        await core.close();
      }
    });

  sandbox
    .command('prune')
    .description('remove the sandbox containers of apps on this machine that are no longer running')
    .action(async (_options: unknown, command: Command) => {
      const core = await openCore(layout, command.optsWithGlobals<GlobalOptions>());
      try {
        const removed = await core.sandbox.prune();
        print(
          removed === 0
            ? 'Nothing to remove: every sandbox container belongs to an app that is running.'
            : `Removed ${removed} sandbox container${removed === 1 ? '' : 's'} left by apps that are no longer running.`,
        );
      } finally {
        await core.close();
      }
    });
}
