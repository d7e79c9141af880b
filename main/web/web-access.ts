import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { hostname } from 'node:os';
import { say } from '../../common/i18n/message.js';
import type { Said } from '../../common/i18n/message.js';

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');
loopback.addSubnet('::ffff:127.0.0.0', 104, 'ipv6');

/**
 * Whether an address to listen on is this machine alone: an IP literal in 127.0.0.0/8 or ::1, or
 * `localhost`. Any other name is not, since it is resolved when the server listens (`127.evil.example`
 * is a name, not a loopback address).
 */
export function isLoopback(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (bare.toLowerCase() === 'localhost') return true;
  const family = isIP(bare);
  return family !== 0 && loopback.check(bare, family === 4 ? 'ipv4' : 'ipv6');
}

/** 24 random bytes: 32 base64url characters, the least the server accepts. */
export const newAccessToken = (): string => randomBytes(24).toString('base64url');

export const MIN_TOKEN_LENGTH = 32;
const TOKEN_ALPHABET = /^[A-Za-z0-9_-]+$/;

/**
 * Why a token chosen by hand (`LIONLEARN_WEB_TOKEN`) cannot guard the app, or undefined when it can.
 * It travels in a Bearer header, so it must be in that header's alphabet; it must be long; and a
 * token of few distinct characters (`aaaa...`, `0101...`) is not random whatever its length.
 */
export function accessTokenProblem(token: string): Said | undefined {
  if (token.length < MIN_TOKEN_LENGTH)
    return say('web-token-too-short', { length: token.length, minimum: MIN_TOKEN_LENGTH });
  if (!TOKEN_ALPHABET.test(token)) return say('web-token-alphabet');
  if (new Set(token).size < 8) return say('web-token-not-random');
  return undefined;
}

/** Compares in constant time, so the token cannot be guessed one byte at a time. */
export function tokenMatches(presented: unknown, expected: string): boolean {
  if (typeof presented !== 'string' || presented === '') return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

const LOOPBACK_HOST_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/;

/**
 * Which Host headers the server answers. DNS rebinding (a web page whose own name re-resolves to
 * this machine) arrives with the attacker's name as Host, so no name is taken that someone else's
 * DNS could point here. On loopback: the loopback names. Beyond loopback (--allow-lan): those, an
 * address typed as an IP literal, and this machine's own name. Always with the port it listens on.
 */
export function isAllowedHostHeader(
  hostHeader: string | undefined,
  boundHost: string,
  port: number,
  machineName = hostname(),
): boolean {
  const match = HOST_HEADER.exec(hostHeader?.toLowerCase() ?? '');
  if (!match) return false;
  const [, name = '', portText] = match;
  // A browser leaves out the scheme's default port; a port spelled `04780` is not one it sends.
  if ((portText ?? '80') !== String(port)) return false;
  if (LOOPBACK_HOST_NAMES.includes(name) || name === urlHost(boundHost).toLowerCase()) return true;
  if (isLoopback(boundHost)) return false;
  const machine = machineName.toLowerCase();
  return isIP(name.replace(/^\[|\]$/g, '')) !== 0 || name === machine || name === `${machine}.local`;
}

/**
 * A browser names the page that opened a request in Origin; the app's own page has this server's
 * origin. Without Origin the client is not a browser page, and the token alone decides.
 */
export function isOwnOrigin(origin: string | undefined, hostHeader: string | undefined): boolean {
  if (origin === undefined) return true;
  return hostHeader !== undefined && origin.toLowerCase() === `http://${hostHeader.toLowerCase()}`;
}

export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]+)$/.exec(authorization ?? '');
  return match?.[1];
}

export const urlHost = (host: string): string => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);
