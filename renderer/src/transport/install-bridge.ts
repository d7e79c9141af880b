import { createHttpBridge } from './http-bridge.js';

const TOKEN_KEY = 'lionlearn.token';

/**
 * In Electron the preload has set `window.learn`. In a browser, the token arrives once in the
 * URL fragment (`#token=...`), is kept for this tab only, and is wiped from the address bar.
 */
export function installBridge(): 'ready' | 'missing-token' {
  if (window.learn) return 'ready';
  const fromUrl = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    history.replaceState(null, '', `${location.pathname}#/`);
  }
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return 'missing-token';
  window.learn = createHttpBridge(token);
  return 'ready';
}
