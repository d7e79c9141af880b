import { z } from 'zod';
import { mentions } from '../i18n/message.js';
import type { MessageRef } from '../i18n/message.js';
import { localIdSchema } from './content.js';

/**
 * Whether an install error (its `messageI18n`) refuses the pack because its signing key is not trusted on
 * this machine: a face that finds it offers the way to the fix (Settings' trusted keys, for an admin).
 */
export const refusesUntrustedKey = (error: MessageRef | undefined): boolean => mentions(error, 'pack-key-untrusted');

export const trustedKeySchema = z.object({
  keyId: z.string(),
  label: z.string(),
  addedAt: z.string(),
  /** Shipped with the app: trusted by default and cannot be removed. */
  builtin: z.boolean(),
});
export type TrustedKey = z.infer<typeof trustedKeySchema>;

export const installedPackSchema = z.object({
  id: localIdSchema,
  title: z.string(),
  activeVersion: z.string(),
  versions: z.array(
    z.object({
      version: z.string(),
      origin: z.enum(['bundled', 'file']),
      keyId: z.string().nullable(),
      installedAt: z.string(),
    }),
  ),
});
export type InstalledPack = z.infer<typeof installedPackSchema>;

export const installResultSchema = z.object({
  packId: localIdSchema,
  version: z.string(),
  previousVersion: z.string().nullable(),
  status: z.enum(['installed', 'already-installed']),
  /** Set when an admin replaced the key the pack id was pinned to ('app' for a shipped pack). */
  keyReplaced: z.strictObject({ from: z.string(), to: z.string() }).optional(),
});
export type InstallResult = z.infer<typeof installResultSchema>;
