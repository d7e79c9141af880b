export * from './api.js';
export * from './app-info.js';
export * from './bridge.js';
export * from './content.js';
export * from './errors.js';
export * from './events.js';
export * from './methods.js';
export * from './packs.js';
