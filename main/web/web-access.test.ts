import { describe, expect, it } from 'vitest';
import { bearerToken, isAllowedHostHeader, isLoopback, tokenMatches } from './web-access.js';

describe('web access policy', () => {
  it('accepts only loopback Host headers with the right port when bound to loopback', () => {
    expect(isAllowedHostHeader('127.0.0.1:4780', '127.0.0.1', 4780)).toBe(true);
    expect(isAllowedHostHeader('localhost:4780', '127.0.0.1', 4780)).toBe(true);
    expect(isAllowedHostHeader('evil.example:4780', '127.0.0.1', 4780)).toBe(false);
    expect(isAllowedHostHeader('127.0.0.1:9999', '127.0.0.1', 4780)).toBe(false);
    expect(isAllowedHostHeader(undefined, '127.0.0.1', 4780)).toBe(false);
  });

  it('leaves Host alone on a LAN address, where the token is the guard', () => {
    expect(isAllowedHostHeader('lab-12.school.lan:4780', '0.0.0.0', 4780)).toBe(true);
    expect(isLoopback('0.0.0.0')).toBe(false);
  });

  it('matches tokens exactly', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abd', 'abc')).toBe(false);
    expect(tokenMatches('', 'abc')).toBe(false);
    expect(tokenMatches(undefined, 'abc')).toBe(false);
  });

  it('reads a bearer token and nothing else', () => {
    expect(bearerToken('Bearer abc_-1')).toBe('abc_-1');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken('Bearer abc def')).toBeUndefined();
  });
});
