import type { AppLanguage } from '../contract/learners.js';
import { de } from './messages/de.js';
import { en } from './messages/en.js';

/** The core's messages in every language the app ships: i18next's `core` namespace in each face. */
export const coreCatalogs: Record<AppLanguage, Record<string, string>> = { en, de };

/** The namespace the faces load the catalogs under. */
export const CORE_NS = 'core';
