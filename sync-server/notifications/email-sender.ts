import type { FastifyBaseLogger } from 'fastify';
import type { Transporter } from 'nodemailer';
import { BackgroundRounds } from './background-rounds.js';
import { headerSafe } from './email-compose.js';
import type { EmailOptions } from './email-config.js';
import type { EmailOutbox, QueuedMail } from './email-outbox.js';

/** A claimed mail is not sent by anyone else for this long (the transport's own timeouts end a send well before). */
const LEASE_MS = 5 * 60_000;
/** The longest wait between two attempts of one mail. */
const MAX_BACKOFF_MS = 60 * 60_000;
/** The loop looks again at least this often (a mail queued by another instance, a retry that came due). */
const POLL_MS = 5_000;

/** Recipient-specific refusals (no such mailbox, bad address): trying again cannot help. */
const permanent = (error: unknown): boolean => {
  const code = (error as { responseCode?: number }).responseCode;
  return code !== undefined && code >= 550 && code <= 553;
};

/**
 * Sends the outbox in the background: never on a request's path, at most `concurrency` mails in flight,
 * a failed mail tried again after `retryBaseMs`, then twice as long each time (capped at an hour), and
 * given up after `maxAttempts` with an error in the log. An SMTP server that is down only delays mail.
 */
export class EmailSender {
  private readonly rounds = new BackgroundRounds(() => this.drain());
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly outbox: EmailOutbox,
    private readonly transport: Pick<Transporter, 'sendMail' | 'close'>,
    private readonly options: Pick<EmailOptions, 'from' | 'maxAttempts' | 'retryBaseMs' | 'concurrency'>,
    private readonly log: FastifyBaseLogger,
    private readonly now: () => number,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.kick(), POLL_MS).unref();
    void this.kick();
  }

  /** Sends what is due; a call while a round runs makes it look again when done. */
  kick(): Promise<void> {
    return this.rounds.kick();
  }

  /** Resolves once no round runs (tests wait on it). */
  idle(): Promise<void> {
    return this.rounds.idle();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.rounds.stop();
    this.transport.close();
  }

  /** The wait before the attempt after `attempts` failed ones. */
  backoff(attempts: number): number {
    return Math.min(this.options.retryBaseMs * 2 ** (attempts - 1), MAX_BACKOFF_MS);
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        const batch = await this.outbox.claim(this.options.concurrency, this.now(), LEASE_MS);
        if (batch.length === 0 || this.rounds.isStopped) return;
        await Promise.all(batch.map((mail) => this.send(mail)));
      }
    } catch (error) {
      // The database failed: the next poll tries again; nothing is lost, the rows stay queued.
      this.log.error({ err: error }, 'email: the outbox could not be read; retrying');
    }
  }

  private async send(mail: QueuedMail): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.options.from,
        to: { name: headerSafe(mail.toName, 100), address: mail.toAddress },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // The List-Unsubscribe header, for mail clients that offer the link as a button.
        list: { unsubscribe: { url: mail.unsubscribeUrl, comment: 'Stop the email digest' } },
        // Never let a header value or an address be read from a file or URL (nodemailer's own attachment reader).
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      await this.outbox.sent(mail.id, this.now());
    } catch (error) {
      const attempts = mail.attempts + 1;
      const message = (error as Error).message;
      if (attempts >= this.options.maxAttempts || permanent(error)) {
        this.log.error({ mail: mail.id, attempts, err: message }, 'email: given up');
        await this.outbox.attemptFailed(mail.id, message, null, this.now());
      } else {
        const retryAt = this.now() + this.backoff(attempts);
        this.log.warn({ mail: mail.id, attempts, retryAt, err: message }, 'email: send failed; will retry');
        await this.outbox.attemptFailed(mail.id, message, retryAt, this.now());
      }
    }
  }
}
