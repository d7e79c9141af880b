import { asField, say } from '../../common/i18n/message.js';
import type { MessageRef } from '../../common/i18n/message.js';
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { InboxItem, NotificationKind, SendResult } from '../../common/contract/notifications.js';
import type { sendMessageSchema } from '../../common/contract/notifications.js';
import type { z } from 'zod';
import { AccountStore } from '../accounts/account-store.js';
import type { AccessClaims } from '../accounts/token-verifier.js';
import type { DocManager } from '../documents/doc-manager.js';
import { DocStore } from '../documents/doc-store.js';
import { inboxItemUpdate } from '../documents/learner-documents.js';
import { ServerError } from '../http/server-error.js';
import type { SqlStore } from '../storage/sql-store.js';
import type { EmailService } from './email-service.js';
import { InboxDelivery } from './inbox-delivery.js';
import { InboxPruner } from './inbox-pruner.js';
import type { InboxLimits } from './inbox-pruning.js';
import { MessageStore } from './message-store.js';
import type { Recipients } from './message-store.js';
import { recipientsFor } from './send-authorization.js';

/** Messages a sender may send per window: enough for a lesson's worth of notes, too few to flood a class. */
export interface SendLimit {
  max: number;
  windowMs: number;
}
export const DEFAULT_SEND_LIMIT: SendLimit = { max: 30, windowMs: 60 * 60_000 };

/** What a server part (assignments, the dashboard) asks to tell someone; the notifier adds id and time. */
export interface ServerNotice {
  kind: Extract<NotificationKind, 'new-assignment' | 'struggling-learner' | 'class-message' | 'announcement'>;
  title: string;
  body: string;
  /** The title and body as catalog references (asField), said in each recipient's language. */
  titleI18n?: MessageRef;
  bodyI18n?: MessageRef;
  link?: string;
  /** Makes the notice idempotent: the same key is one item, however often it is sent (a retried hook). */
  key?: string;
}

/**
 * The server's notification service: messages from teachers and admins (checked, limited, stored) and
 * notices from other server parts, each written into the recipients' inbox documents by the background
 * delivery. The hooks `notifyClass` and `notifyTeacher` are for the assignments and dashboard rooms.
 */
export class Notifier {
  readonly messages: MessageStore;
  readonly delivery: InboxDelivery;
  /** Keeps the inboxes bounded (started by the server, daily). */
  readonly pruner: InboxPruner;
  private readonly accounts: AccountStore;

  constructor(
    private readonly store: SqlStore,
    docs: Pick<DocManager, 'writeFromServer' | 'loadedNames'>,
    log: FastifyBaseLogger,
    private readonly now: () => Date,
    private readonly limit: SendLimit = DEFAULT_SEND_LIMIT,
    /** Present when the server sends email: important messages are mailed to their recipients too. */
    private readonly email?: Pick<EmailService, 'queueImportant' | 'sender'>,
    inboxLimits?: InboxLimits,
  ) {
    this.messages = new MessageStore(store);
    this.delivery = new InboxDelivery(this.messages, docs, log, () => this.now().getTime());
    this.pruner = new InboxPruner(store, new DocStore(store), docs, log, () => this.now().getTime(), inboxLimits);
    this.accounts = new AccountStore(store);
  }

  /** A teacher's or admin's message, after the matrix and the rate limit. */
  async send(claims: AccessClaims, input: z.output<typeof sendMessageSchema>): Promise<SendResult> {
    const recipients = await recipientsFor(claims, input.audience, this.store);
    const at = this.now().getTime();
    if ((await this.messages.sentSince(claims.accountId, at - this.limit.windowMs)) >= this.limit.max) {
      throw new ServerError(
        'too-many-attempts',
        say('server-send-limit', { max: this.limit.max, minutes: Math.round(this.limit.windowMs / 60_000) }),
      );
    }
    const sender = await this.accounts.find(claims.accountId);
    // A sender whose account is gone is "your teacher" in each learner's language.
    const from = sender?.displayName ?? say('server-your-teacher');
    const everyone = input.audience.to === 'everyone';
    return this.#write(
      claims.accountId,
      {
        kind: everyone ? 'announcement' : 'class-message',
        // The sender's own title as they wrote it; without one, a title each learner reads in their language.
        ...(input.title !== undefined
          ? { title: input.title }
          : asField('title', say(everyone ? 'server-announcement-from' : 'server-message-from', { from }))),
        body: input.text,
        ...(input.format === 'markdown' ? { format: 'markdown' as const } : {}),
        from: typeof from === 'string' ? from : from.text,
        ...(input.link ? { link: input.link } : {}),
        ...(input.important ? { important: true } : {}),
      },
      recipients,
    );
  }

  /** Every member of a class (a new assignment). */
  notifyClass = (classId: string, notice: ServerNotice): Promise<SendResult> =>
    this.#notice(notice, { kind: 'class', classId });

  /** The class's teacher (a learner who struggles). */
  notifyTeacher = (classId: string, notice: ServerNotice): Promise<SendResult> =>
    this.#notice(notice, { kind: 'teacher-of-class', classId });

  notifyAccounts = (accountIds: readonly string[], notice: ServerNotice): Promise<SendResult> =>
    this.#notice(notice, { kind: 'accounts', accountIds });

  async #notice({ key, ...notice }: ServerNotice, recipients: Recipients): Promise<SendResult> {
    return this.#write(null, notice, recipients, key);
  }

  async #write(
    senderId: string | null,
    fields: Omit<InboxItem, 'id' | 'at'>,
    recipients: Recipients,
    key?: string,
  ): Promise<SendResult> {
    const id = key ?? randomUUID();
    if (key && (await this.store.get('SELECT 1 AS found FROM notification_messages WHERE id = ?', [key]))) {
      return { messageId: key, recipients: 0 };
    }
    const item: InboxItem = { id, at: this.now().toISOString(), ...fields };
    const at = this.now().getTime();
    const email = item.important ? this.email : undefined;
    const count = await this.messages.add(
      { id, senderId, item, update: inboxItemUpdate(item), important: item.important === true },
      recipients,
      at,
      email && ((tx) => email.queueImportant(tx, id, item, at)),
    );
    void this.delivery.kick();
    void email?.sender.kick();
    return { messageId: id, recipients: count };
  }
}
