import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { say } from '../../common/i18n/message.js';
import type { Said } from '../../common/i18n/message.js';
import { speakerIn } from '../../common/i18n/speaker.js';
import type { Speaker } from '../../common/i18n/speaker.js';
import { requestLanguage } from '../http/request-language.js';
import { escapeHtml } from './email-compose.js';
import type { DigestPreference } from './email-digest-preference.js';
import type { UnsubscribeTokens } from './email-unsubscribe-token.js';

const page = ({ language, text: t }: Speaker, heading: Said, text: Said) =>
  `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(t(heading))}</title></head>` +
  `<body style="font-family:sans-serif;max-width:40em"><h1>${escapeHtml(t(heading))}</h1><p>${escapeHtml(t(text))}</p></body></html>`;

/**
 * GET /email/unsubscribe (the link in a mail and its List-Unsubscribe header): the signed token turns that account's email digest off, and nothing else; no sign-in, and the same
 * answer however often it is opened.
 */
export function registerEmailRoutes(
  app: FastifyInstance,
  { tokens, preference }: { tokens: UnsubscribeTokens; preference: DigestPreference },
): void {
  const unsubscribe = async (request: FastifyRequest, reply: FastifyReply) => {
    const { token } = (request.query ?? {}) as { token?: unknown };
    const accountId = typeof token === 'string' ? tokens.verify(token) : undefined;
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    // The account's chosen language when the link names one, else the browser's.
    const chosen = accountId ? await preference.language(accountId) : undefined;
    const speaker = speakerIn(chosen ?? requestLanguage(request));
    reply.header('vary', 'accept-language');
    if (!accountId)
      return reply.code(400).send(page(speaker, say('email-link-invalid'), say('email-link-invalid-help')));
    await preference.turnOff(accountId);
    return reply.send(page(speaker, say('email-unsubscribed'), say('email-unsubscribed-body')));
  };
  app.get('/email/unsubscribe', unsubscribe);
}
