import type { LearnApi } from '../../common/contract/api.js';
import { createApiClient, localizedBridge } from '../../common/contract/bridge.js';
import { coreTranslate } from '../../common/i18n/translator.js';
import { i18next } from './i18n/i18n.js';

let client: LearnApi | undefined;

/**
 * The API as plain async methods; every screen goes through this and nothing else. The core's
 * sentences (errors, run outcomes, sandbox status) arrive in the learner's language.
 */
export function learn(): LearnApi {
  if (!window.learn) throw new Error('window.learn is not installed');
  client ??= createApiClient(localizedBridge(window.learn, coreTranslate(i18next)));
  return client;
}
