import { isDeepStrictEqual } from 'node:util';
import type * as Y from 'yjs';
import { z } from 'zod';
import { preferencesUpdateSchema } from '../../../common/contract/learners.js';
import type { Preferences, PreferencesUpdate } from '../../../common/contract/learners.js';
import type { Logger } from '../../../infra/log/logger.js';
import type { LearnerStore } from '../users/learner-store.js';
import { mergePreferences } from '../users/merge-preferences.js';
import type { LocalDocs } from './local-docs.js';
import type { SyncStore } from './sync-store.js';
import { SYNC_ROOTS } from '../../../common/contract/sync-wire.js';

/** Groups synced key by key ('editor.tabSize'), so two devices changing different ones both keep theirs. */
const GROUPS = new Set(['editor', 'notifications']);

/** A preferences update as the prefs document's keys and JSON values. */
export function prefsEntries(update: PreferencesUpdate | Preferences): [string, unknown][] {
  const entries: [string, unknown][] = [];
  for (const [key, value] of Object.entries(update)) {
    if (value === undefined) continue;
    if (!GROUPS.has(key)) entries.push([key, value]);
    else
      for (const [sub, v] of Object.entries(value as object)) if (v !== undefined) entries.push([`${key}.${sub}`, v]);
  }
  return entries;
}

const updateOf = (key: string, value: unknown): unknown => {
  const [group, sub] = key.split('.', 2);
  return sub === undefined ? { [key]: value } : { [group!]: { [sub]: value } };
};

/**
 * A learner's preferences and their document (Y.Map 'prefs'), kept equal while linked. Each key
 * is a last-writer-wins register, as Y.Map gives.
 */
export class PrefsMirror {
  readonly #docs: LocalDocs;
  readonly #store: SyncStore;
  readonly #learners: LearnerStore;
  readonly #logger: Logger;

  constructor(docs: LocalDocs, store: SyncStore, learners: LearnerStore, logger: Logger) {
    this.#docs = docs;
    this.#store = store;
    this.#learners = learners;
    this.#logger = logger;
  }

  /** The users service's hook, inside the transaction that saved the change. */
  changed = (learnerId: string, update: PreferencesUpdate): void => {
    if (!this.#store.linkOf(learnerId)) return;
    this.#set(learnerId, prefsEntries(update), true);
  };

  /**
   * Once the account's preferences arrived: the keys it does not have yet take this device's
   * values, so the account's win on a second device and the first device's fill a new account.
   */
  seed(learnerId: string): void {
    const learner = this.#learners.find(learnerId);
    if (learner) this.#set(learnerId, prefsEntries(learner.preferences), false);
  }

  /** Keys changed by the server, applied to the stored preferences; a value that fails its schema is skipped. */
  received(learnerId: string, doc: Y.Doc, keys: ReadonlySet<string>): void {
    const learner = this.#learners.find(learnerId);
    if (!learner) return;
    const map = doc.getMap(SYNC_ROOTS.prefs.name);
    let preferences = learner.preferences;
    for (const key of keys) {
      if (!map.has(key)) continue;
      const parsed = preferencesUpdateSchema.safeParse(updateOf(key, map.get(key)));
      if (parsed.success) preferences = mergePreferences(preferences, parsed.data);
      else this.#logger.warn({ learnerId, key, problem: z.prettifyError(parsed.error) }, 'sync: a preference skipped');
    }
    if (!isDeepStrictEqual(preferences, learner.preferences)) this.#learners.updatePreferences(learnerId, preferences);
  }

  #set(learnerId: string, entries: [string, unknown][], overwrite: boolean): void {
    this.#docs.change(learnerId, 'prefs', (doc) => {
      const map = doc.getMap(SYNC_ROOTS.prefs.name);
      for (const [key, value] of entries) {
        if (map.has(key) ? overwrite && !isDeepStrictEqual(map.get(key), value) : true) map.set(key, value);
      }
    });
  }
}
