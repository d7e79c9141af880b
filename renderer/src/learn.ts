import type { LearnApi } from '../../common/contract/api.js';
import { createApiClient } from '../../common/contract/bridge.js';

let client: LearnApi | undefined;

/** The API as plain async methods; every screen goes through this and nothing else. */
export function learn(): LearnApi {
  if (!window.learn) throw new Error('window.learn is not installed');
  client ??= createApiClient(window.learn);
  return client;
}
