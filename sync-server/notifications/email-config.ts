import { z } from 'zod';

/** How the class server sends email; absent (the default) means it sends none. */
export interface EmailOptions {
  /** `smtp://user:pass@host:587` or `smtps://…` (nodemailer's connection URL). */
  smtpUrl: string;
  /** The From address, `Class server <noreply@school.example>` or a bare address. */
  from: string;
  /** This server's address as learners reach it, for the unsubscribe link (`https://sync.school.example`). */
  publicUrl: string;
  /** Attempts before a mail is given up (with a log line). */
  maxAttempts: number;
  /** The first retry waits this long; each next one twice as long, up to an hour. */
  retryBaseMs: number;
  /** Mails in flight at once: a slow SMTP server holds this many connections, not one per recipient. */
  concurrency: number;
  /** How often the digest looks for learners whose day or week ended. */
  digestCheckMs: number;
}

export const EMAIL_DEFAULTS = {
  maxAttempts: 8,
  retryBaseMs: 30_000,
  concurrency: 4,
  digestCheckMs: 15 * 60_000,
} as const;

const emailSettingsSchema = z.object({
  smtpUrl: z.url({ protocol: /^smtps?$/, error: 'an smtp:// or smtps:// URL' }),
  // Display names and addresses only: a From with a line break would add headers.
  from: z
    .string({ error: 'required with --smtp-url (--email-from or LIONLEARN_SERVER_EMAIL_FROM)' })
    .min(3)
    .max(200)
    .regex(/^[^\r\n]*@[^\r\n]*$/, 'an address such as "Class server <noreply@school.example>"'),
  publicUrl: z
    .url({
      protocol: /^https?$/,
      error: 'required with --smtp-url: an http:// or https:// URL (--public-url or LIONLEARN_SERVER_PUBLIC_URL)',
    })
    .transform((url) => url.replace(/\/+$/, '')),
});

/**
 * The email settings from flags and environment: none without an SMTP URL (email is off), and a clear error
 * when the URL is given without a From address or the public URL the unsubscribe links point at.
 */
export function emailOptionsFrom(given: {
  smtpUrl?: string;
  from?: string;
  publicUrl?: string;
}): EmailOptions | undefined {
  if (!given.smtpUrl) return undefined;
  const parsed = emailSettingsSchema.safeParse(given);
  if (!parsed.success) throw new Error(`email settings: ${z.prettifyError(parsed.error)}`);
  return { ...EMAIL_DEFAULTS, ...parsed.data };
}
