import { describe, expect, it } from 'vitest';
import {
  accessTokenProblem,
  bearerToken,
  isAllowedHostHeader,
  isLoopback,
  isOwnOrigin,
  newAccessToken,
  tokenMatches,
} from './web-access.js';

describe('web access policy', () => {
  it('accepts only loopback Host headers with the right port when bound to loopback', () => {
    expect(isAllowedHostHeader('127.0.0.1:4780', '127.0.0.1', 4780)).toBe(true);
    expect(isAllowedHostHeader('localhost:4780', '127.0.0.1', 4780)).toBe(true);
    expect(isAllowedHostHeader('127.0.0.2:4780', '127.0.0.2', 4780)).toBe(true);
    expect(isAllowedHostHeader('127.0.0.1', '127.0.0.1', 80)).toBe(true);
    expect(isAllowedHostHeader('evil.example:4780', '127.0.0.1', 4780)).toBe(false);
    expect(isAllowedHostHeader('127.0.0.1:9999', '127.0.0.1', 4780)).toBe(false);
    expect(isAllowedHostHeader('127.0.0.1', '127.0.0.1', 4780)).toBe(false);
    expect(isAllowedHostHeader(undefined, '127.0.0.1', 4780)).toBe(false);
  });

  it('accepts on a LAN address IP literals and the machine’s own name, never another name (DNS rebinding)', () => {
    const allowed = (host: string) => isAllowedHostHeader(host, '0.0.0.0', 4780, 'lab-12');
    for (const host of ['192.168.1.20:4780', '[fe80::1]:4780', 'lab-12:4780', 'LAB-12.local:4780', '127.0.0.1:4780'])
      expect({ host, allowed: allowed(host) }).toEqual({ host, allowed: true });
    for (const host of [
      'rebind.example:4780',
      'lab-12.rebind.example:4780',
      '192.168.1.20:9999',
      '192.168.1.20',
      '192.168.1.20:04780',
      '192.168.1.20.rebind.example:4780',
      '192.168.1.20%3A4780',
      'user@192.168.1.20:4780',
      '',
    ])
      expect({ host, allowed: allowed(host) }).toEqual({ host, allowed: false });
  });

  it('counts as loopback only loopback IP literals and localhost, never a name that merely starts like one', () => {
    for (const host of ['127.0.0.1', '127.8.9.10', '::1', '[::1]', 'localhost', 'LOCALHOST', '::ffff:127.0.0.1'])
      expect({ host, loopback: isLoopback(host) }).toEqual({ host, loopback: true });
    for (const host of ['0.0.0.0', '::', '10.0.0.5', '192.168.1.2', '127.evil.example', '127.0.0.1.nip.io', 'lab', ''])
      expect({ host, loopback: isLoopback(host) }).toEqual({ host, loopback: false });
  });

  it('matches tokens exactly, and only strings', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abd', 'abc')).toBe(false);
    expect(tokenMatches('', 'abc')).toBe(false);
    expect(tokenMatches(undefined, 'abc')).toBe(false);
    expect(tokenMatches(['abc', 'abc'], 'abc')).toBe(false);
  });

  it('reads a bearer token and nothing else', () => {
    expect(bearerToken('Bearer abc_-1')).toBe('abc_-1');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken('Bearer abc def')).toBeUndefined();
  });

  it('takes only long, random-looking tokens in the Bearer alphabet', () => {
    for (let i = 0; i < 20; i++) expect(accessTokenProblem(newAccessToken())).toBeUndefined();
    expect(accessTokenProblem('0123456789abcdef0123456789abcdef')).toBeUndefined();
    expect(accessTokenProblem('short')?.text).toMatch(/5 characters; it needs at least 32/);
    expect(accessTokenProblem('x'.repeat(31))?.text).toMatch(/31 characters/);
    expect(accessTokenProblem('')?.text).toMatch(/0 characters/);
    expect(accessTokenProblem('a'.repeat(64))?.text).toMatch(/does not look random/);
    expect(accessTokenProblem('abc'.repeat(20))?.text).toMatch(/does not look random/);
    expect(accessTokenProblem('contains spaces and symbols !!! 0123456789')?.text).toMatch(/only letters, digits/);
  });

  it('accepts only the server’s own origin from a browser page', () => {
    expect(isOwnOrigin('http://127.0.0.1:4780', '127.0.0.1:4780')).toBe(true);
    expect(isOwnOrigin(undefined, '127.0.0.1:4780')).toBe(true);
    expect(isOwnOrigin('http://evil.example', '127.0.0.1:4780')).toBe(false);
    expect(isOwnOrigin('null', '127.0.0.1:4780')).toBe(false);
    expect(isOwnOrigin('https://127.0.0.1:4780', '127.0.0.1:4780')).toBe(false);
    expect(isOwnOrigin('http://127.0.0.1:4780', undefined)).toBe(false);
  });
});
