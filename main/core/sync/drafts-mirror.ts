import * as Y from 'yjs';
import { z } from 'zod';
import type { Logger } from '../../../infra/log/logger.js';
import type { DraftStore } from '../drafts/draft-store.js';
import type { LocalDocs } from './local-docs.js';
import type { SyncStore } from './sync-store.js';
import { draftNoteKey, NOTES_KEYS, submissionNoteKey, SYNC_ROOTS } from '../../../common/contract/sync-wire.js';

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Turns `text` into `next` by one delete and one insert around their common start and end, so a save
 * sends what changed, not the whole program, and edits made elsewhere meanwhile merge. The cut never
 * falls inside a surrogate pair.
 */
export function replaceText(text: Y.Text, next: string): void {
  const prev = text.toString();
  if (prev === next) return;
  const max = Math.min(prev.length, next.length);
  let start = 0;
  while (start < max && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
  if (start > 0 && isHighSurrogate(prev.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < max - start && prev.charCodeAt(prev.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
  if (end > 0 && isLowSurrogate(prev.charCodeAt(prev.length - end))) end--;
  const removed = prev.length - start - end;
  if (removed > 0) text.delete(start, removed);
  const inserted = next.slice(start, next.length - end);
  if (inserted.length > 0) text.insert(start, inserted);
}

/** A submission in the notes document: a plain value, the newer submission replacing the older. */
const submissionValueSchema = z.object({ code: z.string(), submittedAt: z.string() });

/**
 * A linked learner's drafts and last submissions, kept equal to their notes document (Y.Map 'notes'):
 * `draft/<exerciseId>` is a Y.Text, `submission/<exerciseId>` a `{ code, submittedAt }` value. Whatever
 * another device sent is checked by the draft store's schema before it is kept; what fails is skipped and
 * logged.
 */
export class DraftsMirror {
  readonly #docs: LocalDocs;
  readonly #store: SyncStore;
  readonly #drafts: DraftStore;
  readonly #logger: Logger;
  readonly #now: () => Date;

  constructor(docs: LocalDocs, store: SyncStore, drafts: DraftStore, logger: Logger, now: () => Date) {
    this.#docs = docs;
    this.#store = store;
    this.#drafts = drafts;
    this.#logger = logger;
    this.#now = now;
  }

  /** A draft saved on this device, into the document in the caller's transaction. */
  draftSaved = (learnerId: string, exerciseId: string, code: string): void => {
    if (!this.#store.linkOf(learnerId)) return;
    this.#docs.change(learnerId, 'notes', (doc) => this.#putDraft(doc, exerciseId, code, true));
  };

  submissionSaved = (learnerId: string, exerciseId: string, code: string, submittedAt: string): void => {
    if (!this.#store.linkOf(learnerId)) return;
    this.#docs.change(learnerId, 'notes', (doc) =>
      this.#notes(doc).set(submissionNoteKey(exerciseId), { code, submittedAt }),
    );
  };

  /** At link: the drafts and submissions the account does not have yet join the document. */
  backfill(learnerId: string): void {
    const drafts = this.#drafts.drafts(learnerId);
    const submissions = this.#drafts.submissions(learnerId);
    if (drafts.length === 0 && submissions.length === 0) return;
    this.#docs.change(learnerId, 'notes', (doc) => {
      const notes = this.#notes(doc);
      for (const draft of drafts) this.#putDraft(doc, draft.exerciseId, draft.code, false);
      for (const { exerciseId, code, submittedAt } of submissions)
        if (!notes.has(submissionNoteKey(exerciseId))) notes.set(submissionNoteKey(exerciseId), { code, submittedAt });
    });
  }

  /**
   * After an update from the server, in its transaction: every draft and submission in the document that
   * differs from the stored one is stored. All are compared, since an edit inside a draft's Y.Text does not
   * show as a changed key of the map.
   */
  received(learnerId: string, doc: Y.Doc): void {
    const at = this.#now().toISOString();
    for (const [key, value] of this.#notes(doc).entries()) {
      try {
        if (key.startsWith(NOTES_KEYS.draft) && value instanceof Y.Text) {
          const exerciseId = key.slice(NOTES_KEYS.draft.length);
          const code = value.toString();
          if (this.#drafts.draft(learnerId, exerciseId)?.code !== code)
            this.#drafts.saveDraft(learnerId, exerciseId, code, at);
        } else if (key.startsWith(NOTES_KEYS.submission)) {
          const exerciseId = key.slice(NOTES_KEYS.submission.length);
          const { code, submittedAt } = submissionValueSchema.parse(value);
          const stored = this.#drafts.submission(learnerId, exerciseId);
          if (stored?.code !== code || stored.submittedAt !== submittedAt)
            this.#drafts.saveSubmission(learnerId, exerciseId, code, submittedAt);
        }
      } catch (error) {
        this.#logger.warn({ learnerId, key, err: error }, 'sync: code from another device skipped');
      }
    }
  }

  #notes(doc: Y.Doc): Y.Map<unknown> {
    return doc.getMap(SYNC_ROOTS.notes.name);
  }

  #putDraft(doc: Y.Doc, exerciseId: string, code: string, overwrite: boolean): void {
    const notes = this.#notes(doc);
    const key = draftNoteKey(exerciseId);
    const current = notes.get(key);
    if (current instanceof Y.Text) {
      if (overwrite) replaceText(current, code);
      return;
    }
    notes.set(key, new Y.Text(code));
  }
}
