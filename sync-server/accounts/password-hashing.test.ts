import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password-hashing.js';

describe('password hashing', () => {
  it('writes a self-describing scrypt string with a fresh salt and verifies only the right password', async () => {
    const [first, second] = await Promise.all([hashPassword('s3cret pass'), hashPassword('s3cret pass')]);
    expect(first).toMatch(/^\$scrypt\$n=32768,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(second).not.toBe(first);
    expect(await verifyPassword('s3cret pass', first)).toBe(true);
    expect(await verifyPassword('s3cret pass', second)).toBe(true);
    expect(await verifyPassword('s3cret pasS', first)).toBe(false);
  });

  it('matches the same password however its accents were composed', async () => {
    const composed = await hashPassword('caf\u00e9 au lait');
    expect(await verifyPassword('cafe\u0301 au lait', composed)).toBe(true);
  });

  it('refuses a stored hash it did not write or whose cost would exhaust memory', async () => {
    await expect(verifyPassword('x', 'plain text')).rejects.toThrow(/scrypt format/);
    const greedy = (await hashPassword('x')).replace('n=32768', 'n=1073741824');
    await expect(verifyPassword('x', greedy)).rejects.toThrow(/unreasonable cost/);
  });
});
