import { z } from 'zod';
import { ruleText } from '../i18n/input-issues.js';
import { DEFAULT_DESIRED_RETENTION, desiredRetentionSchema } from './reviews.js';

export const learnerIdSchema = z.uuid();
/** Proof that a learner opened their profile on this face (PIN checked); every learner call carries it. */
export const sessionSchema = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, ruleText('rule-session-token'));

export const pinSchema = z.string().regex(/^\d{4,8}$/, ruleText('rule-pin'));

export const profileSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(60),
  avatar: z.string().max(16).default('owl'),
  goals: z.array(z.string().trim().min(1).max(120)).max(10).default([]),
});
export type Profile = z.infer<typeof profileSchema>;

/**
 * The share of right answers practice aims for: hard enough to learn from, easy enough to succeed.
 * Below half, practice mostly fails; above 95%, it teaches little.
 */
export const TARGET_SUCCESS_LIMITS = { min: 0.5, max: 0.95 } as const;
const targetEnd = z.number().min(TARGET_SUCCESS_LIMITS.min).max(TARGET_SUCCESS_LIMITS.max);
export const targetSuccessSchema = z
  .strictObject({ low: targetEnd, high: targetEnd })
  .refine((band) => band.low < band.high, ruleText('rule-target-band'));
export type TargetSuccess = z.infer<typeof targetSuccessSchema>;
export const DEFAULT_TARGET_SUCCESS: TargetSuccess = { low: 0.7, high: 0.85 };

/** The languages the app ships (renderer/src/i18n); 'system' takes the first of the OS's that is one. */
export const appLanguages = ['en', 'de'] as const;
export type AppLanguage = (typeof appLanguages)[number];
const languagePreference = z.enum(['system', ...appLanguages]);
export type LanguagePreference = z.infer<typeof languagePreference>;
/**
 * The alert settings beside the three original switches: more kinds, desktop or browser alerts at all, quiet
 * hours (local time; a start after the end spans midnight), the most alerts a day, and the email digest.
 * Defaults apply to profiles stored before they existed.
 */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, ruleText('rule-clock-time'));
const notificationSettings = {
  appUpdates: z.boolean().default(true),
  assignments: z.boolean().default(true),
  desktop: z.boolean().default(true),
  quietHours: z.boolean().default(false),
  quietFrom: clockTime.default('22:00'),
  quietTo: clockTime.default('07:00'),
  dailyCap: z.number().int().min(0).max(50).default(10),
  emailDigest: z.enum(['off', 'daily', 'weekly']).default('off'),
};
export const NOTIFICATION_SETTING_DEFAULTS = {
  appUpdates: true,
  assignments: true,
  desktop: true,
  quietHours: false,
  quietFrom: '22:00',
  quietTo: '07:00',
  dailyCap: 10,
  emailDigest: 'off',
} as const;
const notificationSettingUpdates = Object.fromEntries(
  Object.entries(notificationSettings).map(([key, schema]) => [key, schema.unwrap().optional()]),
) as {
  [K in keyof typeof notificationSettings]: z.ZodOptional<ReturnType<(typeof notificationSettings)[K]['unwrap']>>;
};

export const preferencesSchema = z.strictObject({
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  /** 'system' follows the OS's "more contrast" setting; 'high' forces the high-contrast colours. */
  contrast: z.enum(['system', 'normal', 'high']).default('system'),
  language: languagePreference.default('system'),
  fontSize: z.number().int().min(12).max(28).default(17),
  editor: z
    .strictObject({
      tabSize: z.union([z.literal(2), z.literal(4)]).default(4),
      lineNumbers: z.boolean().default(true),
      wordWrap: z.boolean().default(false),
    })
    .default({ tabSize: 4, lineNumbers: true, wordWrap: false }),
  notifications: z
    .strictObject({
      reviewsDue: z.boolean().default(true),
      classMessages: z.boolean().default(true),
      achievements: z.boolean().default(true),
      ...notificationSettings,
    })
    .default({ reviewsDue: true, classMessages: true, achievements: true, ...NOTIFICATION_SETTING_DEFAULTS }),
  dailyGoalMinutes: z.number().int().min(5).max(240).default(20),
  targetSuccess: targetSuccessSchema.default(DEFAULT_TARGET_SUCCESS),
  /** The share of reviews to still recall when due: FSRS spaces reviews to hit it. */
  desiredRetention: desiredRetentionSchema.default(DEFAULT_DESIRED_RETENTION),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const learnerSummarySchema = z.object({
  id: learnerIdSchema,
  displayName: z.string(),
  avatar: z.string(),
  hasPin: z.boolean(),
  createdAt: z.string(),
});
export type LearnerSummary = z.infer<typeof learnerSummarySchema>;

export const learnerSchema = learnerSummarySchema.extend({
  goals: z.array(z.string()),
  preferences: preferencesSchema,
});
export type Learner = z.infer<typeof learnerSchema>;

export const profileUpdateSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(60).optional(),
  avatar: z.string().max(16).optional(),
  goals: z.array(z.string().trim().min(1).max(120)).max(10).optional(),
});

/** A partial update: only the keys sent change; nested groups merge key by key. */
export const preferencesUpdateSchema = z.strictObject({
  theme: z.enum(['system', 'light', 'dark']).optional(),
  contrast: z.enum(['system', 'normal', 'high']).optional(),
  language: languagePreference.optional(),
  fontSize: z.number().int().min(12).max(28).optional(),
  editor: z
    .strictObject({
      tabSize: z.union([z.literal(2), z.literal(4)]).optional(),
      lineNumbers: z.boolean().optional(),
      wordWrap: z.boolean().optional(),
    })
    .optional(),
  notifications: z
    .strictObject({
      reviewsDue: z.boolean().optional(),
      classMessages: z.boolean().optional(),
      achievements: z.boolean().optional(),
      ...notificationSettingUpdates,
    })
    .optional(),
  dailyGoalMinutes: z.number().int().min(5).max(240).optional(),
  /** Set whole, not merged key by key: half a band could leave its low end above its high end. */
  targetSuccess: targetSuccessSchema.optional(),
  desiredRetention: desiredRetentionSchema.optional(),
});
export type PreferencesUpdate = z.infer<typeof preferencesUpdateSchema>;

export const learnerSessionSchema = z.object({ session: sessionSchema, learner: learnerSchema });
export type LearnerSession = z.infer<typeof learnerSessionSchema>;

/** The first line of a learner export file; every other line is one progress event. */
export const learnerExportHeaderSchema = z.strictObject({
  kind: z.literal('lionlearn-learner'),
  formatVersion: z.literal(1),
  exportedAt: z.iso.datetime(),
  learner: z.strictObject({
    id: learnerIdSchema,
    createdAt: z.iso.datetime(),
    profile: profileSchema,
    preferences: preferencesSchema,
    /** The scrypt hash, so the PIN moves with the learner; never the PIN itself. */
    pinHash: z.string().max(300).nullable(),
  }),
});
export type LearnerExportHeader = z.infer<typeof learnerExportHeaderSchema>;

export const importResultSchema = z.object({
  learnerId: learnerIdSchema,
  created: z.boolean(),
  appended: z.number().int(),
  duplicates: z.number().int(),
});
export type ImportResult = z.infer<typeof importResultSchema>;
