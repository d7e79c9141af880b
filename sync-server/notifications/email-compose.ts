import type { InboxItem } from '../../common/contract/notifications.js';
import { localized } from '../../common/i18n/localize.js';
import { say } from '../../common/i18n/message.js';
import type { Speaker } from '../../common/i18n/speaker.js';

/** One composed mail, as the outbox stores it and the sender hands it to nodemailer. */
export interface ComposedEmail {
  subject: string;
  text: string;
  html: string;
}

/**
 * A header value from user text (a display name, a message title): line breaks and every other control
 * character become spaces, so no text can end the header and start another (Bcc:, a second body), whatever
 * the transport does; long values are cut.
 */
export function headerSafe(value: string, max = 150): string {
  const flat = value
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an HTML body or attribute: the five characters that could open markup or end an attribute. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** A minimal HTML page in the reader's language: every user string in it went through escapeHtml, the layout is ours. */
const page = (speaker: Speaker, title: string, content: string, unsubscribeUrl: string, why: string): string =>
  `<!doctype html><html lang="${speaker.language}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
  `<body style="font-family:sans-serif;max-width:40em">${content}` +
  `<hr><p style="color:#555;font-size:small">${escapeHtml(why)} ` +
  `<a href="${escapeHtml(unsubscribeUrl)}">${escapeHtml(speaker.text(say('email-stop-digest')))}</a></p></body></html>`;

/** The sender's line, when the item names one. */
const fromLine = (item: InboxItem, speaker: Speaker) =>
  item.from ? speaker.text(say('email-from', { name: item.from })) : undefined;

const itemHtml = (item: InboxItem, speaker: Speaker): string =>
  `<h2 style="font-size:1.1em">${escapeHtml(item.title)}</h2>` +
  (item.from ? `<p style="color:#555">${escapeHtml(fromLine(item, speaker)!)}</p>` : '') +
  // The body stays as written (plain text or the app's Markdown source): shown, never interpreted.
  `<div style="white-space:pre-wrap">${escapeHtml(item.body)}</div>`;

const itemText = (item: InboxItem, speaker: Speaker): string =>
  `${item.title}\n${item.from ? `${fromLine(item, speaker)}\n` : ''}\n${item.body}\n`;

const footer = (speaker: Speaker, unsubscribeUrl: string, why: string): string =>
  `\n--\n${why}\n${speaker.text(say('email-stop-digest'))}: ${unsubscribeUrl}\n`;

/**
 * A message a teacher marked important, mailed as soon as it is sent, in the recipient's language: the server's
 * own notices (titles and bodies with catalog references) too; what a teacher wrote stays as written.
 */
export function importantEmail(inboxItem: InboxItem, unsubscribeUrl: string, speaker: Speaker): ComposedEmail {
  const item = localized(inboxItem, speaker.translate);
  const why = speaker.text(say('email-why-important'));
  return {
    subject: headerSafe(speaker.text(say('email-important-subject', { title: item.title }))),
    text: `${itemText(item, speaker)}${footer(speaker, unsubscribeUrl, why)}`,
    html: page(speaker, item.title, itemHtml(item, speaker), unsubscribeUrl, why),
  };
}

/** The day's or week's messages, oldest first, in the recipient's language. */
export function digestEmail(
  cadence: 'daily' | 'weekly',
  inboxItems: readonly InboxItem[],
  unsubscribeUrl: string,
  speaker: Speaker,
): ComposedEmail {
  const items = inboxItems.map((item) => localized(item, speaker.translate));
  const count = items.length;
  const t = speaker.text;
  const subject = t(
    cadence === 'daily' ? say('email-digest-subject-daily', { count }) : say('email-digest-subject-weekly', { count }),
  );
  const why = t(cadence === 'daily' ? say('email-why-daily') : say('email-why-weekly'));
  const intro = t(
    cadence === 'daily' ? say('email-digest-intro-daily', { count }) : say('email-digest-intro-weekly', { count }),
  );
  return {
    subject,
    text: `${intro}\n\n${items.map((item) => itemText(item, speaker)).join('\n')}${footer(speaker, unsubscribeUrl, why)}`,
    html: page(
      speaker,
      subject,
      `<h1 style="font-size:1.3em">${escapeHtml(subject)}</h1>${items.map((item) => itemHtml(item, speaker)).join('')}`,
      unsubscribeUrl,
      why,
    ),
  };
}
