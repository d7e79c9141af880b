import type { LearnApi } from '../../common/contract/api.js';
import { createApiClient, localizedBridge } from '../../common/contract/bridge.js';
import type { LearnEvent } from '../../common/contract/events.js';
import { localized } from '../../common/i18n/localize.js';
import { refOf } from '../../common/i18n/message.js';
import type { Said } from '../../common/i18n/message.js';
import { coreTranslate } from '../../common/i18n/translator.js';
import { i18next } from './i18n/i18n.js';

let client: LearnApi | undefined;

const translate = coreTranslate(i18next);

/**
 * The API as plain async methods; every screen goes through this and nothing else. The core's
 * sentences (errors, run outcomes, sandbox status) arrive in the learner's language.
 */
export function learn(): LearnApi {
  if (!window.learn) throw new Error('window.learn is not installed');
  client ??= createApiClient(localizedBridge(window.learn, translate));
  return client;
}

/**
 * The core's events with their sentences in the learner's language (a live check's outcome, a
 * notice): what `window.learn.onEvent` gives, said as `learn()` says answers. Returns the unsubscribe.
 */
export function onLearnEvent(listener: (event: LearnEvent) => void): () => void {
  return window.learn?.onEvent((event) => listener(localized(event, translate))) ?? (() => undefined);
}

/** A sentence a face composes from the core's catalog (a restore's summary), in the learner's language. */
export const saidHere = (said: Said): string => translate(refOf(said), said.text);

/** An answer a face got from the bridge itself (an upload's outcome), its sentences in the learner's language. */
export const inLanguage = <T>(value: T): T => localized(value, translate);
