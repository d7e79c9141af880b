import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { learnMethods } from '../../common/contract/methods.js';
import type {
  ImportProgress,
  LearnBridge,
  PackImportBridge,
  PackImportOptions,
  PackPublishBridge,
  PackPublishOptions,
} from '../../common/contract/bridge.js';
import type { LearnEvent } from '../../common/contract/events.js';
import { EVENT_CHANNEL, ipcChannel } from './ipc-channels.js';

// Named methods only: the page never gets ipcRenderer or a generic invoke(channel).
const calls = Object.fromEntries(
  learnMethods.map((method) => [method, (input?: unknown) => ipcRenderer.invoke(ipcChannel(method), input)]),
);

type PickedFile = Parameters<typeof webUtils.getPathForFile>[0];

const bridge = {
  ...calls,
  // The desktop app installs straight from the picked file's path; progress comes as events.
  importPackFile: (file: PickedFile, options: PackImportOptions, _onProgress: (p: ImportProgress) => void) =>
    ipcRenderer.invoke(ipcChannel('installPack'), { file: webUtils.getPathForFile(file), ...options }),
  publishPackFile: (file: PickedFile, options: PackPublishOptions, _onProgress: (p: ImportProgress) => void) =>
    ipcRenderer.invoke(ipcChannel('publishPack'), { file: webUtils.getPathForFile(file), ...options }),
  onEvent(listener: (event: LearnEvent) => void) {
    const forward = (_event: unknown, payload: LearnEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, forward);
  },
} as LearnBridge & PackImportBridge<PickedFile> & PackPublishBridge<PickedFile>;

contextBridge.exposeInMainWorld('learn', bridge);
