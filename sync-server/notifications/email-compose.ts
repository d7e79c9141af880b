import type { InboxItem } from '../../common/contract/notifications.js';

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

/** A minimal HTML page: every user string in it went through escapeHtml, the layout is ours. */
const page = (title: string, content: string, unsubscribeUrl: string, why: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
  `<body style="font-family:sans-serif;max-width:40em">${content}` +
  `<hr><p style="color:#555;font-size:small">${escapeHtml(why)} ` +
  `<a href="${escapeHtml(unsubscribeUrl)}">Stop the email digest</a></p></body></html>`;

const itemHtml = (item: InboxItem): string =>
  `<h2 style="font-size:1.1em">${escapeHtml(item.title)}</h2>` +
  (item.from ? `<p style="color:#555">From ${escapeHtml(item.from)}</p>` : '') +
  // The body stays as written (plain text or the app's Markdown source): shown, never interpreted.
  `<div style="white-space:pre-wrap">${escapeHtml(item.body)}</div>`;

const itemText = (item: InboxItem): string =>
  `${item.title}\n${item.from ? `From ${item.from}\n` : ''}\n${item.body}\n`;

const footer = (unsubscribeUrl: string, why: string): string =>
  `\n--\n${why}\nStop the email digest: ${unsubscribeUrl}\n`;

/** A message a teacher marked important, mailed as soon as it is sent. */
export function importantEmail(item: InboxItem, unsubscribeUrl: string): ComposedEmail {
  const why = 'You get this because your teacher marked the message important. It is also in your inbox in the app.';
  return {
    subject: headerSafe(`Important: ${item.title}`),
    text: `${itemText(item)}${footer(unsubscribeUrl, why)}`,
    html: page(item.title, itemHtml(item), unsubscribeUrl, why),
  };
}

/** The day's or week's messages, oldest first. */
export function digestEmail(
  cadence: 'daily' | 'weekly',
  items: readonly InboxItem[],
  unsubscribeUrl: string,
): ComposedEmail {
  const span = cadence === 'daily' ? 'day' : 'week';
  const subject = `Your ${cadence} digest: ${items.length} new ${items.length === 1 ? 'message' : 'messages'}`;
  const why = `You get this because you asked for a ${cadence} email digest in the app's settings.`;
  return {
    subject,
    text: `${items.length} new in your inbox this ${span}:\n\n${items.map(itemText).join('\n')}${footer(unsubscribeUrl, why)}`,
    html: page(
      subject,
      `<h1 style="font-size:1.3em">${escapeHtml(subject)}</h1>${items.map(itemHtml).join('')}`,
      unsubscribeUrl,
      why,
    ),
  };
}
