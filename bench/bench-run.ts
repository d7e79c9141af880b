/**
 * What every benchmark does around its work: the load average at start and at end (the figures mean
 * little without it), and its temporary folders removed whatever happens (an error, Ctrl-C, a kill).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printLoad } from './stats.js';

export interface BenchTemp {
  /** A new folder under BENCH_DIR (else the OS temp folder), removed when the bench ends unless BENCH_KEEP=1. */
  folder(prefix: string): string;
}

export async function runBench(work: (temp: BenchTemp) => Promise<void>): Promise<void> {
  const folders: string[] = [];
  const keep = Boolean(process.env.BENCH_KEEP);
  const removeAll = () => {
    if (keep) {
      if (folders.length > 0) console.log(`kept (BENCH_KEEP): ${folders.join(', ')}`);
    } else for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals, code: number) => () => {
    removeAll();
    console.error(`stopped by ${signal}; temporary folders removed`);
    process.exit(code);
  };
  const onInt = onSignal('SIGINT', 130);
  const onTerm = onSignal('SIGTERM', 143);
  process.once('SIGINT', onInt);
  process.once('SIGTERM', onTerm);
  process.once('exit', removeAll); // an exit() somewhere below
  printLoad('at start');
  try {
    await work({
      folder: (prefix) => {
        const folder = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), prefix));
        folders.push(folder);
        return folder;
      },
    });
  } catch (error) {
    process.exitCode = 1;
    console.error(error);
  } finally {
    removeAll();
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
    printLoad('at end');
  }
}
