import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export const isLoopback = (host: string): boolean => LOOPBACK_NAMES.has(host) || host.startsWith('127.');

export const newAccessToken = (): string => randomBytes(24).toString('base64url');

/** Compares in constant time, so the token cannot be guessed one byte at a time. */
export function tokenMatches(presented: string | undefined, expected: string): boolean {
  if (!presented) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/**
 * On loopback only the loopback names are accepted as Host, which defeats DNS rebinding
 * (a web page whose name re-resolves to 127.0.0.1). On a LAN address the token guards alone.
 */
export function isAllowedHostHeader(hostHeader: string | undefined, boundHost: string, port: number): boolean {
  if (!isLoopback(boundHost)) return true;
  if (!hostHeader) return false;
  return ['127.0.0.1', 'localhost', '[::1]'].some((name) => hostHeader === `${name}:${port}`);
}

export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]+)$/.exec(authorization ?? '');
  return match?.[1];
}

export const urlHost = (host: string): string => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);
