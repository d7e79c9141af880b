import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { escapeHtml } from './email-compose.js';
import type { DigestPreference } from './email-digest-preference.js';
import type { UnsubscribeTokens } from './email-unsubscribe-token.js';

const page = (title: string, text: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
  `<body style="font-family:sans-serif;max-width:40em"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`;

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
    if (!accountId) {
      return reply
        .code(400)
        .send(
          page(
            'This link is not valid',
            'Copy the whole link from the email, or turn the digest off in the app’s Settings.',
          ),
        );
    }
    await preference.turnOff(accountId);
    return reply.send(
      page(
        'Unsubscribed',
        'You will get no more email digests. Turn them back on in the app’s Settings, Notifications.',
      ),
    );
  };
  app.get('/email/unsubscribe', unsubscribe);
}
