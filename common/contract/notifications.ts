import { z } from 'zod';
import { ruleText } from '../i18n/input-issues.js';
import { messageRefSchema } from '../i18n/message.js';
import type { SyncRole } from './sync-wire.js';

/**
 * Notifications, written once for the app, the class server, the CLI and the tests: the inbox document's
 * entries, the app's view of them, the learner's alert settings, and the class server's sending route.
 */

/** What a notification is about; each kind answers to one of the learner's switches (NOTIFICATION_PREFERENCE). */
export const notificationKinds = [
  // From this device's core.
  'reviews-due',
  'streak',
  'daily-goal',
  'pack-update',
  'sandbox-ready',
  'assignment-due',
  // Through the class server.
  'welcome',
  'class-message',
  'announcement',
  'new-assignment',
  'struggling-learner',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** The switch in Preferences.notifications that silences a kind's alerts (the inbox keeps every item). */
export const NOTIFICATION_PREFERENCE = {
  'reviews-due': 'reviewsDue',
  streak: 'achievements',
  'daily-goal': 'achievements',
  'pack-update': 'appUpdates',
  'sandbox-ready': 'appUpdates',
  'assignment-due': 'assignments',
  welcome: 'classMessages',
  'class-message': 'classMessages',
  announcement: 'classMessages',
  'new-assignment': 'assignments',
  'struggling-learner': 'classMessages',
} as const satisfies Record<NotificationKind, string>;

/** What a notification is about: an app route such as `#/lessons/<id>`, never an outside address. */
const appLinkSchema = z.string().max(500).regex(/^#\//, ruleText('rule-app-link'));

/** Longest message a teacher or admin may send, in characters (a notification, not a lesson). */
export const MAX_MESSAGE_LENGTH = 2000;
export const MAX_TITLE_LENGTH = 120;

/**
 * One notification in a learner's inbox document (an element of its `items` array). `kind` stays an open
 * string on the wire so an older app shows a newer server's kinds as plain messages.
 */
export const inboxItemSchema = z.object({
  id: z.string().min(1).max(200),
  kind: z.string().min(1).max(64),
  title: z.string().max(MAX_TITLE_LENGTH),
  body: z.string().max(MAX_MESSAGE_LENGTH),
  /** For notifications the app makes itself: title and body as catalog references, said in the learner's language. */
  titleI18n: messageRefSchema.optional(),
  bodyI18n: messageRefSchema.optional(),
  /** ISO 8601 time, as the app's events carry. */
  at: z.string(),
  /** The body is the app's Markdown subset (rendered sanitized) rather than plain text. */
  format: z.enum(['text', 'markdown']).optional(),
  /** Who sent it (a display name), for messages from people. */
  from: z.string().max(120).optional(),
  /** What it is about: an app route such as `#/lessons/<id>` (never an outside address). */
  link: appLinkSchema.optional(),
  /** A teacher marked it important (it is also emailed when the server sends email). */
  important: z.boolean().optional(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

/**
 * Read and dismissed state, kept in the same array as the items: a grow-only set of marks, so two devices
 * marking at once merge without conflict (Yjs keeps both pushes, and a mark means the same twice).
 */
export const inboxMarkSchema = z.object({
  mark: z.enum(['read', 'dismissed']),
  itemId: z.string().min(1).max(200),
  at: z.string(),
});
export type InboxMark = z.infer<typeof inboxMarkSchema>;

/** A notification as the app shows it: an inbox item (synced) or one of this device's own, with its state. */
export const notificationSchema = inboxItemSchema.extend({
  source: z.enum(['inbox', 'device']),
  read: z.boolean(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

export const notificationIdsSchema = z.array(z.string().min(1).max(200)).max(10_000);

/** A desktop or browser alert the core decided to show: one per burst of a kind ("3 reviews due"). */
export const notificationAlertSchema = z.object({
  title: z.string(),
  body: z.string(),
  titleI18n: messageRefSchema.optional(),
  bodyI18n: messageRefSchema.optional(),
  /** The item to open when clicked (the newest of a burst); the inbox for a mixed burst. */
  itemId: z.string().nullable(),
  link: z.string().nullable(),
});
export type NotificationAlert = z.infer<typeof notificationAlertSchema>;

/** Where a click on an alert goes, in every face: the item in the inbox, or what a collapsed burst is about. */
export const routeOfAlert = (alert: NotificationAlert): string =>
  alert.itemId ? `#/notifications?item=${encodeURIComponent(alert.itemId)}` : (alert.link ?? '#/notifications');

/** Pushed to the faces: the inbox changed (unread count), and what to show as desktop alerts now. */
export const notificationsEventSchema = z.object({
  type: z.literal('notifications'),
  learnerId: z.string(),
  unread: z.number().int(),
  alerts: z.array(notificationAlertSchema),
});

/**
 * Whether an account of this role may send messages at all (the server decides to whom): teachers and admins.
 * The app shows the send form and the core sends only for them; the server checks again.
 */
export const mayCompose = (role: SyncRole | null): boolean => role === 'teacher' || role === 'admin';

/** Who a teacher's or admin's message goes to. */
export const audienceSchema = z.discriminatedUnion('to', [
  z.strictObject({ to: z.literal('class'), classId: z.string().min(1).max(100) }),
  /** A class named by its join code (the CLI's `--class CODE`). */
  z.strictObject({ to: z.literal('class-code'), joinCode: z.string().min(1).max(32) }),
  z.strictObject({ to: z.literal('learner'), accountId: z.uuid() }),
  z.strictObject({ to: z.literal('everyone') }),
]);
export type Audience = z.infer<typeof audienceSchema>;

/** Plain text or Markdown without raw HTML: a message is shown by the app's sanitizing Markdown component. */
const messageText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // Control characters (but tab and newline) and bidirectional overrides hide what a message says.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .refine((text) => !/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(text), {
      message: ruleText('rule-no-control-characters'),
    });

/** POST /notifications: what a teacher or admin sends. */
export const sendMessageSchema = z.strictObject({
  audience: audienceSchema,
  title: messageText(MAX_TITLE_LENGTH).optional(),
  text: messageText(MAX_MESSAGE_LENGTH),
  format: z.enum(['text', 'markdown']).default('text'),
  important: z.boolean().default(false),
  link: appLinkSchema.optional(),
});
export type SendMessage = z.input<typeof sendMessageSchema>;

export const sendResultSchema = z.object({ messageId: z.string(), recipients: z.number().int() });
export type SendResult = z.infer<typeof sendResultSchema>;
