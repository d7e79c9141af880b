/**
 * Paths to the repository's files and the shared data beside it, from the repository's root (which
 * `npm run bench` passes down as BENCH_REPO_ROOT), so a bench reads the same files from any folder.
 */
import { join, resolve } from 'node:path';

export function repoRoot(): string {
  const root = process.env.BENCH_REPO_ROOT;
  if (!root) throw new Error('BENCH_REPO_ROOT is not set: run benchmarks with `npm run bench -- NAME`.');
  return resolve(root);
}

export const repoPath = (...parts: string[]): string => join(repoRoot(), ...parts);
