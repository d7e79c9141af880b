import type { LearnBridge, PackImportBridge, PackPublishBridge } from '../../common/contract/bridge.js';

declare global {
  interface Window {
    /** Set by the Electron preload, or by the browser transport at start. */
    learn?: LearnBridge & PackImportBridge<File> & PackPublishBridge<File>;
  }
}
