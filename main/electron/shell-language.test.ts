import { describe, expect, it } from 'vitest';
import { say } from '../../common/i18n/message.js';
import { shellLanguage, shellTranslators } from './shell-language.js';

describe("the desktop shell's language", () => {
  it('is the language the learner chose in the app, not the system’s', () => {
    expect(shellLanguage(['de'], ['en-US'])).toBe('de');
    expect(shellLanguage(['en'], ['de-DE'])).toBe('en');
  });

  it("is the system's (its first the app ships) when the learner chose “system” or no profile is open", () => {
    expect(shellLanguage(['system'], ['fr-FR', 'de-AT'])).toBe('de');
    expect(shellLanguage([], ['de_DE.UTF-8'])).toBe('de');
    expect(shellLanguage([undefined], ['fr-FR'])).toBe('en');
  });

  it('takes the first open profile that chose a language (the tray speaks for every open profile)', () => {
    expect(shellLanguage(['system', 'de', 'en'], ['en-US'])).toBe('de');
  });

  it('says the core’s catalog in that language, one translator per language', () => {
    const speak = shellTranslators();
    const said = say('tray-quit');
    expect(speak('de')(said, said.text)).toBe('Beenden');
    expect(speak('en')(said, said.text)).toBe('Quit');
    expect(speak('de')).toBe(speak('de'));
  });
});
