import { z } from 'zod';
import { ruleText } from '../i18n/input-issues.js';
import { say } from '../i18n/message.js';
import type { Said } from '../i18n/message.js';
import type { LearnMethod } from './methods.js';

/**
 * The machine admin's password: long enough that the scrypt hash and the lock-out make guessing
 * hopeless, short enough to type. Not a PIN: an admin gates every learner on the machine.
 */
export const adminPasswordSchema = z
  .string()
  .min(8, ruleText('rule-admin-password-short'))
  .max(200, ruleText('rule-admin-password-long'));

/** An admin session: like a learner's, an unguessable token, but it ends by itself at `expiresAt`. */
export const adminSessionSchema = z.object({ session: z.string(), expiresAt: z.iso.datetime() });
export type AdminSession = z.infer<typeof adminSessionSchema>;

export const adminStatusSchema = z.object({
  /** False on a fresh machine: the gated actions then ask for one to be set first. */
  passwordSet: z.boolean(),
  /** Seconds until another unlock may be tried, after too many wrong passwords. */
  lockedForSeconds: z.number().int().min(0),
});
export type AdminStatus = z.infer<typeof adminStatusSchema>;

/** A pack shipped with the app and what became of it on this machine. */
export const shippedPackSchema = z.object({
  packId: z.string(),
  title: z.string(),
  version: z.string(),
  /** 'as-shipped': the shipped version is active and pinned to the app; else it can be restored. */
  state: z.enum(['as-shipped', 'removed', 'replaced']),
});
export type ShippedPack = z.infer<typeof shippedPackSchema>;

export const restoreResultSchema = z.object({
  packId: z.string(),
  version: z.string(),
  /** The version that was active before, if any. */
  previousVersion: z.string().nullable(),
  /** The key the pack was pinned to before, when it was not the app. */
  previousKey: z.string().nullable(),
});
export type RestoreResult = z.infer<typeof restoreResultSchema>;

/**
 * The methods only a machine admin may call: they change what every learner on the machine gets.
 * Each takes an admin session as `session`; the core refuses any other with 'forbidden'.
 */
export const adminMethods = [
  'installPack',
  'removePack',
  'activatePackVersion',
  'restoreShippedPack',
  'addTrustedKey',
  'removeTrustedKey',
  'removeLearner',
  'installPackFolder',
  'publishPack',
] as const satisfies readonly LearnMethod[];
export type AdminMethod = (typeof adminMethods)[number];

/** The browser face's pack upload carries the admin session in this header. */
export const ADMIN_SESSION_HEADER = 'x-lionlearn-admin-session';

/** What a restore did, in one sentence (the CLI prints it, the UI shows it), said in each face's language. */
export function restoredMessage({ packId, version, previousVersion, previousKey }: RestoreResult): Said {
  const before = [
    previousVersion === null ? say('restored-was-not-installed') : say('restored-was-in-use', { previousVersion }),
    ...(previousKey ? [say('restored-was-pinned', { previousKey })] : []),
  ];
  return say('pack-restored', { packId, version, before });
}

/** The restore's sentence in English (logs, tests). */
export const restoredSentence = (result: RestoreResult): string => restoredMessage(result).text;
