import type { FastifyRequest } from 'fastify';
import type { AppLanguage } from '../../common/contract/learners.js';
import { shippedLanguage } from '../../common/i18n/catalogs.js';

/**
 * The language tags of an Accept-Language header, most wanted first (RFC 9110: `q` weights, ties keep their
 * order, `q=0` means "not this one").
 */
export function acceptedLanguages(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.split(';').map((p) => p.trim());
      const q = params.find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag, weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .map((entry) => entry.tag);
}

/**
 * The language a page rendered by this server speaks to a browser: the first it asks for that the app ships.
 * The server keeps no account's language (the apps keep it on the learner's machine), so the browser's
 * header is the one word on it; English when it names none of ours.
 */
export const requestLanguage = (request: FastifyRequest): AppLanguage =>
  shippedLanguage(acceptedLanguages(request.headers['accept-language'])) ?? 'en';
