import { describe, expect, it } from 'vitest';
import { cliLanguage, langInArgv } from './cli-language.js';

describe("the CLI's language", () => {
  it('follows the terminal locale as POSIX does: LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(cliLanguage({ env: { LANG: 'de_DE.UTF-8' } })).toBe('de');
    expect(cliLanguage({ env: { LANG: 'de_DE.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' } })).toBe('en');
    expect(cliLanguage({ env: { LANG: 'en_US.UTF-8', LC_ALL: 'de_AT' } })).toBe('de');
    expect(cliLanguage({ env: { LANG: 'de_DE.UTF-8', LC_ALL: 'C' } })).toBe('en');
    expect(cliLanguage({ env: { LANG: 'fr_FR.UTF-8' } })).toBe('en');
    expect(cliLanguage({ env: {} })).toBe('en');
  });

  it("puts the open profile's own language over the locale, and --lang over both", () => {
    expect(cliLanguage({ profile: 'de', env: { LANG: 'en_US.UTF-8' } })).toBe('de');
    expect(cliLanguage({ profile: 'system', env: { LANG: 'de_DE.UTF-8' } })).toBe('de');
    expect(cliLanguage({ flag: 'en', profile: 'de', env: { LANG: 'de_DE.UTF-8' } })).toBe('en');
    expect(cliLanguage({ flag: 'xx', env: { LANG: 'de_DE.UTF-8' } })).toBe('de');
  });

  it('finds --lang on the command line before commander has parsed it, as commander would read it', () => {
    expect(langInArgv(['--lang', 'de', '--help'])).toBe('de');
    expect(langInArgv(['quiz', '--lang=de', '--help'])).toBe('de');
    expect(langInArgv(['--lang', 'de', 'quiz', '--lang', 'en'])).toBe('en');
    expect(langInArgv(['run', '--', '--lang', 'de'])).toBeUndefined();
    expect(langInArgv(['quiz', '--help'])).toBeUndefined();
  });
});
