import { contextBridge, ipcRenderer } from 'electron';
import { learnMethods } from '../../common/contract/methods.js';
import type { LearnBridge } from '../../common/contract/bridge.js';
import type { LearnEvent } from '../../common/contract/events.js';
import { EVENT_CHANNEL, ipcChannel } from './ipc-channels.js';

// Named methods only: the page never gets ipcRenderer or a generic invoke(channel).
const calls = Object.fromEntries(
  learnMethods.map((method) => [method, (input?: unknown) => ipcRenderer.invoke(ipcChannel(method), input)]),
);

const bridge = {
  ...calls,
  onEvent(listener: (event: LearnEvent) => void) {
    const forward = (_event: unknown, payload: LearnEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, forward);
  },
} as LearnBridge;

contextBridge.exposeInMainWorld('learn', bridge);
