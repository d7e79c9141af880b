import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { readSandboxConfig, SANDBOX_CONFIG_FILE } from './sandbox-config.js';

const withConfig = (config: unknown) => {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-config-'));
  writeFileSync(join(dir, SANDBOX_CONFIG_FILE), JSON.stringify(config));
  return readSandboxConfig(dir, pino({ level: 'silent' }));
};

describe("the admin's sandbox settings", () => {
  it('take the cap on running sandboxes and their memory budget', () => {
    expect(withConfig({ maxConcurrent: 3, memoryBudgetMb: 2048, poolSize: 20 })).toMatchObject({
      maxConcurrent: 3,
      memoryBudgetMb: 2048,
      poolSize: 20,
    });
  });

  it('are refused whole, for the built-in limits, when a cap is not a cap', () => {
    for (const bad of [{ maxConcurrent: 0 }, { maxConcurrent: 2.5 }, { memoryBudgetMb: 10 }, { poolSize: 33 }])
      expect(withConfig(bad)).toEqual({});
  });
});
