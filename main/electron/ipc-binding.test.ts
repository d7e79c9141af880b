import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../core/create-core.js';
import type { Core } from '../core/create-core.js';
import { writePackFixture } from '../../content-packs/format/pack-fixture.js';
import { bindIpc } from './ipc-binding.js';
import type { IpcMainLike } from './ipc-binding.js';
import { APP_ENTRY } from './policy/app-protocol.js';
import { isTrustedSender } from './policy/trusted-sender.js';

// A stand-in for ipcMain: the Electron binary cannot run on this machine, the handlers can.
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
  handle(channel: string, listener: Parameters<IpcMainLike['handle']>[1]): void {
    this.handlers.set(channel, listener);
  }
  invoke(channel: string, frame: { url: string; parent: unknown } | null, input?: unknown) {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ senderFrame: frame }, input);
  }
}

describe('IPC binding', () => {
  const ipc = new FakeIpcMain();
  const appFrame = { url: APP_ENTRY, parent: null };
  let core: Core;

  beforeAll(async () => {
    core = await createCore({
      dataDir: mkdtempSync(join(tmpdir(), 'ipc-')),
      appVersion: '1.0.0',
      bundledPacksDir: dirname(writePackFixture()),
      logger: pino({ level: 'silent' }),
    });
    bindIpc(ipc, core, isTrustedSender);
  });
  afterAll(() => core.close());

  it('registers one channel per contract method', () => {
    expect([...ipc.handlers.keys()]).toEqual(
      expect.arrayContaining(['learn:listModules', 'learn:getModule', 'learn:getLesson', 'learn:getAppInfo']),
    );
  });

  it('answers the app page', async () => {
    const result = (await ipc.invoke('learn:listModules', appFrame)) as { ok: boolean; value: unknown[] };
    expect(result.ok).toBe(true);
    expect(result.value.length).toBeGreaterThan(0);
  });

  it('refuses a subframe and a foreign page', async () => {
    for (const frame of [{ url: APP_ENTRY, parent: {} }, { url: 'https://evil.example/', parent: null }, null]) {
      expect(await ipc.invoke('learn:listModules', frame)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('refuses a payload that fails the schema before the core sees it', async () => {
    const result = await ipc.invoke('learn:getLesson', appFrame, { lessonId: '../../etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const extra = await ipc.invoke('learn:getLesson', appFrame, { lessonId: 'a/b', admin: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
