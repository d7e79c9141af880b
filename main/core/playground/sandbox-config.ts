import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../../../infra/log/logger.js';
import type { PlaygroundOptions } from './playground-service.js';
import { DEFAULT_LIMITS, DEFAULT_MAXIMA, withinMaxima } from './sandbox-limits.js';

const limits = z
  .strictObject({
    timeoutMs: z.number().int().min(100),
    memoryMb: z.number().int().min(32),
    cpus: z.number().min(0.1),
    pids: z.number().int().min(8),
    outputBytes: z.number().int().min(1024),
    workDirMb: z.number().int().min(1),
    tmpMb: z.number().int().min(1),
  })
  .partial();

const configSchema = z.strictObject({
  poolSize: z.number().int().min(0).max(32).optional(),
  /** Sandboxes running jobs at once; more wait their turn. */
  maxConcurrent: z.number().int().min(1).max(256).optional(),
  /** The running jobs' memory limits together, in MB. */
  memoryBudgetMb: z.number().int().min(64).optional(),
  /** What a run gets when the exercise asks nothing. */
  defaults: limits.optional(),
  /** The most an exercise may ask for. */
  maxima: limits.optional(),
});

export const SANDBOX_CONFIG_FILE = 'sandbox.json';

/**
 * The admin's sandbox settings, `sandbox.json` in the data folder. A file that does not parse is
 * reported in the log and ignored, so a typo never stops learners from reading and practising.
 */
export function readSandboxConfig(dataDir: string, logger: Logger): PlaygroundOptions {
  const file = join(dataDir, SANDBOX_CONFIG_FILE);
  if (!existsSync(file)) return {};
  let parsed;
  try {
    parsed = configSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    logger.error({ file, err: error }, 'sandbox settings are not JSON; using the built-in limits');
    return {};
  }
  if (!parsed.success) {
    logger.error(
      { file, problems: z.prettifyError(parsed.error) },
      'sandbox settings refused; using the built-in limits',
    );
    return {};
  }
  const maxima = { ...DEFAULT_MAXIMA, ...parsed.data.maxima };
  return {
    ...(parsed.data.poolSize !== undefined ? { poolSize: parsed.data.poolSize } : {}),
    ...(parsed.data.maxConcurrent !== undefined ? { maxConcurrent: parsed.data.maxConcurrent } : {}),
    ...(parsed.data.memoryBudgetMb !== undefined ? { memoryBudgetMb: parsed.data.memoryBudgetMb } : {}),
    maxima,
    defaults: withinMaxima(DEFAULT_LIMITS, parsed.data.defaults ?? {}, maxima),
  };
}
