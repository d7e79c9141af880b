import { mkdtempSync, readdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScratchWorkspaces } from './scratch-workspaces.js';

// Idle removal is about folders and clocks, so the container run is not needed here:
// tests/sandbox runs workspaces on the real engine.
const noRun = () => Promise.reject(new Error('not used'));

describe('scratch workspaces', () => {
  it('removes the folders of sandboxes idle past the timeout and keeps the others', async () => {
    const root = mkdtempSync(join(tmpdir(), 'workspaces-'));
    const workspaces = new ScratchWorkspaces(root, noRun, 60_000);
    const idle = await workspaces.create('learner-a');
    const fresh = await workspaces.create('learner-b');
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(join(root, 'learner-a', idle.sandboxId), hourAgo, hourAgo);
    expect(await workspaces.removeIdle()).toBe(1);
    expect(readdirSync(join(root, 'learner-a'))).toEqual([]);
    expect(readdirSync(join(root, 'learner-b'))).toEqual([fresh.sandboxId]);
    workspaces.close();
  });
});
