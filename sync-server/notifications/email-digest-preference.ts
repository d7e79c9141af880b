import * as Y from 'yjs';
import { wireName } from '../../common/contract/sync-docs.js';
import { SYNC_ROOTS } from '../../common/contract/sync-wire.js';
import type { AppLanguage } from '../../common/contract/learners.js';
import { shippedLanguage } from '../../common/i18n/catalogs.js';
import type { DocManager } from '../documents/doc-manager.js';
import type { DocStore } from '../documents/doc-store.js';
import type { SqlRunner } from '../storage/sql-store.js';

export type DigestCadence = 'daily' | 'weekly';

/** The learner's setting in their synced prefs document (the app keeps groups key by key: `group.key`). */
const DIGEST_KEY = 'notifications.emailDigest';
/** The app's language as the learner chose it ('system' follows their machine, which the server cannot see). */
const LANGUAGE_KEY = 'language';

/**
 * The email digest setting, read from the learner's synced preferences (the app is where it is chosen) and
 * turned off by the unsubscribe link, which writes into the same document so every device shows it off.
 */
export class DigestPreference {
  constructor(
    private readonly docStore: Pick<DocStore, 'load'>,
    private readonly docs: Pick<DocManager, 'writeFromServer'>,
  ) {}

  /** 'daily' or 'weekly' when the learner opted in; undefined otherwise (never set, 'off', or not a cadence). */
  async cadence(accountId: string): Promise<DigestCadence | undefined> {
    const value = (await this.#load(accountId)).getMap(SYNC_ROOTS.prefs.name).get(DIGEST_KEY);
    return value === 'daily' || value === 'weekly' ? value : undefined;
  }

  /**
   * The language the learner chose in the app, synced with their preferences: their mails speak it. Undefined
   * when they left it to their machine (or never synced), and the mail is in English.
   */
  async language(accountId: string, runner?: SqlRunner): Promise<AppLanguage | undefined> {
    const value = (await this.#load(accountId, runner)).getMap(SYNC_ROOTS.prefs.name).get(LANGUAGE_KEY);
    return typeof value === 'string' ? shippedLanguage([value]) : undefined;
  }

  /**
   * Sets the digest off; true when it was on. The update is made on top of the stored state, so it follows
   * the devices' last choice (a Y.Map key written from a fresh document would race it by client id instead).
   */
  async turnOff(accountId: string): Promise<boolean> {
    const doc = await this.#load(accountId);
    const map = doc.getMap(SYNC_ROOTS.prefs.name);
    const value = map.get(DIGEST_KEY);
    if (value !== 'daily' && value !== 'weekly') return false;
    const before = Y.encodeStateVector(doc);
    map.set(DIGEST_KEY, 'off');
    await this.docs.writeFromServer(wireName(accountId, 'prefs'), Y.encodeStateAsUpdate(doc, before));
    return true;
  }

  async #load(accountId: string, runner?: SqlRunner): Promise<Y.Doc> {
    const doc = new Y.Doc();
    const stored = await this.docStore.load(wireName(accountId, 'prefs'), runner);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    return doc;
  }
}
