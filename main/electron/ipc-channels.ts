/** Channel names shared by the preload and the main process. */
export const ipcChannel = (method: string) => `learn:${method}`;
export const EVENT_CHANNEL = 'learn:event';
