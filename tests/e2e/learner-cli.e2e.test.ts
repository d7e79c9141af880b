import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './support/processes.js';

const cli = (dataDir: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  runCli(['--data-dir', dataDir, ...args], env);

describe('lionlearn learner and progress', () => {
  it('moves a learner with a PIN between two machines by file, idempotently', async () => {
    const home = tempDir('cli-home-');
    const lab = tempDir('cli-lab-');
    const pin = { LIONLEARN_PIN: '8642' };
    expect((await cli(home, ['learner', 'create', 'Grace', '--pin', '--goal', 'Ship a tool'], pin)).code).toBe(0);
    const noPin = await cli(home, ['learner', 'export', 'Grace']);
    expect(noPin.code).toBe(1);
    expect(noPin.stderr).toContain('has a PIN: set LIONLEARN_PIN');
    const wrong = await cli(home, ['learner', 'export', 'Grace'], { LIONLEARN_PIN: '0000' });
    expect(wrong.stderr).toContain('That PIN is not right');

    const file = join(tempDir('cli-usb-'), 'grace.jsonl');
    const exported = await cli(home, ['learner', 'export', 'grace', '--out', file], pin);
    expect(exported.stdout).toContain(`Exported 0 events to ${file}`);
    // Two events of Grace's, as another machine's export would carry them.
    const { id } = JSON.parse(readFileSync(file, 'utf8').split('\n')[0]!).learner;
    const event = (lessonId: string) => ({
      eventId: uuidv7(),
      type: 'LessonOpened',
      aggregateId: lessonId,
      userId: id,
      timestamp: '2026-11-20T10:00:00.000Z',
      data: { lessonId },
      version: 1,
    });
    const lines = [event('python-foundations/hello-python'), event('python-foundations/loops')];
    writeFileSync(file, `${readFileSync(file, 'utf8')}${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);

    const first = await cli(lab, ['learner', 'import', file]);
    expect(first.stdout).toContain('Created the profile; 2 events added, 0 already present');
    const again = await cli(lab, ['learner', 'import', file], pin);
    expect(again.stdout).toContain('Profile already here; 0 events added, 2 already present');
    const shown = JSON.parse((await cli(lab, ['progress', 'show', 'Grace', '--json'], pin)).stdout);
    expect(shown.resume).toMatchObject({ contentId: 'python-foundations/loops', title: 'Loops' });
    const listed = JSON.parse((await cli(lab, ['learner', 'list', '--json'])).stdout);
    expect(listed).toEqual([expect.objectContaining({ displayName: 'Grace', hasPin: true })]);
  });

  it('refuses an export file with a bad line and names the line', async () => {
    const dataDir = tempDir('cli-bad-');
    await cli(dataDir, ['learner', 'create', 'Hal']);
    const file = join(tempDir('cli-usb-'), 'hal.jsonl');
    await cli(dataDir, ['learner', 'export', 'Hal', '--out', file]);
    writeFileSync(file, `${readFileSync(file, 'utf8')}{"eventId": "x"}\n`);
    const result = await cli(tempDir('cli-lab-'), ['learner', 'import', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/line 2: .*Nothing was imported/s);
  });

  it('rebuilds the projections from the log and shows the same summary', async () => {
    const dataDir = tempDir('cli-rebuild-');
    await cli(dataDir, ['learner', 'create', 'Ida']);
    const before = await cli(dataDir, ['progress', 'show', 'Ida', '--json']);
    const rebuilt = await cli(dataDir, ['progress', 'rebuild']);
    expect(rebuilt.stdout).toMatch(/^Rebuilt the progress of every learner from 0 events/);
    expect((await cli(dataDir, ['progress', 'show', 'Ida', '--json'])).stdout).toBe(before.stdout);
  });

  it('removes a profile only with its name confirmed, keeping an export', async () => {
    const dataDir = tempDir('cli-remove-');
    await cli(dataDir, ['learner', 'create', 'Jo']);
    const refused = await cli(dataDir, ['learner', 'remove', 'Jo', '--confirm', 'jo']);
    expect(refused.stderr).toContain('type its name exactly');
    const removed = await cli(dataDir, ['learner', 'remove', 'Jo', '--confirm', 'Jo']);
    const kept = /kept in (\S+)/.exec(removed.stdout)![1]!;
    expect(JSON.parse(readFileSync(kept, 'utf8').split('\n')[0]!)).toMatchObject({
      learner: { profile: { displayName: 'Jo' } },
    });
    expect((await cli(dataDir, ['learner', 'list'])).stdout).toContain('No profiles yet');
  });
});
