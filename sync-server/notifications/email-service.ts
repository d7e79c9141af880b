import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { InboxItem } from '../../common/contract/notifications.js';
import type { DocManager } from '../documents/doc-manager.js';
import { DocStore } from '../documents/doc-store.js';
import type { SqlRunner, SqlStore } from '../storage/sql-store.js';
import { speakerIn } from '../../common/i18n/speaker.js';
import { importantEmail } from './email-compose.js';
import type { EmailOptions } from './email-config.js';
import { EmailDigest } from './email-digest.js';
import { DigestPreference } from './email-digest-preference.js';
import { EmailOutbox } from './email-outbox.js';
import { EmailSender } from './email-sender.js';
import { UnsubscribeTokens } from './email-unsubscribe-token.js';

/** Sent and given-up mails are kept this long (to look into a complaint), then deleted. */
const KEEP_SENT_MS = 30 * 24 * 60 * 60_000;

/** The server's email when SMTP is configured: the outbox, its sender, the digests and the unsubscribe links. */
export class EmailService {
  readonly outbox: EmailOutbox;
  readonly sender: EmailSender;
  readonly digest: EmailDigest;
  private digestTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: SqlStore,
    private readonly options: EmailOptions,
    private readonly tokens: UnsubscribeTokens,
    private readonly preference: DigestPreference,
    private readonly log: FastifyBaseLogger,
    private readonly now: () => number,
    transport: Pick<Transporter, 'sendMail' | 'close'> = nodemailer.createTransport({
      url: options.smtpUrl,
      // A silent SMTP server holds a sending slot for seconds, not nodemailer's default ten minutes.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 60_000,
    } as Parameters<typeof nodemailer.createTransport>[0]),
  ) {
    this.outbox = new EmailOutbox(store);
    this.sender = new EmailSender(this.outbox, transport, options, log, now);
    this.digest = new EmailDigest(
      store,
      this.outbox,
      preference,
      (id) => ({ unsubscribeUrl: this.unsubscribeUrl(id) }),
      now,
    );
  }

  unsubscribeUrl(accountId: string): string {
    return `${this.options.publicUrl}/email/unsubscribe?token=${encodeURIComponent(this.tokens.sign(accountId))}`;
  }

  /**
   * In the transaction that stored an important message and its deliveries: one mail per recipient with an
   * address, so the message and its mails are stored together or not at all.
   */
  async queueImportant(tx: SqlRunner, messageId: string, item: InboxItem, at: number): Promise<void> {
    const recipients = await tx.all<{ id: string; email: string; display_name: string }>(
      `SELECT a.id, a.email, a.display_name FROM notification_deliveries d JOIN accounts a ON a.id = d.account_id
       WHERE d.message_id = ? AND a.email <> ''`,
      [messageId],
    );
    // Read through the transaction: on SQLite a plain read would wait for it to end.
    const languages = await Promise.all(recipients.map((account) => this.preference.language(account.id, tx)));
    await this.outbox.queue(
      tx,
      recipients.map((account, i) => {
        const unsubscribeUrl = this.unsubscribeUrl(account.id);
        return {
          id: `important:${messageId}:${account.id}`,
          accountId: account.id,
          toAddress: account.email,
          toName: account.display_name,
          unsubscribeUrl,
          ...importantEmail(item, unsubscribeUrl, speakerIn(languages[i] ?? 'en')),
        };
      }),
      at,
    );
  }

  /** Sends in the background from now on; digests (and old mails to forget) are looked for at once and every `digestCheckMs`. */
  start(): void {
    this.sender.start();
    const digest = () =>
      void this.outbox
        .prune(this.now() - KEEP_SENT_MS)
        .then(() => this.digest.run())
        .then((queued) => (queued > 0 ? this.sender.kick() : undefined))
        .catch((error: unknown) =>
          this.log.error({ err: error }, 'email: the digest failed; trying at the next check'),
        );
    this.digestTimer = setInterval(digest, this.options.digestCheckMs).unref();
    digest();
  }

  async stop(): Promise<void> {
    clearInterval(this.digestTimer);
    await this.sender.stop();
  }
}

/** The parts that work without SMTP too: a link from an earlier mail still turns the digest off. */
export function unsubscribeParts(secret: Uint8Array, store: SqlStore, docs: Pick<DocManager, 'writeFromServer'>) {
  return { tokens: new UnsubscribeTokens(secret), preference: new DigestPreference(new DocStore(store), docs) };
}
