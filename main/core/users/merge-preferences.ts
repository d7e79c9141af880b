import { preferencesSchema } from '../../../common/contract/learners.js';
import type { Preferences, PreferencesUpdate } from '../../../common/contract/learners.js';

/** A partial update over the current preferences; the editor and notification groups merge key by key. */
export const mergePreferences = (current: Preferences, update: PreferencesUpdate): Preferences =>
  preferencesSchema.parse({
    ...current,
    ...update,
    editor: { ...current.editor, ...update.editor },
    notifications: { ...current.notifications, ...update.notifications },
  });
