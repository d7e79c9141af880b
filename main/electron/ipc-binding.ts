import { learnMethods } from '../../common/contract/api.js';
import { dispatch } from '../../common/contract/bridge.js';
import type { ApiResult } from '../../common/contract/errors.js';
import type { Core } from '../core/create-core.js';
import { ipcChannel } from './ipc-channels.js';
import type { SenderFrame } from './policy/trusted-sender.js';

/** The part of Electron's ipcMain this uses; tests pass a stand-in because Electron cannot run here. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: { senderFrame: SenderFrame | null }, input: unknown) => Promise<unknown>,
  ): void;
}

/** One handler per contract method: check who is calling, validate the payload, answer an envelope. */
export function bindIpc(
  ipc: IpcMainLike,
  core: Pick<Core, 'api' | 'logger'>,
  isTrusted: (frame: SenderFrame | null) => boolean,
): void {
  for (const method of learnMethods) {
    ipc.handle(ipcChannel(method), async (event, input): Promise<ApiResult<unknown>> => {
      if (!isTrusted(event.senderFrame)) {
        core.logger.warn({ method, url: event.senderFrame?.url }, 'IPC call from an untrusted frame refused');
        return { ok: false, error: { code: 'forbidden', message: 'This page may not use the app API.' } };
      }
      return dispatch(core.api, method, input, (error) => core.logger.error({ err: error, method }, 'IPC call failed'));
    });
  }
}
