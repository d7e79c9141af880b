import { describe, expect, it } from 'vitest';
import { SERVER_EMAIL_ENV, SERVER_PASSWORD_ENV, serverEnv } from './server-sign-in.js';

const read = (name: string, env: NodeJS.ProcessEnv) => {
  const warnings: string[] = [];
  return { value: serverEnv(name, env, (line) => warnings.push(line)), warnings };
};

describe('the class server sign-in of the CLI reads one documented pair of variables', () => {
  it('LIONLEARN_SERVER_EMAIL and LIONLEARN_SERVER_PASSWORD, silently', () => {
    expect(SERVER_EMAIL_ENV).toBe('LIONLEARN_SERVER_EMAIL');
    expect(SERVER_PASSWORD_ENV).toBe('LIONLEARN_SERVER_PASSWORD');
    const env = { LIONLEARN_SERVER_EMAIL: 'head@school.example', LIONLEARN_SERVER_PASSWORD: 'secret' };
    expect(read(SERVER_EMAIL_ENV, env)).toEqual({ value: 'head@school.example', warnings: [] });
    expect(read(SERVER_PASSWORD_ENV, env)).toEqual({ value: 'secret', warnings: [] });
  });

  it.each([
    ['LIONLEARN_SYNC_EMAIL', SERVER_EMAIL_ENV],
    ['LIONLEARN_SERVER_ADMIN_EMAIL', SERVER_EMAIL_ENV],
    ['LIONLEARN_SYNC_PASSWORD', SERVER_PASSWORD_ENV],
    ['LIONLEARN_SERVER_ADMIN_PASSWORD', SERVER_PASSWORD_ENV],
  ])('still reads the old %s, with a one-line warning naming %s', (old, name) => {
    expect(read(name, { [old]: 'value' })).toEqual({
      value: 'value',
      warnings: [`${old} is deprecated: set ${name} instead.`],
    });
  });

  it('prefers the documented name to an old one, and takes an empty value for unset', () => {
    const env = { LIONLEARN_SERVER_PASSWORD: 'new', LIONLEARN_SYNC_PASSWORD: 'old' };
    expect(read(SERVER_PASSWORD_ENV, env)).toEqual({ value: 'new', warnings: [] });
    expect(read(SERVER_PASSWORD_ENV, { LIONLEARN_SERVER_PASSWORD: '', LIONLEARN_SYNC_PASSWORD: '' })).toEqual({
      value: undefined,
      warnings: [],
    });
  });
});
